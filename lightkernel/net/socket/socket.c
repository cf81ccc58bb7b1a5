#include "socket.h"

#include <lightkernel/arch.h>
#include <lightkernel/confine.h>

#include "../../rpc/control.h"
#include "../tcp/tcp.h"
#include "../udp/udp.h"

#define SOCK_STREAM 1
#define SOCK_DGRAM 2
#define SOCK_TYPE_MASK 0xf
#define SOCK_MAX 11 /* Linux's: types from here on are EINVAL, below ESOCKTNOSUPPORT */
#define SOCK_NONBLOCK 04000
#define SOCK_CLOEXEC 02000000

#define SOL_SOCKET 1
#define SO_TYPE 3
#define SO_ERROR 4
#define SO_RCVTIMEO 20
#define SO_SNDTIMEO 21
#define SO_ACCEPTCONN 30
#define SO_PROTOCOL 38
#define SO_DOMAIN 39
#define IPPROTO_IPV6 41
#define IPV6_V6ONLY 26
#define FIONREAD 0x541B
#define SIOCOUTQ 0x5411

/* SIN6_LEN_RFC2133: Linux accepts a sockaddr_in6 without its scope id. */
#define SOCKADDR_IN6_MIN 24u

struct socket {
  struct lk_file file;
  int type;
  struct tcp_pcb *tcp;
  struct udp_pcb *udp;
  int v6only;
  int listening;
  int connecting; /* a connect said EINPROGRESS; the next one reports how it ended */
  int64_t receive_timeout, send_timeout; /* ns; 0: none */
};

static struct socket *socket_of(struct lk_file *file) {
  return file && file->ops->kind == LK_FILE_SOCKET ? (struct socket *)file : 0;
}

/* The VM's next timer signal (libc keeps the timers): -1 when none. */
static int64_t signal_alarm = -1;

void lk_signal_alarm(int64_t deadline_ns) {
  signal_alarm = deadline_ns;
}

int net_park(int64_t deadline) {
  if (signal_alarm >= 0 && net_now() >= signal_alarm) {
    signal_alarm = -1; /* libc sets the next one once it has delivered this */
    return -NET_EINTR;
  }
  if (deadline >= 0 && net_now() >= deadline)
    return -NET_EAGAIN;
  return net_wait(deadline);
}

static int64_t deadline_after(int64_t timeout) {
  return timeout > 0 ? net_now() + timeout : -1;
}

static long socket_read(struct lk_file *file, void *buf, size_t len) {
  struct lk_iovec iov = {buf, len};
  return lk_file_result(file, lk_recvfrom_file(file, &iov, 1, 0, 0, 0, 0));
}

static long socket_write(struct lk_file *file, const void *buf, size_t len) {
  struct lk_iovec iov = {(void *)buf, len};
  return lk_file_result(file, lk_sendto_file(file, &iov, 1, 0, 0, 0));
}

unsigned socket_poll(struct lk_file *file) {
  struct socket *s = (struct socket *)file;
  if (s->tcp)
    return tcp_poll_events(s->tcp);
  if (s->udp)
    return udp_poll_events(s->udp);
  return NET_POLLOUT | NET_POLLHUP;
}

/* Sockets the VM holds, for --max-sockets. */
static uint32_t open_sockets;

static void socket_release(struct lk_file *file) {
  struct socket *s = (struct socket *)file;
  --open_sockets;
  if (s->tcp)
    tcp_close(s->tcp);
  if (s->udp)
    udp_close(s->udp);
}

static const struct lk_file_ops socket_ops = {LK_FILE_SOCKET, socket_read, socket_write,
                                              socket_poll, socket_release};

static int parse_address(const void *address, uint32_t length, struct net_addr *addr,
                         uint16_t *port) {
  if (!address)
    return -NET_EFAULT;
  if (length < 2)
    return -NET_EINVAL;
  const struct net_sockaddr_in6 *sa = (const struct net_sockaddr_in6 *)address;
  if (sa->family != NET_AF_INET6)
    return -NET_EAFNOSUPPORT;
  if (length < SOCKADDR_IN6_MIN)
    return -NET_EINVAL;
  net_copy(addr->bytes, sa->addr, 16);
  *port = (uint16_t)((sa->port & 0xff) << 8 | sa->port >> 8);
  return 0;
}

