#ifndef FOLLOWUP_CWIDTH_H
#define FOLLOWUP_CWIDTH_H

/// The C library's wcwidth(3) for one code point: the cells ncursesw gives it in the current
/// LC_CTYPE (-1 for a character that is not printable).
int fu_wcwidth(unsigned int scalar);

#endif
