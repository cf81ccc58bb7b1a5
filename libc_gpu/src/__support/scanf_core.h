/* The conversion engine behind every scanf-family function. */
#ifndef LIBC_GPU_SUPPORT_SCANF_CORE_H
#define LIBC_GPU_SUPPORT_SCANF_CORE_H

#include <stdarg.h>

/* Where scanf reads from: a string or a stream. read returns the next
 * character as an unsigned char, or EOF at the end (or on a stream's error);
 * unread gives back the character read last, never EOF. The engine reads
 * one character past each field and gives it back, as glibc does, so a
 * source needs room for one character of pushback and no more. */
struct scanf_source {
  int (*read)(struct scanf_source *source);
  void (*unread)(struct scanf_source *source, int ch);
};

/* Reads as glibc's vfscanf does, character by character, consuming what
 * glibc consumes: C11 7.21.6.2's d i u o x X p s c [ n % a e f g (and the
 * capitals A E F G C S), widths, '*', "%n$" positions, POSIX's 'm'
 * (allocate), the hh h l ll j z t L q lengths, and glibc's "(nil)" for %p.
 * The ' and I flags are accepted and mean nothing in the C locale. Wide
 * conversions (%lc %ls %l[ %C %S) take ASCII; another byte is an encoding
 * error (EILSEQ). Returns the number of assignments, or EOF when input ends
 * (or an allocation fails) before the first one. */
int __scanf_core(struct scanf_source *source, const char *format, va_list args);

#endif