/* As Linux: copies at most *length bytes, then sets *length to the real size. */
static void write_address(void *address, uint32_t *length, const struct net_addr *addr,
                          uint16_t port) {
  if (!address || !length)
    return;
  struct net_sockaddr_in6 sa;
  net_zero(&sa, sizeof sa);
  sa.family = NET_AF_INET6;
  sa.port = (uint16_t)((port & 0xff) << 8 | port >> 8);
  net_copy(sa.addr, addr->bytes, 16);
  uint32_t n = *length < sizeof sa ? *length : (uint32_t)sizeof sa;
  net_copy(address, &sa, n);
  *length = sizeof sa;
}

/* 0, or -EMFILE (counted) when the VM holds --max-sockets already. */
static long socket_room(void) {
  const uint32_t max = __gpuvm_launch.limits.max_sockets;
  if (!max || open_sockets < max)
    return 0;
  ++lk_limit_counters()->sockets_refused;
  return -NET_EMFILE;
}

/* Counted from here; socket_release uncounts it. */
static struct socket *new_socket(int type, int nonblocking) {
  struct socket *s = (struct socket *)lk_file_new(sizeof *s, &socket_ops,
                                                  LK_O_RDWR | (nonblocking ? LK_O_NONBLOCK : 0));
  if (s) {
    s->type = type;
    ++open_sockets;
  }
  return s;
}

long lk_socket(int domain, int type, int protocol) {
  net_poll();
  if (domain != NET_AF_INET6)
    return -NET_EAFNOSUPPORT;
  if (type & ~(SOCK_TYPE_MASK | SOCK_NONBLOCK | SOCK_CLOEXEC))
    return -NET_EINVAL;
  int kind = type & SOCK_TYPE_MASK;
  if (kind >= SOCK_MAX)
    return -NET_EINVAL;
  if (kind != SOCK_STREAM && kind != SOCK_DGRAM)
    return -NET_ESOCKTNOSUPPORT;
  if (protocol && protocol != (kind == SOCK_STREAM ? NET_IPPROTO_TCP : NET_IPPROTO_UDP))
    return -NET_EPROTONOSUPPORT;
  long room = socket_room();
  if (room)
    return room;
  struct socket *s = new_socket(kind, (type & SOCK_NONBLOCK) != 0);
  if (!s)
    return -NET_ENOMEM;
  if (kind == SOCK_STREAM)
    s->tcp = tcp_new();
  else
    s->udp = udp_new();
  int fd = (s->tcp || s->udp) ? lk_fd_install(&s->file, (type & SOCK_CLOEXEC) != 0) : -NET_ENOMEM;
  if (fd < 0) {
    socket_release(&s->file);
    net_free(s);
  }
  return fd;
}

static long socket_fd(int fd, struct socket **out) {
  struct lk_file *file = lk_fd_get(fd);
  if (!file)
    return -NET_EBADF;
  *out = socket_of(file);
  return *out ? 0 : -NET_ENOTSOCK;
}

long lk_bind(int fd, const void *address, uint32_t length) {
  struct socket *s;
  long status = socket_fd(fd, &s);
  if (status)
    return status;
  if (!lk_may_read(address, length))
    return -NET_EFAULT;
  struct net_addr addr;
  uint16_t port;
  if ((status = parse_address(address, length, &addr, &port)))
    return status;
  if (!net_addr_is_local(&addr))
    return -NET_EADDRNOTAVAIL;
  return s->tcp ? tcp_bind(s->tcp, &addr, port) : udp_bind(s->udp, &addr, port);
}

long lk_listen(int fd, int backlog) {
  struct socket *s;
  long status = socket_fd(fd, &s);
  if (status)
    return status;
  if (!s->tcp)
    return -NET_EOPNOTSUPP;
  status = tcp_listen(s->tcp, backlog);
  if (!status)
    s->listening = 1;
  return status;
}

