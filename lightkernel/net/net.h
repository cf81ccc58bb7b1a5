/* The light kernel's network stack: what its layers share. One VM's stack,
 * all state in plain globals (the compiler makes them per VM, inside the
 * VM's slice), run only from the VM's own system calls: no locks.
 *
 * A packet in: net_poll drains the VM's rx ring -> ip6_input -> icmp6_input
 * / udp_input / tcp_input. A packet out: the transport builds its header and
 * checksum -> ip6_output -> router_output (ring of the receiving VM, or the
 * uplink). */
#ifndef LIGHTKERNEL_NET_NET_H
#define LIGHTKERNEL_NET_NET_H

#include <gpuvm/net.h>
#include <lightkernel/syscall.h>

#include <stddef.h>
#include <stdint.h>

/* Linux's numbers, which the VM's programs use. */
#define NET_AF_INET 2
#define NET_AF_INET6 10
#define NET_IPPROTO_TCP 6
#define NET_IPPROTO_UDP 17
#define NET_IPPROTO_ICMPV6 58

/* Linux errno values the stack answers with. */
enum {
  NET_EPERM = 1,
  NET_ENOENT = 2,
  NET_EINTR = 4,
  NET_EIO = 5,
  NET_EBADF = 9,
  NET_EAGAIN = 11,
  NET_ENOMEM = 12,
  NET_EFAULT = 14,
  NET_EEXIST = 17,
  NET_EINVAL = 22,
  NET_EMFILE = 24,
  NET_ENOTTY = 25,
  NET_EPIPE = 32,
  NET_ENOSYS = 38,
  NET_ENOTSOCK = 88,
  NET_EDESTADDRREQ = 89,
  NET_EMSGSIZE = 90,
  NET_EPROTOTYPE = 91,
  NET_ENOPROTOOPT = 92,
  NET_EPROTONOSUPPORT = 93,
  NET_ESOCKTNOSUPPORT = 94,
  NET_EOPNOTSUPP = 95,
  NET_EAFNOSUPPORT = 97,
  NET_EADDRINUSE = 98,
  NET_EADDRNOTAVAIL = 99,
  NET_ENETUNREACH = 101,
  NET_ECONNABORTED = 103,
  NET_ECONNRESET = 104,
  NET_ENOBUFS = 105,
  NET_EISCONN = 106,
  NET_ENOTCONN = 107,
  NET_ETIMEDOUT = 110,
  NET_ECONNREFUSED = 111,
  NET_EHOSTUNREACH = 113,
  NET_EALREADY = 114,
  NET_EINPROGRESS = 115,
};

/* poll/epoll event bits (Linux's). */
#define NET_POLLIN 0x001u
#define NET_POLLPRI 0x002u
#define NET_POLLOUT 0x004u
#define NET_POLLERR 0x008u
#define NET_POLLHUP 0x010u
#define NET_POLLNVAL 0x020u
#define NET_POLLRDHUP 0x2000u

/* send/recv flags (Linux's). */
#define NET_MSG_OOB 0x1
#define NET_MSG_PEEK 0x2
#define NET_MSG_TRUNC 0x20
#define NET_MSG_DONTWAIT 0x40
#define NET_MSG_WAITALL 0x100
#define NET_MSG_NOSIGNAL 0x4000

/* An IPv6 address: 16 bytes, network order. */
struct net_addr {
  uint8_t bytes[16];
};

/* struct sockaddr_in6, Linux's layout (28 bytes). */
struct net_sockaddr_in6 {
  uint16_t family;
  uint16_t port; /* network order */
  uint32_t flowinfo;
  uint8_t addr[16];
  uint32_t scope_id;
};

/* A packet being taken apart: the IPv6 header's fields the transports need,
 * and the transport payload (header included), already length-checked. */
struct net_packet {
  struct net_addr src, dst;
  uint8_t hop_limit;
  uint8_t next_header; /* the upper-layer protocol, extension headers skipped */
  const uint8_t *ip;   /* the whole IPv6 packet (ICMPv6 errors quote it) */
  uint32_t ip_length;  /* bytes of the whole packet */
  const uint8_t *data; /* the upper-layer header */
  uint32_t length;     /* its bytes, from the upper-layer header to the end */
};

/* This VM's interface and its counters. */
struct net_interface {
  struct net_addr address; /* PREFIX::100+k */
  uint32_t mtu;
  int up; /* 0: the launch gave this VM no network */
  /* Where this VM counts: its entry in the launch's counters array (which
   * `gpuvm stat` reads while it runs), or a private one. Count with
   * ++net_if.counters->field. */
  struct gpuvm_net_counters *counters;
};
extern struct net_interface net_if;

/* Brings the interface up from the launch's parameters (idempotent). */
void net_init(void);

/* The monotonic clock, in nanoseconds (the scripted-packet harness runs a
 * virtual one). */
int64_t net_now(void);

/* The kernel's memory: the VM's heap, in its own slice. NULL when full.
 *
 * Files: the stack proper (ipv6/, icmp6/, udp/, tcp/, socket/, checksum.c)
 * touches the outside only through net_now, net_alloc/net_free, net_wait and
 * router_output, which device.c and router.c implement for a real VM and the
 * scripted-packet harness (script/) implements on a virtual clock. */
void *net_alloc(size_t size);
void net_free(void *block);
/* Bytes net_alloc could still hand out, in pieces of any size. */
size_t net_memory_free(void);

/* A call that would block asks this whether to wait: 0 when the VM parked
 * until something may have changed or deadline_ns (monotonic; < 0: none)
 * passed, so the caller retries; -NET_EAGAIN when waiting is not possible
 * (the harness). */
int net_wait(int64_t deadline_ns);

