/* libc_gpu's network text and name functions against glibc's: inet_pton
 * and inet_ntop over generated and mutated addresses (the same bytes, the
 * same text, character for character), inet_aton, inet_addr and inet_ntoa,
 * the byte order functions and macros, the FD_*, IN6_IS_ADDR_* and CMSG_*
 * macros, the structures' layouts and constants, gai_strerror's messages,
 * and getaddrinfo and getnameinfo on numeric hosts and services and their
 * error codes. Where libc_gpu differs on purpose (a VM has no IPv4 and no
 * raw sockets; see netdb.h), the test checks libc_gpu's documented answer
 * instead. The hosts file reader runs on generated files. Prints each
 * mismatch (the first 20) and "N passed, M failed"; exits non-zero on any
 * failure. */
/* glibc's EAI_ADDRFAMILY and POLLRDHUP. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "check.h"
#include "libc_gpu_host.h"
#include "net_headers_under_test.h"

/* libc_gpu's hosts file reader (src/__support/hosts.h), not renamed. */
struct hosts_found {
  int count;
  struct {
    uint8_t bytes[16];
    int ipv4;
  } addresses[8];
  char canonical6[256];
  char canonical4[256];
};
int __hosts_by_name(const char *path, const char *name, struct hosts_found *found);
int __hosts_by_address(const char *path, const uint8_t *address, int ipv4, char *name);

static void hex_bytes(char *out, const void *data, size_t size) {
  const unsigned char *bytes = (const unsigned char *)data;
  for (size_t i = 0; i < size; ++i)
    sprintf(out + 2 * i, "%02x", bytes[i]);
  if (!size)
    out[0] = 0;
}

static void check_long(const char *what, const char *input, long ours, long theirs) {
  char got[32], expected[32];
  snprintf(got, sizeof got, "%ld", ours);
  snprintf(expected, sizeof expected, "%ld", theirs);
  check_case(ours == theirs, what, input, got, expected);
}

/* ---- inet_pton and inet_ntop ------------------------------------------ */

static void compare_pton(int family, const char *text) {
  unsigned char ours[16], theirs[16];
  memset(ours, 0x5a, sizeof ours);
  memset(theirs, 0x5a, sizeof theirs);
  int ours_result = libc_gpu_inet_pton(family, text, ours);
  int theirs_result = inet_pton(family, text, theirs);
  char got[64], expected[64];
  size_t size = family == AF_INET6 ? 16 : 4;
  snprintf(got, 8, "%d ", ours_result);
  hex_bytes(got + strlen(got), ours, size);
  snprintf(expected, 8, "%d ", theirs_result);
  hex_bytes(expected + strlen(expected), theirs, size);
  check_case(ours_result == theirs_result && !memcmp(ours, theirs, size),
             family == AF_INET6 ? "inet_pton(AF_INET6)" : "inet_pton(AF_INET)", text, got,
             expected);
}

static void compare_ntop(int family, const unsigned char *bytes) {
  char ours[INET6_ADDRSTRLEN], theirs[INET6_ADDRSTRLEN], input[40];
  hex_bytes(input, bytes, family == AF_INET6 ? 16 : 4);
  const char *ours_result = libc_gpu_inet_ntop(family, bytes, ours, sizeof ours);
  const char *theirs_result = inet_ntop(family, bytes, theirs, sizeof theirs);
  check_case(ours_result && theirs_result && !strcmp(ours, theirs), "inet_ntop", input,
             ours_result ? ours : "NULL", theirs_result ? theirs : "NULL");
}

/* An address with the zero runs, small groups and IPv4 tails that make
 * inet_ntop's choices. */
static void generate_address(unsigned char bytes[16]) {
  int shape = (int)test_random_below(8);
  for (int g = 0; g < 8; ++g) {
    unsigned value;
    switch (test_random_below(6)) {
    case 0:
    case 1:
    case 2:
      value = 0;
      break;
    case 3:
      value = (unsigned)test_random_below(16);
      break;
    case 4:
      value = 0xffff;
      break;
    default:
      value = (unsigned)test_random_below(0x10000);
    }
    bytes[2 * g] = (unsigned char)(value >> 8);
    bytes[2 * g + 1] = (unsigned char)value;
  }
  if (shape == 0) { /* ::ffff:a.b.c.d and its neighbours */
    memset(bytes, 0, 10);
    bytes[10] = bytes[11] = test_random_below(4) ? 0xff : (unsigned char)test_random();
  } else if (shape == 1) { /* ::a.b.c.d */
    memset(bytes, 0, 12);
  }
}

/* Text forms glibc and libc_gpu must read alike: canonical, expanded,
 * upper case, leading zeros, an IPv4 tail. */
static void text_forms(const unsigned char bytes[16]) {
  char text[INET6_ADDRSTRLEN];
  inet_ntop(AF_INET6, bytes, text, sizeof text);
  compare_pton(AF_INET6, text);
  char form[80];
  int n = 0;
  for (int g = 0; g < 8; ++g)
    n += sprintf(form + n, g ? ":%x" : "%x", bytes[2 * g] << 8 | bytes[2 * g + 1]);
  compare_pton(AF_INET6, form);
  n = 0;
  for (int g = 0; g < 8; ++g)
    n += sprintf(form + n, g ? ":%04X" : "%04X", bytes[2 * g] << 8 | bytes[2 * g + 1]);
  compare_pton(AF_INET6, form);
  n = 0;
  for (int g = 0; g < 6; ++g)
    n += sprintf(form + n, "%x:", bytes[2 * g] << 8 | bytes[2 * g + 1]);
  sprintf(form + n, "%u.%u.%u.%u", bytes[12], bytes[13], bytes[14], bytes[15]);
  compare_pton(AF_INET6, form);
}