long lk_accept4(int fd, void *address, uint32_t *length, int flags) {
  struct socket *s;
  long status = socket_fd(fd, &s);
  if (status)
    return status;
  if (flags & ~(SOCK_NONBLOCK | SOCK_CLOEXEC))
    return -NET_EINVAL;
  if (!s->tcp || !s->listening)
    return -NET_EINVAL;
  if (address && (!lk_may_write(length, sizeof *length) || !lk_may_write(address, *length)))
    return -NET_EFAULT;
  int64_t deadline = deadline_after(s->receive_timeout);
  struct tcp_pcb *pcb;
  for (;;) {
    net_poll();
    if ((pcb = tcp_accept(s->tcp)))
      break;
    if (!lk_file_blocking(&s->file, 0))
      return lk_file_result(&s->file, -NET_EAGAIN);
    int parked = net_park(deadline);
    if (parked)
      return lk_file_result(&s->file, net_park_answer(parked, -NET_EAGAIN));
  }
  const long room = socket_room();
  struct socket *accepted = room ? 0 : new_socket(SOCK_STREAM, (flags & SOCK_NONBLOCK) != 0);
  int new_fd = room       ? (int)room
               : accepted ? lk_fd_install(&accepted->file, (flags & SOCK_CLOEXEC) != 0)
                          : -NET_ENOMEM;
  if (new_fd < 0) {
    /* No room for the socket or its descriptor: the connection is refused
     * with a reset. */
    struct linger_option {
      int on, seconds;
    } abort_now = {1, 0};
    tcp_setsockopt(pcb, SOL_SOCKET, 13 /* SO_LINGER */, &abort_now, sizeof abort_now);
    tcp_close(pcb);
    if (accepted) {
      socket_release(&accepted->file); /* no connection yet: only uncounts it */
      net_free(accepted);
    }
    return new_fd;
  }
  accepted->tcp = pcb;
  accepted->v6only = s->v6only;
  struct net_addr peer;
  uint16_t port;
  if (address && tcp_peer(pcb, &peer, &port) == 0)
    write_address(address, length, &peer, port);
  return new_fd;
}

long lk_connect(int fd, const void *address, uint32_t length) {
  struct socket *s;
  long status = socket_fd(fd, &s);
  if (status)
    return status;
  if (!lk_may_read(address, length))
    return -NET_EFAULT;
  struct net_addr addr;
  uint16_t port;
  if (s->udp) {
    const struct net_sockaddr_in6 *sa = (const struct net_sockaddr_in6 *)address;
    if (address && length >= 2 && sa->family == 0 /* AF_UNSPEC */) {
      struct net_addr any = {{0}};
      return udp_connect(s->udp, &any, 0);
    }
    if ((status = parse_address(address, length, &addr, &port)))
      return status;
    return udp_connect(s->udp, &addr, port);
  }
  if ((status = parse_address(address, length, &addr, &port)))
    return status;
  net_poll();
  int blocking = lk_file_blocking(&s->file, 0);
  if (s->connecting) {
    /* As Linux: after a connect that said EINPROGRESS, the next one says
     * how the handshake ended (0 once, then EISCONN; a failure's error,
     * then ECONNABORTED, after which a connect starts afresh) or, while
     * it is under way, EALREADY (a blocking one waits for the end). */
    status = tcp_connect_result(s->tcp);
    if (status != -NET_EALREADY || !blocking) {
      s->connecting = status == -NET_EALREADY;
      return status;
    }
  } else {
    status = tcp_connect(s->tcp, &addr, port);
    if (status != -NET_EINPROGRESS)
      return status;
    s->connecting = 1;
    if (!blocking)
      return status;
  }
  int64_t deadline = deadline_after(s->send_timeout);
  for (;;) {
    status = tcp_connect_result(s->tcp);
    if (status != -NET_EALREADY) {
      s->connecting = 0;
      return status;
    }
    int parked = net_park(deadline);
    if (parked) /* SO_SNDTIMEO or a signal: still connecting, as Linux */
      return net_park_answer(parked, -NET_EINPROGRESS);
    net_poll();
  }
}

/* What is left of the caller's vector from byte `skip` on, in at most 16
 * pieces (a call moves what those hold; the caller comes back for more). */
static int iov_from(const struct lk_iovec *iov, int iov_count, size_t skip,
                    struct lk_iovec rest[16]) {
  int n = 0;
  for (int i = 0; i < iov_count && n < 16; ++i) {
    if (skip >= iov[i].length) {
      skip -= iov[i].length;
      continue;
    }
    rest[n].base = (uint8_t *)iov[i].base + skip;
    rest[n].length = iov[i].length - skip;
    skip = 0;
    ++n;
  }
  return n;
}

