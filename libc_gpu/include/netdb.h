/* Name and service translation, for a VM. There is no DNS: getaddrinfo
 * knows numeric addresses, "localhost" (::1), the names in the VM's own
 * /etc/hosts when its root directory has one, and a small table of
 * well-known services (http, https, ssh, smtp, domain, ntp, redis,
 * postgresql, mysql... with the ports and protocols of Debian's
 * /etc/services); anything else is EAI_NONAME (hosts) or EAI_SERVICE
 * (services). Codes, flags and messages are glibc's. */
#ifndef __LIBC_GPU_NETDB_H
#define __LIBC_GPU_NETDB_H

#include <__libc_gpu/common.h>
#include <__libc_gpu/socket_types.h>
#include <netinet/in.h>
#include <sys/socket.h>

struct addrinfo {
  int ai_flags;
  int ai_family;
  int ai_socktype;
  int ai_protocol;
  socklen_t ai_addrlen;
  struct sockaddr *ai_addr;
  char *ai_canonname;
  struct addrinfo *ai_next;
};

#define AI_PASSIVE 0x0001
#define AI_CANONNAME 0x0002
#define AI_NUMERICHOST 0x0004
#define AI_V4MAPPED 0x0008
#define AI_ALL 0x0010
#define AI_ADDRCONFIG 0x0020
#define AI_IDN 0x0040
#define AI_CANONIDN 0x0080
#define AI_NUMERICSERV 0x0400

#define EAI_BADFLAGS -1
#define EAI_NONAME -2
#define EAI_AGAIN -3
#define EAI_FAIL -4
#define EAI_NODATA -5
#define EAI_FAMILY -6
#define EAI_SOCKTYPE -7
#define EAI_SERVICE -8
#define EAI_ADDRFAMILY -9
#define EAI_MEMORY -10
#define EAI_SYSTEM -11
#define EAI_OVERFLOW -12
#define EAI_INPROGRESS -100
#define EAI_CANCELED -101
#define EAI_NOTCANCELED -102
#define EAI_ALLDONE -103
#define EAI_INTR -104
#define EAI_IDN_ENCODE -105

#define NI_MAXHOST 1025
#define NI_MAXSERV 32

#define NI_NUMERICHOST 1
#define NI_NUMERICSERV 2
#define NI_NOFQDN 4
#define NI_NAMEREQD 8
#define NI_DGRAM 16
#define NI_IDN 32

/* gethostbyname's entry and errors, with glibc's layout and values. */
struct hostent {
  char *h_name;
  char **h_aliases;
  int h_addrtype;
  int h_length;
  char **h_addr_list;
};
#define h_addr h_addr_list[0]
#define HOST_NOT_FOUND 1
#define TRY_AGAIN 2
#define NO_RECOVERY 3
#define NO_DATA 4
#define NO_ADDRESS NO_DATA
#define h_errno (*__h_errno_location())

/* The service table's entry: s_port in network byte order. */
struct servent {
  char *s_name;
  char **s_aliases;
  int s_port;
  char *s_proto;
};

__LIBC_BEGIN_DECLS

int *__h_errno_location(void) __LIBC_NOEXCEPT __attribute__((__const__));
/* IPv4 only, as the call is: a dotted address, "localhost" (127.0.0.1), or
 * the IPv4 lines of the VM's /etc/hosts; else NULL with h_errno
 * HOST_NOT_FOUND (no DNS). One entry per VM, overwritten by the next call. */
struct hostent *gethostbyname(const char *name) __LIBC_NOEXCEPT;
/* From the service table getaddrinfo uses; protocol "tcp", "udp" or NULL. */
struct servent *getservbyname(const char *name, const char *protocol) __LIBC_NOEXCEPT;
struct servent *getservbyport(int port, const char *protocol) __LIBC_NOEXCEPT;

/* Results are AF_INET6 only; a VM has no IPv4:
 * - ai_family AF_UNSPEC means AF_INET6; AF_INET gives EAI_FAMILY.
 * - A numeric IPv4 host gives EAI_ADDRFAMILY (glibc's answer for AF_INET6),
 *   or ::ffff:a.b.c.d with AI_V4MAPPED. IPv4 lines of /etc/hosts are
 *   skipped.
 * - A NULL host is :: with AI_PASSIVE, else ::1: one address, not glibc's
 *   two (0.0.0.0 and ::, or ::1 and 127.0.0.1).
 * - ai_socktype 0 gives SOCK_STREAM and SOCK_DGRAM entries (glibc adds
 *   SOCK_RAW, which a VM does not offer); SOCK_RAW, SOCK_SEQPACKET and
 *   protocols other than TCP and UDP give EAI_SOCKTYPE.
 * - "addr%N" takes a numeric scope id; an interface name gives EAI_NONAME.
 * Otherwise as glibc: numeric services as strtoul reads them, AI_CANONNAME
 * (the name as found, or the numeric text) on the first entry,
 * AI_NUMERICHOST, AI_NUMERICSERV, EAI_BADFLAGS for unknown flags or
 * AI_CANONNAME without a host, AI_ADDRCONFIG and AI_ALL accepted (the VM
 * always has IPv6). */
int getaddrinfo(const char *__LIBC_RESTRICT host, const char *__LIBC_RESTRICT service,
                const struct addrinfo *__LIBC_RESTRICT hints,
                struct addrinfo **__LIBC_RESTRICT result) __LIBC_NOEXCEPT;
void freeaddrinfo(struct addrinfo *list) __LIBC_NOEXCEPT;
/* glibc's messages. */
const char *gai_strerror(int code) __LIBC_NOEXCEPT;
/* AF_INET6 and AF_INET addresses. Hosts: the name /etc/hosts gives the
 * address (::1 is "localhost" without one), else the numeric text, or
 * EAI_NONAME with NI_NAMEREQD; a non-zero scope id is added as "%N".
 * Services: the table's name, or the number. EAI_OVERFLOW when a buffer is
 * too small, EAI_FAMILY for another family or a short address length. */
int getnameinfo(const struct sockaddr *__LIBC_RESTRICT address, socklen_t length,
                char *__LIBC_RESTRICT host, socklen_t host_size, char *__LIBC_RESTRICT service,
                socklen_t service_size, int flags) __LIBC_NOEXCEPT;

/* Netgroups: a VM has no netgroup database, so nothing is a member (0)
 * and setnetgrent finds no group (0). */
int innetgr(const char *netgroup, const char *host, const char *user,
            const char *domain) __LIBC_NOEXCEPT;
int setnetgrent(const char *netgroup) __LIBC_NOEXCEPT;
int getnetgrent(char **host, char **user, char **domain) __LIBC_NOEXCEPT;
void endnetgrent(void) __LIBC_NOEXCEPT;

__LIBC_END_DECLS

#endif