static const char *random_text(char *out, const char *alphabet, int max_length) {
  size_t letters = strlen(alphabet);
  int length = (int)test_random_below((uint64_t)max_length + 1);
  for (int i = 0; i < length; ++i)
    out[i] = alphabet[test_random_below(letters)];
  out[length] = 0;
  return out;
}

/* One edit of a valid text: a character inserted, removed or replaced. */
static void mutate(char *text, const char *alphabet) {
  size_t length = strlen(text), letters = strlen(alphabet);
  size_t at = (size_t)test_random_below(length + 1);
  switch (test_random_below(3)) {
  case 0:
    memmove(text + at + 1, text + at, length - at + 1);
    text[at] = alphabet[test_random_below(letters)];
    break;
  case 1:
    if (at < length)
      memmove(text + at, text + at + 1, length - at);
    break;
  default:
    if (at < length)
      text[at] = alphabet[test_random_below(letters)];
  }
}

static void pton_ntop(void) {
  static const char *fixed[] = {"::",
                                "::1",
                                "1::",
                                "1::2",
                                "::ffff:1.2.3.4",
                                "::1.2.3.4",
                                "1:2:3:4:5:6:7:8",
                                "1:2:3:4:5:6:7::",
                                "::2:3:4:5:6:7:8",
                                "1::2:3:4:5:6:7:8",
                                "1:2:3:4:5:6:7:8:9",
                                "1:2:3:4:5:6:1.2.3.4",
                                "1:2:3:4:5:6:7:1.2.3.4",
                                "::1.2.3",
                                "::1.2.3.4.5",
                                "::01.2.3.4",
                                "::256.1.1.1",
                                ":1::",
                                "1::2::3",
                                "12345::",
                                "0000::",
                                "00000::",
                                ":::",
                                "1:",
                                ":1",
                                "::ffff:0.0.0.0",
                                "fe80::1%2",
                                "FE80::AbCd",
                                " ::1",
                                "::1 ",
                                "",
                                ":",
                                "1.2.3.4",
                                "::ffff:1.2.3.04",
                                "1::1.2.3.4",
                                "::1:1.2.3.4",
                                "a::b:1.2.3.4",
                                "0:0:0:0:0:0:0:0",
                                "::0:0:0:0:0:0:0",
                                "0::0:0:0:0:0:0:0",
                                "::1.2.3.4:5",
                                "::1:2:3:4:5:6:7"};
  for (size_t i = 0; i < sizeof fixed / sizeof *fixed; ++i) {
    compare_pton(AF_INET6, fixed[i]);
    compare_pton(AF_INET, fixed[i]);
  }
  static const char *fixed4[] = {
      "0.0.0.0", "255.255.255.255", "256.0.0.0", "1.2.3",    "1.2.3.4.", "01.2.3.4",  "1.2.3.4 ",
      "1..2.3",  "0x1.2.3.4",       "+1.2.3.4",  "1.2.3.-4", "00.1.1.1", "1.2.3.4\n", "127.0.0.1"};
  for (size_t i = 0; i < sizeof fixed4 / sizeof *fixed4; ++i)
    compare_pton(AF_INET, fixed4[i]);

  for (int run = 0; run < 200000; ++run) {
    unsigned char bytes[16];
    generate_address(bytes);
    compare_ntop(AF_INET6, bytes);
    if (run % 4 == 0)
      text_forms(bytes);
    if (run % 4 == 1) {
      char text[128];
      inet_ntop(AF_INET6, bytes, text, sizeof text);
      for (int edits = 1 + (int)test_random_below(3); edits; --edits)
        mutate(text, "0123456789abcdefABCDEF:.%g ");
      compare_pton(AF_INET6, text);
      compare_pton(AF_INET, text);
    }
    if (run % 4 == 2) {
      char text[40];
      compare_pton(AF_INET6, random_text(text, "0123456789abcdef::::..", 30));
      compare_pton(AF_INET, random_text(text, "0123456789....", 18));
    }
    compare_ntop(AF_INET, bytes);
  }

  /* Buffer sizes around each text's length; families neither knows. */
  for (int run = 0; run < 2000; ++run) {
    unsigned char bytes[16];
    generate_address(bytes);
    int family = run % 2 ? AF_INET : AF_INET6;
    for (socklen_t size = 0; size <= INET6_ADDRSTRLEN; ++size) {
      char ours[INET6_ADDRSTRLEN], theirs[INET6_ADDRSTRLEN];
      libc_gpu_errno = 0;
      errno = 0;
      const char *ours_result = libc_gpu_inet_ntop(family, bytes, ours, size);
      int ours_errno = libc_gpu_errno;
      const char *theirs_result = inet_ntop(family, bytes, theirs, size);
      char input[16];
      snprintf(input, sizeof input, "size %u", size);
      check_case((ours_result == NULL) == (theirs_result == NULL) &&
                     (ours_result ? !strcmp(ours, theirs) : ours_errno == errno),
                 "inet_ntop size", input, ours_result ? ours : strerror(ours_errno),
                 theirs_result ? theirs : strerror(errno));
    }
  }
  unsigned char bytes[16] = {0};
  libc_gpu_errno = 0;
  check_long("inet_pton AF_UNIX", "", libc_gpu_inet_pton(AF_UNIX, "::1", bytes),
             inet_pton(AF_UNIX, "::1", bytes));
  check_long("inet_pton AF_UNIX errno", "", libc_gpu_errno, EAFNOSUPPORT);
  check_case(libc_gpu_inet_ntop(AF_UNIX, bytes, (char[64]){0}, 64) == NULL &&
                 libc_gpu_errno == EAFNOSUPPORT,
             "inet_ntop AF_UNIX", "", "", "NULL, EAFNOSUPPORT");
}

/* ---- inet_aton, inet_addr, inet_ntoa --------------------------------- */