static long stream_send(struct socket *s, const struct lk_iovec *iov, int iov_count, int flags,
                        int blocking) {
  (void)flags;
  /* A blocking send completes: it takes every byte, waiting for room. */
  size_t total = 0;
  for (int i = 0; i < iov_count; ++i)
    total += iov[i].length;
  if (total == 0) {
    long r = tcp_send(s->tcp, iov, 0);
    return r < 0 && r != -NET_EAGAIN ? r : 0;
  }
  struct lk_iovec rest[16];
  int64_t deadline = deadline_after(s->send_timeout);
  size_t done = 0;
  for (;;) {
    int n = iov_from(iov, iov_count, done, rest);
    long sent = tcp_send(s->tcp, rest, n);
    if (sent > 0) {
      done += (size_t)sent;
      if (done == total || !blocking)
        return (long)done;
      continue;
    }
    if (sent != -NET_EAGAIN || !blocking)
      return done ? (long)done : sent;
    int parked = net_park(deadline);
    if (parked)
      return done ? (long)done : net_park_answer(parked, -NET_EAGAIN);
    net_poll();
  }
}

static long stream_recv(struct socket *s, const struct lk_iovec *iov, int iov_count, int flags,
                        int blocking) {
  size_t wanted = 0;
  for (int i = 0; i < iov_count; ++i)
    wanted += iov[i].length;
  int64_t deadline = deadline_after(s->receive_timeout);
  size_t done = 0;
  struct lk_iovec rest[16];
  for (;;) {
    int n = iov_from(iov, iov_count, done, rest);
    long got = wanted ? tcp_recv(s->tcp, rest, n, flags & NET_MSG_PEEK) : 0;
    if (got > 0) {
      done += (size_t)got;
      if (!(flags & NET_MSG_WAITALL) || done == wanted || (flags & NET_MSG_PEEK) || !blocking)
        return (long)done;
      continue;
    }
    if (got == 0 || got != -NET_EAGAIN || !blocking)
      return done ? (long)done : got;
    int parked = net_park(deadline);
    if (parked)
      return done ? (long)done : net_park_answer(parked, -NET_EAGAIN);
    net_poll();
  }
}

long lk_sendto_file(struct lk_file *file, const struct lk_iovec *iov, int iov_count, int flags,
                    const void *address, uint32_t length) {
  struct socket *s = socket_of(file);
  if (!s)
    return -NET_ENOTSOCK;
  if (iov_count < 0 || iov_count > 1024)
    return -NET_EINVAL;
  net_poll();
  int blocking = lk_file_blocking(file, flags & NET_MSG_DONTWAIT);
  if (s->tcp) /* as Linux, a stream ignores the address */
    return stream_send(s, iov, iov_count, flags, blocking);
  struct net_addr addr;
  uint16_t port = 0;
  if (address) {
    long status = parse_address(address, length, &addr, &port);
    if (status)
      return status;
  }
  if (iov_count > 6)
    return -NET_EMSGSIZE;
  return udp_send(s->udp, address ? &addr : 0, port, iov, iov_count);
}

long lk_recvfrom_file(struct lk_file *file, const struct lk_iovec *iov, int iov_count, int flags,
                      void *address, uint32_t *length, int *message_flags) {
  struct socket *s = socket_of(file);
  if (!s)
    return -NET_ENOTSOCK;
  if (iov_count < 0 || iov_count > 1024)
    return -NET_EINVAL;
  if (message_flags)
    *message_flags = 0;
  net_poll();
  int blocking = lk_file_blocking(file, flags & NET_MSG_DONTWAIT);
  if (s->tcp) {
    if (s->listening)
      return -NET_ENOTCONN;
    long got = stream_recv(s, iov, iov_count, flags, blocking);
    /* As Linux: a stream names no sender (recvfrom's length comes back 0). */
    if (got >= 0 && address && length)
      *length = 0;
    return got;
  }
  int64_t deadline = deadline_after(s->receive_timeout);
  for (;;) {
    struct net_addr from;
    uint16_t port;
    int truncated = 0;
    long got = udp_recv(s->udp, iov, iov_count, flags, &from, &port, &truncated);
    if (got >= 0) {
      write_address(address, length, &from, port);
      if (truncated && message_flags)
        *message_flags |= NET_MSG_TRUNC;
      if (!(flags & NET_MSG_TRUNC)) {
        size_t room = 0;
        for (int i = 0; i < iov_count; ++i)
          room += iov[i].length;
        if ((size_t)got > room)
          got = (long)room;
      }
      return got;
    }
    int error = udp_take_error(s->udp);
    if (error)
      return -error;
    if (!blocking)
      return -NET_EAGAIN;
    int parked = net_park(deadline);
    if (parked)
      return net_park_answer(parked, -NET_EAGAIN);
    net_poll();
  }
}

