#ifndef FOLLOWUP_CBYTES_H
#define FOLLOWUP_CBYTES_H

#include <stddef.h>

/// The C library's memmem(3): where `needle` first lies in `haystack`, or NULL. (A GNU
/// extension the Swift Glibc module leaves out.)
const void *fu_memmem(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length);

#endif
