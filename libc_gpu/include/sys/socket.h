/* BSD sockets, with Linux's values and layouts. A VM offers AF_INET6
 * sockets of type SOCK_STREAM (TCP) and SOCK_DGRAM (UDP): socket() with
 * AF_INET (IPv4 is not offered yet), AF_UNIX or any other family fails with
 * EAFNOSUPPORT. Every call acts on the VM's own stack; one that would block
 * parks the VM, checking only its own queues and timers, unless the socket
 * is non-blocking or MSG_DONTWAIT is given. No call raises SIGPIPE: a write
 * to a reset or shut down connection fails with EPIPE. */
#ifndef __LIBC_GPU_SYS_SOCKET_H
#define __LIBC_GPU_SYS_SOCKET_H

#include <__libc_gpu/common.h>
#include <__libc_gpu/iovec.h>
#include <__libc_gpu/socket_types.h>
#include <__libc_gpu/types.h>

#define __need_size_t
#define __need_NULL
#include <stddef.h>

struct sockaddr {
  sa_family_t sa_family;
  char sa_data[14];
};

/* Room and alignment for any address (128 bytes). */
struct sockaddr_storage {
  sa_family_t ss_family;
  char __ss_padding[128 - sizeof(sa_family_t) - sizeof(unsigned long)];
  unsigned long __ss_align;
};

struct linger {
  int l_onoff;
  int l_linger;
};

struct msghdr {
  void *msg_name;
  socklen_t msg_namelen;
  struct iovec *msg_iov;
  size_t msg_iovlen;
  void *msg_control;
  size_t msg_controllen;
  int msg_flags;
};

/* Ancillary data. The macros walk a control buffer as on Linux; a VM's
 * sockets neither send nor receive any (recvmsg sets msg_controllen to 0). */
struct cmsghdr {
  size_t cmsg_len;
  int cmsg_level;
  int cmsg_type;
};

#define CMSG_ALIGN(len) (((len) + sizeof(size_t) - 1) & (size_t) ~(sizeof(size_t) - 1))
#define CMSG_SPACE(len) (CMSG_ALIGN(len) + CMSG_ALIGN(sizeof(struct cmsghdr)))
#define CMSG_LEN(len) (CMSG_ALIGN(sizeof(struct cmsghdr)) + (len))
#define CMSG_DATA(cmsg) ((unsigned char *)((struct cmsghdr *)(cmsg) + 1))
#define CMSG_FIRSTHDR(msg)                                                                         \
  ((size_t)(msg)->msg_controllen >= sizeof(struct cmsghdr) ? (struct cmsghdr *)(msg)->msg_control  \
                                                           : (struct cmsghdr *)0)
#define CMSG_NXTHDR(msg, cmsg) __libc_gpu_cmsg_nxthdr((msg), (cmsg))

/* The header after cmsg, when the buffer has room for cmsg's data (padded)
 * and a whole next header; the next header's own length is the caller's to
 * check, as with glibc. */
static inline struct cmsghdr *__libc_gpu_cmsg_nxthdr(struct msghdr *msg, struct cmsghdr *cmsg) {
  size_t length = cmsg->cmsg_len;
  if (length < sizeof(struct cmsghdr))
    return (struct cmsghdr *)0;
  size_t left =
      (size_t)((unsigned char *)msg->msg_control + msg->msg_controllen - (unsigned char *)cmsg);
  size_t padding = (sizeof(size_t) - (length & (sizeof(size_t) - 1))) & (sizeof(size_t) - 1);
  size_t needed = sizeof(struct cmsghdr) + padding;
  /* Written so that no huge cmsg_len can wrap around. */
  if (left < needed || left - needed < length)
    return (struct cmsghdr *)0;
  return (struct cmsghdr *)((unsigned char *)cmsg + length + padding);
}

#define SCM_RIGHTS 1
#define SCM_CREDENTIALS 2

#define AF_UNSPEC 0
#define AF_UNIX 1
#define AF_LOCAL AF_UNIX
#define AF_INET 2
#define AF_INET6 10
#define AF_NETLINK 16
#define AF_PACKET 17
#define AF_MAX 46
#define PF_UNSPEC AF_UNSPEC
#define PF_UNIX AF_UNIX
#define PF_LOCAL AF_LOCAL
#define PF_INET AF_INET
#define PF_INET6 AF_INET6
#define PF_NETLINK AF_NETLINK
#define PF_PACKET AF_PACKET
#define PF_MAX AF_MAX

#define SOCK_STREAM 1
#define SOCK_DGRAM 2
#define SOCK_RAW 3
#define SOCK_RDM 4
#define SOCK_SEQPACKET 5
#define SOCK_DCCP 6
#define SOCK_PACKET 10
/* Or'ed into socket()'s type and accept4()'s flags. */
#define SOCK_NONBLOCK 04000
#define SOCK_CLOEXEC 02000000