static void compare_aton(const char *text) {
  struct in_addr ours = {0x5a5a5a5a}, theirs = {0x5a5a5a5a};
  int ours_result = libc_gpu_inet_aton(text, &ours);
  int theirs_result = inet_aton(text, &theirs);
  char got[32], expected[32];
  snprintf(got, sizeof got, "%d %08x", ours_result, ours.s_addr);
  snprintf(expected, sizeof expected, "%d %08x", theirs_result, theirs.s_addr);
  check_case(ours_result == theirs_result && ours.s_addr == theirs.s_addr, "inet_aton", text, got,
             expected);
  check_long("inet_addr", text, libc_gpu_inet_addr(text), inet_addr(text));
}

static void aton(void) {
  static const char *fixed[] = {"0",
                                "1",
                                "4294967295",
                                "4294967296",
                                "0xffffffff",
                                "0x100000000",
                                "1.16777215",
                                "1.16777216",
                                "1.2.65535",
                                "1.2.65536",
                                "1.2.3.255",
                                "1.2.3.256",
                                "0x7f.1",
                                "0177.1",
                                "08.1.1.1",
                                "0x.1.1.1",
                                "0x",
                                "0X1F.0.0.1",
                                "1.2.3.4 junk",
                                "1.2.3.4\tx",
                                "1.2.3.4x",
                                " 1.2.3.4",
                                "1.2.3.4.",
                                "1.2.3.4.5",
                                ".1.2.3",
                                "1..2",
                                "",
                                "-1",
                                "+1",
                                "99999999999999999999999",
                                "0x00000000000000000001",
                                "1.2.3.4\n",
                                "1.2.3.4\v"};
  for (size_t i = 0; i < sizeof fixed / sizeof *fixed; ++i)
    compare_aton(fixed[i]);
  char text[40];
  for (int run = 0; run < 200000; ++run) {
    if (run % 2)
      random_text(text, "0123456789xXabcfABF.. \t", 20);
    else {
      /* One to four parts in mixed bases near their limits. */
      int parts = 1 + (int)test_random_below(4), n = 0;
      for (int p = 0; p < parts; ++p) {
        uint64_t limit = p < parts - 1 ? 0xff : 0xffffffffu >> (8 * (parts - 1));
        uint64_t value =
            test_random_below(4) ? test_random_below(limit + 1) : limit + test_random_below(3) - 1;
        const char *format = test_random_below(3) == 0   ? "%#llx"
                             : test_random_below(2) == 0 ? "%#llo"
                                                         : "%llu";
        n += snprintf(text + n, sizeof text - (size_t)n, "%s", p ? "." : "");
        n += snprintf(text + n, sizeof text - (size_t)n, format, (unsigned long long)value);
      }
      if (test_random_below(8) == 0)
        mutate(text, "0123456789x. ");
    }
    compare_aton(text);
  }
  for (int run = 0; run < 10000; ++run) {
    struct in_addr address = {(uint32_t)test_random()};
    char ours[INET_ADDRSTRLEN], theirs[INET_ADDRSTRLEN];
    snprintf(ours, sizeof ours, "%s", libc_gpu_inet_ntoa(address));
    snprintf(theirs, sizeof theirs, "%s", inet_ntoa(address));
    check_case(!strcmp(ours, theirs), "inet_ntoa", "", ours, theirs);
  }
}

/* ---- byte order, FD_*, IN6_IS_ADDR_*, CMSG_*, layouts ----------------- */

static void byte_order(void) {
  for (int run = 0; run < 100000; ++run) {
    uint32_t value = (uint32_t)test_random();
    uint16_t half = (uint16_t)value;
    check_long("htons", "", libc_gpu_htons(half), htons(half));
    check_long("ntohs", "", libc_gpu_ntohs(half), ntohs(half));
    check_long("htonl", "", libc_gpu_htonl(value), htonl(value));
    check_long("ntohl", "", libc_gpu_ntohl(value), ntohl(value));
    check_long("htons macro", "", libc_gpu_test_byte_order(0, half), htons(half));
    check_long("ntohs macro", "", libc_gpu_test_byte_order(1, half), ntohs(half));
    check_long("htonl macro", "", libc_gpu_test_byte_order(2, value), htonl(value));
    check_long("ntohl macro", "", libc_gpu_test_byte_order(3, value), ntohl(value));
  }
}

static void fd_macros(void) {
  for (int run = 0; run < 20000; ++run) {
    int ops[64];
    int count = 1 + (int)test_random_below(64);
    fd_set theirs;
    FD_ZERO(&theirs);
    for (int i = 0; i < count; ++i) {
      int fd = (int)test_random_below(FD_SETSIZE);
      int kind = (int)test_random_below(20);
      ops[i] = kind == 0 ? 0 : kind < 13 ? fd + 1 : -(fd + 1);
      if (ops[i] > 0)
        FD_SET(fd, &theirs);
      else if (ops[i] < 0)
        FD_CLR(fd, &theirs);
      else
        FD_ZERO(&theirs);
    }
    unsigned char ours[128];
    libc_gpu_test_fd_ops(ops, count, ours);
    char got[300], expected[300];
    hex_bytes(got, ours, 128);
    hex_bytes(expected, &theirs, 128);
    check_case(sizeof theirs == 128 && !memcmp(ours, &theirs, 128), "FD_SET/FD_CLR/FD_ZERO", "",
               got, expected);
    for (int probe = 0; probe < 8; ++probe) {
      int fd = (int)test_random_below(FD_SETSIZE);
      check_long("FD_ISSET", "", libc_gpu_test_fd_isset(ours, fd) != 0, FD_ISSET(fd, &theirs) != 0);
    }
  }
}