long lk_sendto(int fd, const struct lk_iovec *iov, int iov_count, int flags, const void *address,
               uint32_t length) {
  struct lk_file *file = lk_fd_get(fd);
  if (!file)
    return -NET_EBADF;
  if (!lk_may_use_iovec(iov, iov_count, 0) || (address && !lk_may_read(address, length)))
    return -NET_EFAULT;
  return lk_file_result(file, lk_sendto_file(file, iov, iov_count, flags, address, length));
}

long lk_recvfrom(int fd, const struct lk_iovec *iov, int iov_count, int flags, void *address,
                 uint32_t *length, int *message_flags) {
  struct lk_file *file = lk_fd_get(fd);
  if (!file)
    return -NET_EBADF;
  if (!lk_may_use_iovec(iov, iov_count, 1) ||
      (address && (!lk_may_write(length, sizeof *length) || !lk_may_write(address, *length))) ||
      (message_flags && !lk_may_write(message_flags, sizeof *message_flags)))
    return -NET_EFAULT;
  return lk_file_result(
      file, lk_recvfrom_file(file, iov, iov_count, flags, address, length, message_flags));
}

long lk_shutdown(int fd, int how) {
  struct socket *s;
  long status = socket_fd(fd, &s);
  if (status)
    return status;
  if (how < 0 || how > 2)
    return -NET_EINVAL;
  net_poll();
  if (s->udp)
    return udp_peer(s->udp, &(struct net_addr){{0}}, &(uint16_t){0});
  return tcp_shutdown(s->tcp, how);
}

static int put_int(void *value, uint32_t *length, int v) {
  if (!value || !length || *length < sizeof(int))
    return -NET_EINVAL;
  *(int *)value = v;
  *length = sizeof(int);
  return 0;
}

struct timeval64 {
  int64_t seconds, microseconds;
};

long lk_getsockopt(int fd, int level, int name, void *value, uint32_t *length) {
  struct socket *s;
  long status = socket_fd(fd, &s);
  if (status)
    return status;
  if (length && (!lk_may_write(length, sizeof *length) || !lk_may_write(value, *length)))
    return -NET_EFAULT;
  net_poll();
  if (level == SOL_SOCKET) {
    switch (name) {
    case SO_TYPE:
      return put_int(value, length, s->type);
    case SO_DOMAIN:
      return put_int(value, length, NET_AF_INET6);
    case SO_PROTOCOL:
      return put_int(value, length, s->tcp ? NET_IPPROTO_TCP : NET_IPPROTO_UDP);
    case SO_ACCEPTCONN:
      return put_int(value, length, s->listening);
    case SO_ERROR:
      return put_int(value, length, s->tcp ? tcp_take_error(s->tcp) : udp_take_error(s->udp));
    case SO_RCVTIMEO:
    case SO_SNDTIMEO: {
      if (!value || !length || *length < sizeof(struct timeval64))
        return -NET_EINVAL;
      int64_t ns = name == SO_RCVTIMEO ? s->receive_timeout : s->send_timeout;
      struct timeval64 tv = {ns / 1000000000, ns % 1000000000 / 1000};
      net_copy(value, &tv, sizeof tv);
      *length = sizeof tv;
      return 0;
    }
    }
  }
  if (level == IPPROTO_IPV6 && name == IPV6_V6ONLY)
    return put_int(value, length, s->v6only);
  if (!value || !length)
    return -NET_EFAULT;
  return s->tcp ? tcp_getsockopt(s->tcp, level, name, value, length)
                : udp_getsockopt(s->udp, level, name, value, length);
}

long lk_setsockopt(int fd, int level, int name, const void *value, uint32_t length) {
  struct socket *s;
  long status = socket_fd(fd, &s);
  if (status)
    return status;
  if (!value || !lk_may_read(value, length))
    return -NET_EFAULT;
  net_poll();
  if (level == SOL_SOCKET && (name == SO_RCVTIMEO || name == SO_SNDTIMEO)) {
    if (length < sizeof(struct timeval64))
      return -NET_EINVAL;
    const struct timeval64 *tv = (const struct timeval64 *)value;
    if (tv->seconds < 0 || tv->microseconds < 0 || tv->microseconds >= 1000000)
      return -33; /* EDOM, as Linux */
    int64_t ns = tv->seconds * 1000000000 + tv->microseconds * 1000;
    if (name == SO_RCVTIMEO)
      s->receive_timeout = ns;
    else
      s->send_timeout = ns;
    return 0;
  }
  if (level == IPPROTO_IPV6 && name == IPV6_V6ONLY) {
    if (length < sizeof(int))
      return -NET_EINVAL;
    s->v6only = *(const int *)value != 0;
    return 0;
  }
  return s->tcp ? tcp_setsockopt(s->tcp, level, name, value, length)
                : udp_setsockopt(s->udp, level, name, value, length);
}