#define SOL_SOCKET 1
#define SO_DEBUG 1
#define SO_REUSEADDR 2
#define SO_TYPE 3
#define SO_ERROR 4
#define SO_DONTROUTE 5
#define SO_BROADCAST 6
#define SO_SNDBUF 7
#define SO_RCVBUF 8
#define SO_KEEPALIVE 9
#define SO_OOBINLINE 10
#define SO_NO_CHECK 11
#define SO_PRIORITY 12
#define SO_LINGER 13
#define SO_BSDCOMPAT 14
#define SO_REUSEPORT 15
#define SO_PASSCRED 16
#define SO_PEERCRED 17
#define SO_RCVLOWAT 18
#define SO_SNDLOWAT 19
/* struct timeval: 64-bit fields on every target, as on x86-64 Linux. */
#define SO_RCVTIMEO 20
#define SO_SNDTIMEO 21
#define SO_BINDTODEVICE 25
#define SO_TIMESTAMP 29
#define SO_ACCEPTCONN 30
#define SO_SNDBUFFORCE 32
#define SO_RCVBUFFORCE 33
#define SO_PROTOCOL 38
#define SO_DOMAIN 39
#define SO_BUSY_POLL 46
#define SO_INCOMING_CPU 49
#define SO_ZEROCOPY 60

#define MSG_OOB 0x01
#define MSG_PEEK 0x02
#define MSG_DONTROUTE 0x04
#define MSG_CTRUNC 0x08
#define MSG_PROXY 0x10
#define MSG_TRUNC 0x20
#define MSG_DONTWAIT 0x40
#define MSG_EOR 0x80
#define MSG_WAITALL 0x100
#define MSG_FIN 0x200
#define MSG_SYN 0x400
#define MSG_CONFIRM 0x800
#define MSG_RST 0x1000
#define MSG_ERRQUEUE 0x2000
#define MSG_NOSIGNAL 0x4000
#define MSG_MORE 0x8000
#define MSG_WAITFORONE 0x10000
#define MSG_ZEROCOPY 0x4000000
#define MSG_FASTOPEN 0x20000000
#define MSG_CMSG_CLOEXEC 0x40000000

#define SHUT_RD 0
#define SHUT_WR 1
#define SHUT_RDWR 2

/* The largest backlog listen() takes as asked; larger ones are cut to it. */
#define SOMAXCONN 4096

__LIBC_BEGIN_DECLS

int socket(int domain, int type, int protocol) __LIBC_NOEXCEPT;
/* A VM has no AF_UNIX sockets: EAFNOSUPPORT, or EOPNOTSUPP for AF_INET6
 * (as Linux answers for TCP and UDP). */
int socketpair(int domain, int type, int protocol, int fds[2]) __LIBC_NOEXCEPT;
int bind(int fd, const struct sockaddr *address, socklen_t length) __LIBC_NOEXCEPT;
int listen(int fd, int backlog) __LIBC_NOEXCEPT;
/* The accepted socket is blocking, whatever the listening one is. */
int accept(int fd, struct sockaddr *__LIBC_RESTRICT address,
           socklen_t *__LIBC_RESTRICT length) __LIBC_NOEXCEPT;
/* flags: SOCK_NONBLOCK, SOCK_CLOEXEC. */
int accept4(int fd, struct sockaddr *__LIBC_RESTRICT address, socklen_t *__LIBC_RESTRICT length,
            int flags) __LIBC_NOEXCEPT;
/* Non-blocking: EINPROGRESS, then the socket turns writable and
 * getsockopt(SO_ERROR) tells the outcome. */
int connect(int fd, const struct sockaddr *address, socklen_t length) __LIBC_NOEXCEPT;
int getsockname(int fd, struct sockaddr *__LIBC_RESTRICT address,
                socklen_t *__LIBC_RESTRICT length) __LIBC_NOEXCEPT;
int getpeername(int fd, struct sockaddr *__LIBC_RESTRICT address,
                socklen_t *__LIBC_RESTRICT length) __LIBC_NOEXCEPT;

/* A blocking send on a stream sends everything (the VM waits for room); it
 * never returns short. */
ssize_t send(int fd, const void *data, size_t size, int flags) __LIBC_NOEXCEPT;
ssize_t recv(int fd, void *data, size_t size, int flags) __LIBC_NOEXCEPT;
ssize_t sendto(int fd, const void *data, size_t size, int flags, const struct sockaddr *address,
               socklen_t length) __LIBC_NOEXCEPT;
ssize_t recvfrom(int fd, void *__LIBC_RESTRICT data, size_t size, int flags,
                 struct sockaddr *__LIBC_RESTRICT address,
                 socklen_t *__LIBC_RESTRICT length) __LIBC_NOEXCEPT;
/* At most 1024 iovecs (EMSGSIZE past that). Ancillary data is neither sent
 * nor received: recvmsg sets msg_controllen to 0; msg_flags gets MSG_TRUNC
 * for a datagram that did not fit. */
ssize_t sendmsg(int fd, const struct msghdr *message, int flags) __LIBC_NOEXCEPT;
ssize_t recvmsg(int fd, struct msghdr *message, int flags) __LIBC_NOEXCEPT;

int getsockopt(int fd, int level, int name, void *__LIBC_RESTRICT value,
               socklen_t *__LIBC_RESTRICT length) __LIBC_NOEXCEPT;
int setsockopt(int fd, int level, int name, const void *value, socklen_t length) __LIBC_NOEXCEPT;
int shutdown(int fd, int how) __LIBC_NOEXCEPT;

__LIBC_END_DECLS

#endif