static int glibc_in6_classes(const struct in6_addr *p) {
  return IN6_IS_ADDR_UNSPECIFIED(p) << 0 | IN6_IS_ADDR_LOOPBACK(p) << 1 |
         IN6_IS_ADDR_MULTICAST(p) << 2 | IN6_IS_ADDR_LINKLOCAL(p) << 3 |
         IN6_IS_ADDR_SITELOCAL(p) << 4 | IN6_IS_ADDR_V4MAPPED(p) << 5 |
         IN6_IS_ADDR_V4COMPAT(p) << 6 | IN6_IS_ADDR_MC_NODELOCAL(p) << 7 |
         IN6_IS_ADDR_MC_LINKLOCAL(p) << 8 | IN6_IS_ADDR_MC_SITELOCAL(p) << 9 |
         IN6_IS_ADDR_MC_ORGLOCAL(p) << 10 | IN6_IS_ADDR_MC_GLOBAL(p) << 11 |
         IN6_ARE_ADDR_EQUAL(p, &in6addr_loopback) << 12 | IN6_ARE_ADDR_EQUAL(p, &in6addr_any) << 13;
}

static void in6_macros(void) {
  for (int run = 0; run < 100000; ++run) {
    unsigned char bytes[16];
    generate_address(bytes);
    switch (test_random_below(6)) {
    case 0:
      bytes[0] = 0xff;
      bytes[1] = (unsigned char)test_random();
      break;
    case 1:
      bytes[0] = 0xfe;
      bytes[1] = (unsigned char)(0x80 + test_random_below(0x80));
      break;
    case 2:
      memset(bytes, 0, 15);
      bytes[15] = (unsigned char)test_random_below(3);
      break;
    }
    struct in6_addr theirs;
    memcpy(&theirs, bytes, 16);
    char input[40];
    hex_bytes(input, bytes, 16);
    check_long("IN6_IS_ADDR_* bits", input, libc_gpu_test_in6_classes(bytes),
               glibc_in6_classes(&theirs));
  }
}

static void cmsg_macros(void) {
  for (size_t length = 0; length < 200; ++length) {
    char input[16];
    snprintf(input, sizeof input, "%zu", length);
    check_long("CMSG_SPACE", input, (long)libc_gpu_test_cmsg(0, length), (long)CMSG_SPACE(length));
    check_long("CMSG_LEN", input, (long)libc_gpu_test_cmsg(1, length), (long)CMSG_LEN(length));
    check_long("CMSG_ALIGN", input, (long)libc_gpu_test_cmsg(2, length), (long)CMSG_ALIGN(length));
  }
  /* Control buffers of headers with generated lengths, some lying. */
  for (int run = 0; run < 20000; ++run) {
    _Alignas(8) unsigned char buffer[256];
    memset(buffer, 0, sizeof buffer);
    size_t size = (size_t)test_random_below(sizeof buffer + 1);
    size_t at = 0;
    while (at + sizeof(struct cmsghdr) <= sizeof buffer) {
      struct cmsghdr header = {0};
      header.cmsg_len =
          test_random_below(8) ? CMSG_LEN(test_random_below(40)) : (size_t)test_random_below(300);
      memcpy(buffer + at, &header, sizeof header);
      at += CMSG_ALIGN(header.cmsg_len);
      if (header.cmsg_len < sizeof header)
        break;
    }
    size_t ours[64], theirs[64];
    int ours_count = libc_gpu_test_cmsg_walk(buffer, size, ours, 64);
    struct msghdr message = {0};
    message.msg_control = buffer;
    message.msg_controllen = size;
    int theirs_count = 0;
    for (struct cmsghdr *c = CMSG_FIRSTHDR(&message); c && theirs_count < 64;
         c = CMSG_NXTHDR(&message, c))
      theirs[theirs_count++] = (size_t)((unsigned char *)c - buffer);
    char input[16];
    snprintf(input, sizeof input, "size %zu", size);
    check_case(ours_count == theirs_count &&
                   !memcmp(ours, theirs, (size_t)ours_count * sizeof *ours),
               "CMSG_FIRSTHDR/CMSG_NXTHDR walk", input, "", "");
  }
}

static void layouts(void) {
  const long glibc[] = {
      sizeof(struct sockaddr),
      sizeof(struct sockaddr_storage),
      sizeof(struct sockaddr_in),
      sizeof(struct sockaddr_in6),
      offsetof(struct sockaddr_in6, sin6_port),
      offsetof(struct sockaddr_in6, sin6_flowinfo),
      offsetof(struct sockaddr_in6, sin6_addr),
      offsetof(struct sockaddr_in6, sin6_scope_id),
      sizeof(struct sockaddr_un),
      sizeof(struct msghdr),
      offsetof(struct msghdr, msg_iov),
      offsetof(struct msghdr, msg_iovlen),
      offsetof(struct msghdr, msg_control),
      offsetof(struct msghdr, msg_controllen),
      offsetof(struct msghdr, msg_flags),
      sizeof(struct cmsghdr),
      sizeof(struct addrinfo),
      offsetof(struct addrinfo, ai_addrlen),
      offsetof(struct addrinfo, ai_addr),
      offsetof(struct addrinfo, ai_canonname),
      offsetof(struct addrinfo, ai_next),
      sizeof(struct epoll_event),
      offsetof(struct epoll_event, data),
      sizeof(struct pollfd),
      sizeof(fd_set),
      sizeof(struct linger),
      AF_INET6,
      SOCK_STREAM,
      SOCK_DGRAM,
      SOCK_NONBLOCK,
      SOCK_CLOEXEC,
      SOL_SOCKET,
      SO_REUSEADDR,
      SO_REUSEPORT,
      SO_ERROR,
      SO_KEEPALIVE,
      SO_LINGER,
      SO_RCVBUF,
      SO_SNDBUF,
      SO_RCVTIMEO,
      SO_SNDTIMEO,
      MSG_PEEK,
      MSG_DONTWAIT,
      MSG_NOSIGNAL,
      MSG_TRUNC,
      MSG_WAITALL,
      SHUT_RDWR,
      SOMAXCONN,
      IPPROTO_TCP,
      IPPROTO_UDP,
      IPPROTO_IPV6,
      IPV6_V6ONLY,
      TCP_NODELAY,
      TCP_KEEPIDLE,
      TCP_KEEPINTVL,
      TCP_KEEPCNT,
      EPOLLIN,
      EPOLLOUT,
      EPOLLRDHUP,
      EPOLLET,
      EPOLLONESHOT,
      EPOLLEXCLUSIVE,
      POLLIN,
      POLLOUT,
      POLLRDHUP,
      POLLNVAL,
      AI_PASSIVE,
      AI_CANONNAME,
      AI_NUMERICHOST,
      AI_NUMERICSERV,
      AI_V4MAPPED,
      AI_ADDRCONFIG,
      NI_NUMERICHOST,
      NI_NUMERICSERV,
      NI_NAMEREQD,
      NI_DGRAM,
      NI_MAXHOST,
      NI_MAXSERV,
      EAI_NONAME,
      EAI_SERVICE,
      EAI_FAMILY,
      EAI_ADDRFAMILY,
      EAI_OVERFLOW,
      INET6_ADDRSTRLEN,
      INET_ADDRSTRLEN,
      FD_SETSIZE,
  };
  int count = (int)(sizeof glibc / sizeof *glibc);
  for (int i = 0; i < count; ++i) {
    char input[16];
    snprintf(input, sizeof input, "entry %d", i);
    check_long("layout or constant", input, libc_gpu_test_layout(i), glibc[i]);
  }
  check_long("layout list length", "", libc_gpu_test_layout(count), -1);
}

