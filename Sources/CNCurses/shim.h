#ifndef FOLLOWUP_CNCURSES_SHIM_H
#define FOLLOWUP_CNCURSES_SHIM_H

// SwiftPM drops pkg-config's -D flags, so the wide-character API must be asked for here.
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <locale.h>
#include <wchar.h>
#include <ncursesw/ncurses.h>
#include <ncursesw/term.h>
#include <langinfo.h>

// Whether the terminal named by TERM is known and can move the cursor: 1 yes, 0 known but
// cannot (dumb, a hardcopy), -1 unknown to terminfo. Checked before initscr, which would exit.
static inline int fu_terminal_usable(void) {
    int err = 0;
    if (setupterm(NULL, 1, &err) != OK) return err == 0 ? 0 : -1;
    char *cup = tigetstr("cup");
    int usable = (cup != NULL && cup != (char *)-1) ? 1 : 0;
    del_curterm(cur_term);
    return usable;
}

// Swift 6 refuses shared mutable globals and does not import function-like macros:
// each one the terminal layer needs is wrapped in a tiny function.
static inline WINDOW *fu_stdscr(void) { return stdscr; }
static inline int fu_lines(void) { return LINES; }
static inline int fu_cols(void) { return COLS; }
static inline int fu_color_pair(int n) { return (int)COLOR_PAIR(n); }
static inline attr_t fu_a_normal(void) { return A_NORMAL; }
static inline attr_t fu_a_bold(void) { return A_BOLD; }
static inline attr_t fu_a_reverse(void) { return A_REVERSE; }
static inline attr_t fu_a_dim(void) { return A_DIM; }
static inline attr_t fu_a_underline(void) { return A_UNDERLINE; }
static inline int fu_key_resize(void) { return KEY_RESIZE; }
static inline int fu_key_up(void) { return KEY_UP; }
static inline int fu_key_down(void) { return KEY_DOWN; }
static inline int fu_key_left(void) { return KEY_LEFT; }
static inline int fu_key_right(void) { return KEY_RIGHT; }
static inline int fu_key_home(void) { return KEY_HOME; }
static inline int fu_key_end(void) { return KEY_END; }
static inline int fu_key_npage(void) { return KEY_NPAGE; }
static inline int fu_key_ppage(void) { return KEY_PPAGE; }
static inline int fu_key_enter(void) { return KEY_ENTER; }
static inline int fu_key_backspace(void) { return KEY_BACKSPACE; }
static inline int fu_key_btab(void) { return KEY_BTAB; }
static inline int fu_key_code_yes(void) { return KEY_CODE_YES; }
static inline int fu_err(void) { return ERR; }
static inline int fu_ok(void) { return OK; }
static inline int fu_key_dc(void) { return KEY_DC; }

#endif