long lk_getsockname(int fd, void *address, uint32_t *length) {
  struct socket *s;
  long status = socket_fd(fd, &s);
  if (status)
    return status;
  if (!address || !length || !lk_may_write(length, sizeof *length) ||
      !lk_may_write(address, *length))
    return -NET_EFAULT;
  struct net_addr addr;
  uint16_t port;
  if (s->tcp)
    tcp_local(s->tcp, &addr, &port);
  else
    udp_local(s->udp, &addr, &port);
  write_address(address, length, &addr, port);
  return 0;
}

long lk_getpeername(int fd, void *address, uint32_t *length) {
  struct socket *s;
  long status = socket_fd(fd, &s);
  if (status)
    return status;
  if (!address || !length || !lk_may_write(length, sizeof *length) ||
      !lk_may_write(address, *length))
    return -NET_EFAULT;
  struct net_addr addr;
  uint16_t port;
  status = s->tcp ? tcp_peer(s->tcp, &addr, &port) : udp_peer(s->udp, &addr, &port);
  if (status)
    return status;
  write_address(address, length, &addr, port);
  return 0;
}

long lk_socket_ioctl(struct lk_file *file, unsigned long request, void *argument) {
  struct socket *s = (struct socket *)file;
  net_poll();
  if (request == FIONREAD) {
    if (s->tcp && s->listening)
      return -NET_EINVAL;
    *(int *)argument = (int)(s->tcp ? tcp_readable(s->tcp) : udp_readable(s->udp));
    return 0;
  }
  return -NET_ENOTTY;
}

/* Zero copy: TCP sockets only. */
static long zc_socket(int fd, struct socket **s) {
  long status = socket_fd(fd, s);
  if (status)
    return status;
  return (*s)->tcp && !(*s)->listening ? 0 : -NET_EOPNOTSUPP;
}

long lk_zc_recv(int fd, const void **data, int flags) {
  struct socket *s;
  long status = zc_socket(fd, &s);
  if (status)
    return status;
  if (!data || !lk_may_write(data, sizeof *data))
    return -NET_EFAULT;
  int blocking = lk_file_blocking(&s->file, flags & NET_MSG_DONTWAIT);
  int64_t deadline = deadline_after(s->receive_timeout);
  for (;;) {
    net_poll();
    long got = tcp_recv_view(s->tcp, data);
    if (got != -NET_EAGAIN || !blocking)
      return lk_file_result(&s->file, got);
    int parked = net_park(deadline);
    if (parked)
      return lk_file_result(&s->file, net_park_answer(parked, got));
  }
}

long lk_zc_recv_done(int fd, size_t consumed) {
  struct socket *s;
  long status = zc_socket(fd, &s);
  return status ? status : tcp_recv_done(s->tcp, (uint32_t)consumed);
}

long lk_zc_send_reserve(int fd, void **data, size_t wanted, int flags) {
  struct socket *s;
  long status = zc_socket(fd, &s);
  if (status)
    return status;
  if (!data || !lk_may_write(data, sizeof *data))
    return -NET_EFAULT;
  int blocking = lk_file_blocking(&s->file, flags & NET_MSG_DONTWAIT);
  int64_t deadline = deadline_after(s->send_timeout);
  uint32_t want = wanted > 0x7fffffffu ? 0x7fffffffu : (uint32_t)wanted;
  for (;;) {
    net_poll();
    long room = tcp_send_view(s->tcp, data, want);
    if (room != -NET_EAGAIN || !blocking)
      return lk_file_result(&s->file, room);
    int parked = net_park(deadline);
    if (parked)
      return lk_file_result(&s->file, net_park_answer(parked, room));
  }
}

long lk_zc_send_commit(int fd, size_t length) {
  struct socket *s;
  long status = zc_socket(fd, &s);
  if (status)
    return status;
  status = tcp_send_commit(s->tcp, (uint32_t)length);
  net_poll();
  return status;
}