/* ---- gai_strerror ----------------------------------------------------- */

static void gai_messages(void) {
  for (int code = -120; code <= 5; ++code) {
    char input[16];
    snprintf(input, sizeof input, "%d", code);
    const char *ours = libc_gpu_gai_strerror(code), *theirs = gai_strerror(code);
    check_case(!strcmp(ours, theirs), "gai_strerror", input, ours, theirs);
  }
}

/* ---- getaddrinfo ------------------------------------------------------ */

/* One line per entry: family, type, protocol, length, address, port,
 * scope, flags, canonical name. */
static void describe(char *out, size_t size, int status, const struct addrinfo *list) {
  int n = snprintf(out, size, "%d", status);
  for (; !status && list && (size_t)n < size; list = list->ai_next) {
    char text[INET6_ADDRSTRLEN] = "?";
    unsigned port = 0, scope = 0, flowinfo = 0;
    if (list->ai_family == AF_INET6 && list->ai_addrlen >= sizeof(struct sockaddr_in6)) {
      const struct sockaddr_in6 *a = (const struct sockaddr_in6 *)list->ai_addr;
      inet_ntop(AF_INET6, &a->sin6_addr, text, sizeof text);
      port = ntohs(a->sin6_port);
      scope = a->sin6_scope_id;
      flowinfo = a->sin6_flowinfo;
    } else if (list->ai_family == AF_INET) {
      const struct sockaddr_in *a = (const struct sockaddr_in *)list->ai_addr;
      inet_ntop(AF_INET, &a->sin_addr, text, sizeof text);
      port = ntohs(a->sin_port);
    }
    n += snprintf(out + n, size - (size_t)n, " [f%d t%d p%d l%u %s %u s%u fi%u fl%x %s]",
                  list->ai_family, list->ai_socktype, list->ai_protocol, list->ai_addrlen, text,
                  port, scope, flowinfo, list->ai_flags,
                  list->ai_canonname ? list->ai_canonname : "-");
  }
}

/* glibc's answer as a VM gives it: without AF_INET and SOCK_RAW entries,
 * and EAI_ADDRFAMILY when nothing is left. The canonical name moves to the
 * first entry kept. */
static int vm_view(int status, struct addrinfo **list) {
  if (status)
    return status;
  const char *canonical = (*list)->ai_canonname;
  struct addrinfo **link = list;
  while (*link) {
    struct addrinfo *entry = *link;
    if (entry->ai_family == AF_INET || entry->ai_socktype == SOCK_RAW)
      *link = entry->ai_next; /* leaked to glibc's list: freed below */
    else
      link = &entry->ai_next;
  }
  if (!*list)
    return EAI_ADDRFAMILY;
  (*list)->ai_canonname = (char *)canonical;
  return 0;
}

static void compare_getaddrinfo(const char *host, const char *service, int family, int socktype,
                                int protocol, int flags) {
  struct addrinfo hints = {0};
  hints.ai_family = family;
  hints.ai_socktype = socktype;
  hints.ai_protocol = protocol;
  hints.ai_flags = flags;
  struct addrinfo *ours = NULL, *theirs = NULL;
  int ours_status = libc_gpu_getaddrinfo(host, service, &hints, &ours);
  int theirs_status = getaddrinfo(host, service, &hints, &theirs);
  /* glibc's list as it came, to put back before freeing it. */
  struct {
    struct addrinfo *entry;
    char *canonical;
  } kept[64];
  int count = 0;
  for (struct addrinfo *e = theirs_status ? NULL : theirs; e && count < 64; e = e->ai_next) {
    kept[count].entry = e;
    kept[count++].canonical = e->ai_canonname;
  }
  int expected_status;
  /* "*" is no service at all, as NULL. */
  int no_service = !service || (service[0] == '*' && !service[1]);
  char *end = NULL;
  if (!no_service)
    strtoul(service, &end, 10);
  int name_for_number = !no_service && (flags & AI_NUMERICSERV) && *end;
  int nothing = (!host || (host[0] == '*' && !host[1])) && no_service;
  if (nothing || theirs_status == EAI_BADFLAGS || theirs_status == EAI_FAMILY ||
      (name_for_number && theirs_status == EAI_NONAME))
    expected_status = theirs_status; /* checked before anything a VM changes */
  else if (family == AF_INET)
    expected_status = EAI_FAMILY; /* no IPv4 in a VM */
  else if (socktype == SOCK_RAW || socktype == SOCK_SEQPACKET ||
           (protocol && protocol != IPPROTO_TCP && protocol != IPPROTO_UDP))
    expected_status = EAI_SOCKTYPE; /* TCP and UDP sockets only */
  else
    expected_status = vm_view(theirs_status, &theirs);
  char input[200], got[1024], expected[1024];
  snprintf(input, sizeof input, "host %s service %s family %d type %d protocol %d flags %#x",
           host ? host : "NULL", service ? service : "NULL", family, socktype, protocol, flags);
  describe(got, sizeof got, ours_status, ours);
  describe(expected, sizeof expected, expected_status, expected_status ? NULL : theirs);
  check_case(!strcmp(got, expected), "getaddrinfo", input, got, expected);
  if (!ours_status)
    libc_gpu_freeaddrinfo(ours);
  if (count) {
    for (int i = 0; i < count; ++i) {
      kept[i].entry->ai_canonname = kept[i].canonical;
      kept[i].entry->ai_next = i + 1 < count ? kept[i + 1].entry : NULL;
    }
    freeaddrinfo(kept[0].entry);
  }
}

