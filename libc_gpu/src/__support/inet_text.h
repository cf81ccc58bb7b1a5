/* Internet addresses as text, for arpa/inet.h and netdb.h. Addresses are
 * bytes in network order. */
#ifndef LIBC_GPU_SUPPORT_INET_TEXT_H
#define LIBC_GPU_SUPPORT_INET_TEXT_H

#include <stddef.h>
#include <stdint.h>

/* inet_pton's forms, the whole of text: IPv4 is four decimal parts of at
 * most 255 without leading zeros; IPv6 is RFC 4291's text, with "::" once
 * and an IPv4 tail. Return 1 when text is an address, else 0. */
int __inet_parse4(const char *text, uint8_t out[4]);
int __inet_parse6(const char *text, uint8_t out[16]);

/* inet_aton's forms: a, a.b, a.b.c or a.b.c.d, each part decimal, octal or
 * hexadecimal, the last one filling the bytes left. inet_aton accepts
 * anything after a space; `exact` (getaddrinfo) accepts nothing after the
 * address. Returns 1 or 0. */
int __inet_parse_aton(const char *text, int exact, uint8_t out[4]);

/* Writes the address and a NUL (at most 16 and 46 bytes); returns the
 * length. IPv6 in RFC 5952's canonical form, as glibc prints it: the
 * longest run of two or more zero groups (the first of equal ones) is "::",
 * and ::a.b.c.d and ::ffff:a.b.c.d keep an IPv4 tail. */
size_t __inet_format4(const uint8_t address[4], char out[16]);
size_t __inet_format6(const uint8_t address[16], char out[46]);
/* A port or scope id in decimal, with its NUL (at most 11 bytes). */
size_t __inet_format_decimal(uint32_t value, char out[11]);

#endif
