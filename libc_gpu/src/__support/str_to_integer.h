/* The integer parser behind strtol, strtoul, strtoll, strtoull and friends. */
#ifndef LIBC_GPU_SUPPORT_STR_TO_INTEGER_H
#define LIBC_GPU_SUPPORT_STR_TO_INTEGER_H

/* Parses like glibc: optional white space and sign, "0x"/"0" prefixes when
 * the base allows them, then digits. A signed result lies in [-max-1, max]
 * and is returned as its two's-complement bits; an unsigned one in [0, max],
 * where a '-' negates it modulo 2^64. Out of range: ERANGE and the nearest
 * bound. A bad base: EINVAL, 0, and *end untouched. No digits: 0 and
 * *end = text (or the 'x' of a bare "0x"). */
unsigned long long __str_to_integer(const char *text, char **end, int base, int is_signed,
                                    unsigned long long max);

#endif