/* libc_gpu's own answer where no glibc call fits (the host's /etc/hosts
 * and interfaces would decide glibc's). */
static void expect_getaddrinfo(const char *host, const char *service, const struct addrinfo *hints,
                               const char *expected) {
  struct addrinfo *ours = NULL;
  int status = libc_gpu_getaddrinfo(host, service, hints, &ours);
  char got[1024], input[160];
  describe(got, sizeof got, status, ours);
  snprintf(input, sizeof input, "host %s service %s (libc_gpu's documented answer)",
           host ? host : "NULL", service ? service : "NULL");
  check_case(!strcmp(got, expected), "getaddrinfo", input, got, expected);
  if (!status)
    libc_gpu_freeaddrinfo(ours);
}

static void addrinfo_cases(void) {
  static const char *hosts[] = {NULL,
                                "::1",
                                "::",
                                "2001:db8::5",
                                "fe80::1%2",
                                "fe80::1%99",
                                "ff02::1%3",
                                "::1%5",
                                "fe80::1%",
                                "fe80::1%2x",
                                "fe80::1%4294967295",
                                "fe80::1%4294967296",
                                "127.0.0.1",
                                "1.2.3",
                                "0x7f.1",
                                "::ffff:1.2.3.4",
                                "*",
                                "1::2::3",
                                "",
                                "::1 ",
                                "2001:DB8::A",
                                "1.2.3.4 x"};
  static const char *services[] = {
      NULL,     "80",    "0",    "65535", "65536",  "-1",  "4294967295", "4294967296", " 80",
      "+80",    "-0",    "0x50", "",      "  ",     "80 ", "http",       "https",      "ntp",
      "domain", "redis", "www",  "imap",  "nosuch", "*",   "postgres"};
  static const int families[] = {AF_UNSPEC, AF_INET6, AF_INET, 99};
  static const int types[][2] = {{0, 0},
                                 {SOCK_STREAM, 0},
                                 {SOCK_DGRAM, 0},
                                 {0, IPPROTO_TCP},
                                 {0, IPPROTO_UDP},
                                 {SOCK_STREAM, IPPROTO_TCP},
                                 {SOCK_STREAM, IPPROTO_UDP},
                                 {SOCK_DGRAM, IPPROTO_TCP},
                                 {SOCK_RAW, 0},
                                 {SOCK_SEQPACKET, 0},
                                 {99, 0}};
  static const int flag_sets[] = {0,
                                  AI_PASSIVE,
                                  AI_CANONNAME,
                                  AI_NUMERICSERV,
                                  AI_PASSIVE | AI_CANONNAME | AI_NUMERICSERV,
                                  AI_ALL,
                                  0x8000,
                                  0x100,
                                  0x0200 | AI_PASSIVE};
  for (size_t h = 0; h < sizeof hosts / sizeof *hosts; ++h)
    for (size_t s = 0; s < sizeof services / sizeof *services; ++s)
      for (size_t f = 0; f < sizeof families / sizeof *families; ++f)
        for (size_t t = 0; t < sizeof types / sizeof *types; ++t)
          for (size_t k = 0; k < sizeof flag_sets / sizeof *flag_sets; ++k) {
            /* Numeric hosts only: glibc would ask DNS for the rest. */
            int flags = flag_sets[k] | AI_NUMERICHOST;
            compare_getaddrinfo(hosts[h], services[s], families[f], types[t][0], types[t][1],
                                flags);
          }
  /* Generated numeric hosts. */
  for (int run = 0; run < 20000; ++run) {
    unsigned char bytes[16];
    generate_address(bytes);
    char text[INET6_ADDRSTRLEN + 12];
    inet_ntop(AF_INET6, bytes, text, INET6_ADDRSTRLEN);
    if (run % 3 == 0)
      sprintf(text + strlen(text), "%%%u", (unsigned)test_random_below(100000) + 1000);
    if (run % 5 == 1)
      mutate(text, "0123456789abcdef:.%");
    compare_getaddrinfo(text, run % 2 ? "443" : NULL, run % 4 < 2 ? AF_UNSPEC : AF_INET6,
                        run % 3 == 2 ? SOCK_STREAM : 0, 0,
                        AI_NUMERICHOST | (run % 7 == 0 ? AI_CANONNAME : 0));
  }

  /* libc_gpu's documented answers. */
  struct addrinfo hints = {0};
  hints.ai_socktype = SOCK_STREAM;
  expect_getaddrinfo("localhost", "80", &hints, "0 [f10 t1 p6 l28 ::1 80 s0 fi0 fl0 -]");
  hints.ai_flags = AI_CANONNAME;
  expect_getaddrinfo("LocalHost", "6379", &hints,
                     "0 [f10 t1 p6 l28 ::1 6379 s0 fi0 fl2 localhost]");
  hints.ai_flags = AI_NUMERICHOST;
  expect_getaddrinfo("localhost", "80", &hints, "-2");
  hints.ai_flags = 0;
  expect_getaddrinfo("no-such-host.invalid", "80", &hints, "-2");
  expect_getaddrinfo("fe80::1%lo", "80", &hints, "-2");
  hints.ai_flags = AI_V4MAPPED;
  expect_getaddrinfo("127.0.0.1", "80", &hints,
                     "0 [f10 t1 p6 l28 ::ffff:127.0.0.1 80 s0 fi0 fl8 -]");
  hints.ai_flags = AI_ADDRCONFIG;
  expect_getaddrinfo("::1", "80", &hints, "0 [f10 t1 p6 l28 ::1 80 s0 fi0 fl20 -]");
  expect_getaddrinfo(
      "::1", "80", NULL,
      "0 [f10 t1 p6 l28 ::1 80 s0 fi0 fl28 -] [f10 t2 p17 l28 ::1 80 s0 fi0 fl28 -]");
  expect_getaddrinfo(NULL, NULL, NULL, "-2");
  hints.ai_flags = 0;
  hints.ai_family = AF_INET;
  expect_getaddrinfo("127.0.0.1", "80", &hints, "-6");
}