/* A VM is leaving, its descriptors closed: runs the stack until every
 * connection has delivered what it holds (or 10 s pass), as a process's
 * sockets outlive it on Linux. */
void net_linger(void);
/* The VM's stack stops for good: the router answers its peers from now on. */
void net_exited(void);

/* Runs the stack once: takes every packet waiting in the rx ring, then every
 * timer that is due. Returns how many packets it took. */
int net_poll(void);
/* Runs every timer of the stack that is due at `now` (TCP's; ICMPv6's rate
 * limit and timerfds are computed when asked). */
void net_run_timers(int64_t now);
/* The earliest deadline any layer's timer has (INT64_MAX: none). */
int64_t net_next_deadline(void);

/* The Internet checksum: a running 32-bit sum of 16-bit words, folded at the
 * end. An odd length pads with a zero byte, so only the last piece summed
 * may have one. A received packet is good when net_fold over the pseudo-
 * header and all its bytes gives 0. */
uint32_t net_sum(uint32_t sum, const void *data, size_t length);
uint16_t net_fold(uint32_t sum);
/* The IPv6 pseudo-header's sum (RFC 8200 8.1). */
uint32_t net_pseudo_sum(const struct net_addr *src, const struct net_addr *dst,
                        uint32_t upper_length, uint8_t next_header);

/* ip6_output: sends one packet from this VM: the IPv6 header is built here
 * (source = net_source_for(dst), hop limit 64 unless hop_limit != 0), the payload is the
 * concatenation of at most 7 parts (the transport's header and data, its
 * checksum already computed). Returns 0, or -errno: EMSGSIZE above the path's MTU,
 * ENOBUFS when the packet found no room (it is dropped). */
int ip6_output(const struct net_addr *dst, uint8_t next_header, uint8_t hop_limit,
               const struct lk_iovec *parts, int part_count);
/* The path MTU towards dst (RFC 8201), learnt from Packet Too Big. */
uint32_t ip6_path_mtu(const struct net_addr *dst);
/* A Packet Too Big said so (never below 1280). */
void ip6_learn_path_mtu(const struct net_addr *dst, uint32_t mtu);
void ip6_input(const uint8_t *packet, uint32_t length);

/* The router: forwards one whole IPv6 packet leaving this VM (header
 * included, as the concatenation of parts): into the receiving VM's ring,
 * or to the uplink. It is the light kernel's, never the program's. */
int router_output(const struct lk_iovec *parts, int part_count, uint32_t length);

/* ICMPv6: echo, errors (rate-limited, RFC 4443 2.4). */
void icmp6_input(const struct net_packet *packet);
/* Sends an error about `packet` (type, code, the 32-bit field). */
void icmp6_error(const struct net_packet *packet, uint8_t type, uint8_t code, uint32_t field);
#define ICMP6_DST_UNREACH 1
#define ICMP6_PACKET_TOO_BIG 2
#define ICMP6_TIME_EXCEEDED 3
#define ICMP6_PARAM_PROB 4
#define ICMP6_ECHO_REQUEST 128
#define ICMP6_ECHO_REPLY 129
#define ICMP6_DST_UNREACH_NOROUTE 0
#define ICMP6_DST_UNREACH_ADDR 3
#define ICMP6_DST_UNREACH_NOPORT 4

void udp_input(const struct net_packet *packet);
/* An ICMPv6 error quoting one of our UDP datagrams (port unreachable). */
void udp_icmp_error(uint8_t type, uint8_t code, const uint8_t *quoted_ip, uint32_t quoted_length);
void tcp_input(const struct net_packet *packet);
/* An ICMPv6 error quoting one of our TCP segments (unreachable, too big). */
void tcp_icmp_error(uint8_t type, uint8_t code, uint32_t field, const uint8_t *quoted_ip,
                    uint32_t quoted_length);

/* Byte order. */
static inline uint16_t net_get16(const uint8_t *p) {
  return (uint16_t)((p[0] << 8) | p[1]);
}
static inline uint32_t net_get32(const uint8_t *p) {
  return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | p[3];
}
static inline void net_put16(uint8_t *p, uint16_t v) {
  p[0] = (uint8_t)(v >> 8);
  p[1] = (uint8_t)v;
}
static inline void net_put32(uint8_t *p, uint32_t v) {
  p[0] = (uint8_t)(v >> 24);
  p[1] = (uint8_t)(v >> 16);
  p[2] = (uint8_t)(v >> 8);
  p[3] = (uint8_t)v;
}
static inline int net_addr_equal(const struct net_addr *a, const struct net_addr *b) {
  for (int i = 0; i < 16; ++i)
    if (a->bytes[i] != b->bytes[i])
      return 0;
  return 1;
}
static inline int net_addr_is_any(const struct net_addr *a) {
  for (int i = 0; i < 16; ++i)
    if (a->bytes[i])
      return 0;
  return 1;
}
static inline int net_addr_is_loopback(const struct net_addr *a) {
  for (int i = 0; i < 15; ++i)
    if (a->bytes[i])
      return 0;
  return a->bytes[15] == 1;
}
/* ::1 is the VM's own loopback (it never leaves the VM). */
extern const struct net_addr net_loopback;
/* An address this VM may bind to: its own, ::1, or :: (any). */
static inline int net_addr_is_local(const struct net_addr *a) {
  return net_addr_is_any(a) || net_addr_is_loopback(a) || net_addr_equal(a, &net_if.address);
}
/* The source address for packets to dst (RFC 6724, as far as a VM with one
 * address and a loopback needs it). */
static inline const struct net_addr *net_source_for(const struct net_addr *dst) {
  return net_addr_is_loopback(dst) ? &net_loopback : &net_if.address;
}
void net_copy(void *dst, const void *src, size_t n);
void net_zero(void *dst, size_t n);

#endif
