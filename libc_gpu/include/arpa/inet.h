/* Address text: inet_pton and inet_ntop for IPv6 (RFC 5952's canonical form,
 * as glibc prints it) and IPv4, and the older IPv4 helpers. These only
 * convert text; they work for IPv4 although a VM has no IPv4 sockets. */
#ifndef __LIBC_GPU_ARPA_INET_H
#define __LIBC_GPU_ARPA_INET_H

#include <__libc_gpu/common.h>
#include <__libc_gpu/socket_types.h>
#include <netinet/in.h>

__LIBC_BEGIN_DECLS

/* 1 when text is an address of `family` (AF_INET: four decimal parts;
 * AF_INET6: RFC 4291's forms, without a %scope), 0 when it is not, -1 with
 * EAFNOSUPPORT for another family. */
int inet_pton(int family, const char *__LIBC_RESTRICT text,
              void *__LIBC_RESTRICT out) __LIBC_NOEXCEPT;
/* NULL with ENOSPC when size is too small, EAFNOSUPPORT for another family. */
const char *inet_ntop(int family, const void *__LIBC_RESTRICT address, char *__LIBC_RESTRICT out,
                      socklen_t size) __LIBC_NOEXCEPT;

/* IPv4's older forms: a, a.b, a.b.c or a.b.c.d, each part decimal, octal
 * (0…) or hexadecimal (0x…). */
int inet_aton(const char *text, struct in_addr *out) __LIBC_NOEXCEPT;
/* INADDR_NONE when text is not an address. */
in_addr_t inet_addr(const char *text) __LIBC_NOEXCEPT;
/* The text is in a buffer of the VM's own, rewritten by the next call. */
char *inet_ntoa(struct in_addr address) __LIBC_NOEXCEPT;

__LIBC_END_DECLS

#endif