/* ---- getnameinfo ------------------------------------------------------ */

static void compare_getnameinfo(const void *address, socklen_t length, socklen_t host_size,
                                socklen_t service_size, int flags, const char *input) {
  char ours_host[NI_MAXHOST] = "?", ours_service[NI_MAXSERV] = "?";
  char theirs_host[NI_MAXHOST] = "?", theirs_service[NI_MAXSERV] = "?";
  int ours =
      libc_gpu_getnameinfo((const struct sockaddr *)address, length, host_size ? ours_host : NULL,
                           host_size, service_size ? ours_service : NULL, service_size, flags);
  int theirs = getnameinfo((const struct sockaddr *)address, length, host_size ? theirs_host : NULL,
                           host_size, service_size ? theirs_service : NULL, service_size, flags);
  char got[NI_MAXHOST + 64], expected[NI_MAXHOST + 64];
  snprintf(got, sizeof got, "%d %s %s", ours, ours ? "" : ours_host, ours ? "" : ours_service);
  snprintf(expected, sizeof expected, "%d %s %s", theirs, theirs ? "" : theirs_host,
           theirs ? "" : theirs_service);
  char where[200];
  snprintf(where, sizeof where, "%s length %u sizes %u/%u flags %#x", input, length, host_size,
           service_size, flags);
  check_case(!strcmp(got, expected), "getnameinfo", where, got, expected);
}

static void nameinfo_cases(void) {
  /* Ports of the service table, and numbers no /etc/services names. */
  static const unsigned ports[] = {80,  443, 22, 53, 123,   6379,  5432, 8080,
                                   143, 7,   9,  0,  65535, 47001, 60999};
  for (int run = 0; run < 20000; ++run) {
    struct sockaddr_in6 a6 = {0};
    a6.sin6_family = AF_INET6;
    generate_address(a6.sin6_addr.s6_addr);
    a6.sin6_port = htons((uint16_t)ports[test_random_below(sizeof ports / sizeof *ports)]);
    /* Scope ids no interface here has, so glibc prints the number too. */
    if (run % 3 == 0)
      a6.sin6_scope_id = 1000 + (uint32_t)test_random_below(100000);
    a6.sin6_flowinfo = (uint32_t)test_random();
    int flags = NI_NUMERICHOST | (run % 2 ? NI_NUMERICSERV : 0) | (run % 5 == 0 ? NI_DGRAM : 0);
    char input[80];
    inet_ntop(AF_INET6, &a6.sin6_addr, input, sizeof input);
    socklen_t host_size = run % 4 ? NI_MAXHOST : (socklen_t)test_random_below(50);
    socklen_t service_size = run % 4 != 1 ? NI_MAXSERV : (socklen_t)test_random_below(8);
    compare_getnameinfo(&a6, sizeof a6, host_size, service_size, flags, input);
    if (run % 50 == 0) {
      compare_getnameinfo(&a6, sizeof a6 - 1, NI_MAXHOST, NI_MAXSERV, flags, input);
      compare_getnameinfo(&a6, sizeof a6 + 4, NI_MAXHOST, NI_MAXSERV, flags, input);
      compare_getnameinfo(&a6, sizeof a6, NI_MAXHOST, NI_MAXSERV, flags | 0x1000, input);
      compare_getnameinfo(&a6, sizeof a6, NI_MAXHOST, NI_MAXSERV, flags | NI_NAMEREQD, input);
    }
    struct sockaddr_in a4 = {0};
    a4.sin_family = AF_INET;
    a4.sin_port = a6.sin6_port;
    a4.sin_addr.s_addr = (uint32_t)test_random();
    inet_ntop(AF_INET, &a4.sin_addr, input, sizeof input);
    compare_getnameinfo(&a4, sizeof a4, host_size, service_size, flags, input);
  }
  struct sockaddr_in6 a6 = {0};
  a6.sin6_family = 99;
  compare_getnameinfo(&a6, sizeof a6, NI_MAXHOST, NI_MAXSERV, NI_NUMERICHOST, "family 99");
  compare_getnameinfo(&a6, 1, NI_MAXHOST, NI_MAXSERV, NI_NUMERICHOST, "length 1");

  /* libc_gpu's documented answers: ::1 is localhost; no DNS. */
  a6.sin6_family = AF_INET6;
  a6.sin6_addr.s6_addr[15] = 1;
  a6.sin6_port = htons(80);
  char host[NI_MAXHOST], service[NI_MAXSERV];
  int status = libc_gpu_getnameinfo((struct sockaddr *)&a6, sizeof a6, host, sizeof host, service,
                                    sizeof service, 0);
  char got[NI_MAXHOST + 64];
  snprintf(got, sizeof got, "%d %s %s", status, host, service);
  check_case(!strcmp(got, "0 localhost http"), "getnameinfo ::1", "", got, "0 localhost http");
  inet_pton(AF_INET6, "2001:db8::5", &a6.sin6_addr);
  status = libc_gpu_getnameinfo((struct sockaddr *)&a6, sizeof a6, host, sizeof host, service,
                                sizeof service, NI_DGRAM);
  snprintf(got, sizeof got, "%d %s %s", status, host, service);
  check_case(!strcmp(got, "0 2001:db8::5 80"), "getnameinfo no name", "", got, "0 2001:db8::5 80");
  status = libc_gpu_getnameinfo((struct sockaddr *)&a6, sizeof a6, host, sizeof host, service,
                                sizeof service, NI_NAMEREQD);
  check_long("getnameinfo NI_NAMEREQD", "2001:db8::5", status, EAI_NONAME);
}

