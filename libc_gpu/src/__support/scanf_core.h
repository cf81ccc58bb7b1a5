/* The conversion engine behind sscanf and vsscanf. */
#ifndef LIBC_GPU_SUPPORT_SCANF_CORE_H
#define LIBC_GPU_SUPPORT_SCANF_CORE_H

#include <stdarg.h>

/* Reads input as format says (C11 7.21.6.2: d i u o x X p s c [ n % and the
 * floating conversions, widths, '*', and the hh h l ll j z t L lengths).
 * Returns the number of assignments, or EOF when input ends before the
 * first conversion. */
int __scanf_core(const char *input, const char *format, va_list args);

#endif