/* ---- the hosts file reader -------------------------------------------- */

static void hosts_file(void) {
  char path[] = "/tmp/libc_gpu_hosts_XXXXXX";
  int fd = mkstemp(path);
  if (fd < 0) {
    check_case(0, "hosts file", "mkstemp", strerror(errno), "a file");
    return;
  }
  static const char text[] = "# a VM's hosts\n"
                             "127.0.0.1\tlocalhost\n"
                             "::1     localhost ip6-localhost ip6-loopback\n"
                             "\n"
                             "   2001:db8::5 www WWW.example.org # the web server\n"
                             "2001:db8::6 db#no space before the comment\n"
                             "192.0.2.7 legacy www\n"
                             "not-an-address bogus\n"
                             "2001:db8::9\n"
                             "2001:DB8::0:5 www-again www\n"
                             "1.2.3 short\n"
                             "2001:db8::a\tmany a1 a2 a3 a4 a5 a6 a7 a8 a9 www";
  if (write(fd, text, sizeof text - 1) != (ssize_t)(sizeof text - 1))
    check_case(0, "hosts file", "write", strerror(errno), "written");
  close(fd);

  struct {
    const char *name;
    const char *expected;
  } cases[] = {
      {"localhost", "1 ::1 localhost | 127.0.0.1 localhost"},
      {"LOCALHOST", "1 ::1 localhost | 127.0.0.1 localhost"},
      {"ip6-loopback", "1 ::1 localhost |"},
      {"www", "3 2001:db8::5 2001:db8::5 2001:db8::a www | 192.0.2.7 legacy"},
      {"www.example.org", "1 2001:db8::5 www |"},
      {"db", "1 2001:db8::6 db |"},
      {"legacy", "0 | 192.0.2.7 legacy"},
      {"bogus", "0 |"},
      {"short", "0 |"},
      {"a9", "1 2001:db8::a many |"},
      {"#", "0 |"},
      {"comment", "0 |"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; ++i) {
    struct hosts_found found;
    int count = __hosts_by_name(path, cases[i].name, &found);
    char got[512];
    int n, v6 = 0;
    char list6[300] = "", list4[200] = "";
    for (int k = 0; k < count; ++k) {
      char address[INET6_ADDRSTRLEN];
      if (found.addresses[k].ipv4) {
        inet_ntop(AF_INET, found.addresses[k].bytes, address, sizeof address);
        snprintf(list4 + strlen(list4), sizeof list4 - strlen(list4), "%s ", address);
      } else {
        inet_ntop(AF_INET6, found.addresses[k].bytes, address, sizeof address);
        snprintf(list6 + strlen(list6), sizeof list6 - strlen(list6), "%s ", address);
        ++v6;
      }
    }
    /* "<IPv6 count> <IPv6 addresses> <name> | <IPv4 addresses> <name>" */
    n = snprintf(got, sizeof got, "%d %s%s%s|", v6, list6, v6 ? found.canonical6 : "",
                 v6 ? " " : "");
    if (list4[0])
      snprintf(got + n, sizeof got - (size_t)n, " %s%s", list4, found.canonical4);
    check_case(!strcmp(got, cases[i].expected), "hosts by name", cases[i].name, got,
               cases[i].expected);
  }
  struct {
    const char *address;
    const char *expected;
  } reverse[] = {{"::1", "localhost"},    {"2001:db8::5", "www"}, {"127.0.0.1", "localhost"},
                 {"192.0.2.7", "legacy"}, {"2001:db8::7", ""},    {"2001:db8::a", "many"}};
  for (size_t i = 0; i < sizeof reverse / sizeof *reverse; ++i) {
    unsigned char bytes[16];
    int ipv4 = inet_pton(AF_INET, reverse[i].address, bytes) == 1;
    if (!ipv4)
      inet_pton(AF_INET6, reverse[i].address, bytes);
    char name[256] = "";
    if (!__hosts_by_address(path, bytes, ipv4, name))
      name[0] = 0;
    check_case(!strcmp(name, reverse[i].expected), "hosts by address", reverse[i].address, name,
               reverse[i].expected);
  }
  struct hosts_found found;
  check_long("hosts: missing file", "", __hosts_by_name("/nonexistent/hosts", "localhost", &found),
             0);
  unlink(path);
}

int main(void) {
  pton_ntop();
  check_section("inet_pton and inet_ntop (generated, mutated and random text)");
  aton();
  check_section("inet_aton, inet_addr, inet_ntoa");
  byte_order();
  check_section("htons, htonl, ntohs, ntohl (functions and macros)");
  fd_macros();
  in6_macros();
  cmsg_macros();
  layouts();
  check_section("FD_*, IN6_IS_ADDR_*, CMSG_* macros; layouts and constants");
  gai_messages();
  check_section("gai_strerror");
  addrinfo_cases();
  check_section("getaddrinfo (numeric hosts, services, hints, errors)");
  nameinfo_cases();
  check_section("getnameinfo (numeric hosts, services, scopes, buffer sizes, errors)");
  hosts_file();
  check_section("the hosts file reader");
  return check_summary();
}
