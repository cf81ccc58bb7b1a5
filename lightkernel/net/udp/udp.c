#include "udp.h"

#define UDP_HEADER 8u
#define EPHEMERAL_FIRST 32768u
#define EPHEMERAL_LAST 60999u
#define DEFAULT_RCVBUF (64u * 1024u)
#define MAX_RCVBUF (4u * 1024u * 1024u)

#define SOL_SOCKET 1
#define SO_REUSEADDR 2
#define SO_SNDBUF 7
#define SO_RCVBUF 8
#define SO_REUSEPORT 15

struct datagram {
  struct datagram *next;
  struct net_addr from;
  uint16_t from_port;
  uint32_t length;
  uint8_t data[];
};

struct udp_pcb {
  struct udp_pcb *next;
  struct net_addr local, remote;
  uint16_t local_port, remote_port; /* host order; 0: none */
  int bound, connected;
  int address_from_connect; /* local was :: and connect chose it */
  int reuse;
  int error; /* from an ICMPv6 error, for connected sockets (Linux's rule) */
  uint32_t rcvbuf, queued;
  struct datagram *head, *tail;
};

static struct udp_pcb *pcbs;
static uint16_t next_ephemeral;

struct udp_pcb *udp_new(void) {
  struct udp_pcb *pcb = (struct udp_pcb *)net_alloc(sizeof *pcb);
  if (!pcb)
    return 0;
  net_zero(pcb, sizeof *pcb);
  pcb->rcvbuf = DEFAULT_RCVBUF;
  pcb->next = pcbs;
  pcbs = pcb;
  return pcb;
}

static int port_taken(const struct udp_pcb *self, const struct net_addr *addr, uint16_t port,
                      int reuse) {
  for (struct udp_pcb *p = pcbs; p; p = p->next)
    if (p != self && p->bound && p->local_port == port &&
        (net_addr_is_any(&p->local) || net_addr_is_any(addr) || net_addr_equal(&p->local, addr)) &&
        !(reuse && p->reuse))
      return 1;
  return 0;
}

int udp_bind(struct udp_pcb *pcb, const struct net_addr *addr, uint16_t port) {
  if (pcb->bound)
    return -NET_EINVAL;
  if (!net_addr_is_local(addr))
    return -NET_EADDRNOTAVAIL;
  if (port == 0) {
    uint32_t span = EPHEMERAL_LAST - EPHEMERAL_FIRST + 1;
    if (!next_ephemeral)
      next_ephemeral = (uint16_t)(EPHEMERAL_FIRST + (net_if.address.bytes[15] * 257u) % span);
    for (uint32_t tries = 0; tries < span && !port; ++tries) {
      uint16_t candidate = next_ephemeral;
      next_ephemeral = candidate == EPHEMERAL_LAST ? EPHEMERAL_FIRST : candidate + 1;
      if (!port_taken(pcb, addr, candidate, 0))
        port = candidate;
    }
    if (!port)
      return -NET_EADDRINUSE;
  } else if (port_taken(pcb, addr, port, pcb->reuse)) {
    return -NET_EADDRINUSE;
  }
  pcb->local = *addr;
  pcb->local_port = port;
  pcb->bound = 1;
  return 0;
}

int udp_connect(struct udp_pcb *pcb, const struct net_addr *addr, uint16_t port) {
  if (port == 0 && net_addr_is_any(addr)) {
    pcb->connected = 0;
    if (pcb->address_from_connect)
      net_zero(&pcb->local, sizeof pcb->local);
    pcb->address_from_connect = 0;
    return 0;
  }
  if (port == 0)
    return -NET_EINVAL;
  if (!pcb->bound) {
    struct net_addr any = {{0}};
    int status = udp_bind(pcb, &any, 0);
    if (status)
      return status;
  }
  if (net_addr_is_any(addr))
    addr = &net_loopback; /* as Linux: :: means this host */
  /* As Linux: connecting picks the source address, which getsockname then
   * shows (how programs learn their own address); disconnecting forgets it. */
  if (net_addr_is_any(&pcb->local) || pcb->address_from_connect) {
    pcb->local = *net_source_for(addr);
    pcb->address_from_connect = 1;
  }
  pcb->remote = *addr;
  pcb->remote_port = port;
  pcb->connected = 1;
  return 0;
}

long udp_send(struct udp_pcb *pcb, const struct net_addr *dst, uint16_t port,
              const struct lk_iovec *iov, int iov_count) {
  if (!dst) {
    if (!pcb->connected)
      return -NET_EDESTADDRREQ;
    dst = &pcb->remote;
    port = pcb->remote_port;
  }
  if (port == 0)
    return -NET_EINVAL;
  if (net_addr_is_any(dst))
    dst = &net_loopback; /* as Linux: :: means this host */
  if (!pcb->bound) {
    struct net_addr any = {{0}};
    int status = udp_bind(pcb, &any, 0);
    if (status)
      return status;
  }
  if (iov_count > 6)
    return -NET_EMSGSIZE;
  size_t length = 0;
  for (int i = 0; i < iov_count; ++i)
    length += iov[i].length;
  if (length + UDP_HEADER + 40u > ip6_path_mtu(dst))
    return -NET_EMSGSIZE;

  uint8_t header[UDP_HEADER];
  net_put16(header, pcb->local_port);
  net_put16(header + 2, port);
  net_put16(header + 4, (uint16_t)(UDP_HEADER + length));
  header[6] = header[7] = 0;
  /* The source ip6_output will write: ::1 towards the loopback. */
  uint32_t sum =
      net_pseudo_sum(net_source_for(dst), dst, (uint32_t)(UDP_HEADER + length), NET_IPPROTO_UDP);
  sum = net_sum(sum, header, UDP_HEADER);
  /* The pieces may have odd lengths: sum them as one stream of bytes. */
  int odd = 0;
  uint8_t carry = 0;
  for (int i = 0; i < iov_count; ++i) {
    const uint8_t *p = (const uint8_t *)iov[i].base;
    size_t n = iov[i].length;
    if (odd && n) {
      uint8_t pair[2] = {carry, p[0]};
      sum = net_sum(sum, pair, 2);
      ++p;
      --n;
      odd = 0;
    }
    sum = net_sum(sum, p, n & ~(size_t)1);
    if (n & 1) {
      carry = p[n - 1];
      odd = 1;
    }
  }
  if (odd)
    sum = net_sum(sum, &carry, 1);
  uint16_t check = net_fold(sum);
  net_put16(header + 6, check ? check : 0xffff); /* 0 means "none", not allowed over IPv6 */

  struct lk_iovec parts[7];
  parts[0].base = header;
  parts[0].length = UDP_HEADER;
  for (int i = 0; i < iov_count; ++i)
    parts[i + 1] = iov[i];
  int status = ip6_output(dst, NET_IPPROTO_UDP, 0, parts, iov_count + 1);
  return status ? status : (long)length;
}

static void scatter(const struct lk_iovec *iov, int iov_count, const uint8_t *data,
                    uint32_t length) {
  for (int i = 0; i < iov_count && length; ++i) {
    uint32_t n = iov[i].length < length ? (uint32_t)iov[i].length : length;
    net_copy(iov[i].base, data, n);
    data += n;
    length -= n;
  }
}

long udp_recv(struct udp_pcb *pcb, const struct lk_iovec *iov, int iov_count, int flags,
              struct net_addr *from, uint16_t *from_port, int *truncated) {
  struct datagram *d = pcb->head;
  if (!d)
    return -NET_EAGAIN;
  size_t room = 0;
  for (int i = 0; i < iov_count; ++i)
    room += iov[i].length;
  scatter(iov, iov_count, d->data, d->length);
  *truncated = d->length > room;
  if (from)
    *from = d->from;
  if (from_port)
    *from_port = d->from_port;
  long length = d->length;
  if (!(flags & NET_MSG_PEEK)) {
    pcb->head = d->next;
    if (!pcb->head)
      pcb->tail = 0;
    pcb->queued -= d->length;
    net_if.counters->buffer_bytes -= d->length;
    net_free(d);
  }
  return length;
}

unsigned udp_poll_events(struct udp_pcb *pcb) {
  unsigned events = NET_POLLOUT;
  if (pcb->head)
    events |= NET_POLLIN;
  if (pcb->error)
    events |= NET_POLLERR;
  return events;
}

uint32_t udp_readable(struct udp_pcb *pcb) {
  return pcb->head ? pcb->head->length : 0;
}

int udp_take_error(struct udp_pcb *pcb) {
  int error = pcb->error;
  pcb->error = 0;
  return error;
}

void udp_local(struct udp_pcb *pcb, struct net_addr *addr, uint16_t *port) {
  *addr = pcb->local;
  *port = pcb->local_port;
}

int udp_peer(struct udp_pcb *pcb, struct net_addr *addr, uint16_t *port) {
  if (!pcb->connected)
    return -NET_ENOTCONN;
  *addr = pcb->remote;
  *port = pcb->remote_port;
  return 0;
}

int udp_setsockopt(struct udp_pcb *pcb, int level, int name, const void *value, uint32_t length) {
  if (level != SOL_SOCKET || length < sizeof(int))
    return level == SOL_SOCKET ? -NET_EINVAL : -NET_ENOPROTOOPT;
  int v = *(const int *)value;
  switch (name) {
  case SO_REUSEADDR:
  case SO_REUSEPORT:
    pcb->reuse = v != 0;
    return 0;
  case SO_RCVBUF:
    /* Linux doubles what it is given, for its bookkeeping; so do we. */
    pcb->rcvbuf = v <= 0 ? 256u : (uint32_t)v * 2u > MAX_RCVBUF ? MAX_RCVBUF : (uint32_t)v * 2u;
    return 0;
  case SO_SNDBUF:
    return 0; /* datagrams are never buffered for sending */
  default:
    return -NET_ENOPROTOOPT;
  }
}

int udp_getsockopt(struct udp_pcb *pcb, int level, int name, void *value, uint32_t *length) {
  if (level != SOL_SOCKET)
    return -NET_ENOPROTOOPT;
  int v;
  switch (name) {
  case SO_REUSEADDR:
  case SO_REUSEPORT:
    v = pcb->reuse;
    break;
  case SO_RCVBUF:
    v = (int)pcb->rcvbuf;
    break;
  case SO_SNDBUF:
    v = 212992; /* Linux's default, reported for programs that size by it */
    break;
  default:
    return -NET_ENOPROTOOPT;
  }
  if (*length < sizeof(int))
    return -NET_EINVAL;
  *(int *)value = v;
  *length = sizeof(int);
  return 0;
}

void udp_close(struct udp_pcb *pcb) {
  for (struct udp_pcb **p = &pcbs; *p; p = &(*p)->next)
    if (*p == pcb) {
      *p = pcb->next;
      break;
    }
  while (pcb->head) {
    struct datagram *d = pcb->head;
    pcb->head = d->next;
    net_if.counters->buffer_bytes -= d->length;
    net_free(d);
  }
  net_free(pcb);
}

static struct udp_pcb *find_receiver(const struct net_packet *packet, uint16_t dst_port,
                                     uint16_t src_port) {
  struct udp_pcb *best = 0;
  for (struct udp_pcb *p = pcbs; p; p = p->next) {
    if (!p->bound || p->local_port != dst_port ||
        !(net_addr_is_any(&p->local) || net_addr_equal(&p->local, &packet->dst)))
      continue;
    if (p->connected) {
      if (p->remote_port == src_port && net_addr_equal(&p->remote, &packet->src))
        return p; /* the most specific match wins */
      continue;
    }
    best = p;
  }
  return best;
}

void udp_input(const struct net_packet *packet) {
  if (packet->length < UDP_HEADER) {
    ++net_if.counters->drop_malformed;
    return;
  }
  uint32_t length = net_get16(packet->data + 4);
  if (length < UDP_HEADER || length > packet->length) {
    ++net_if.counters->drop_malformed;
    return;
  }
  uint32_t sum = net_sum(net_pseudo_sum(&packet->src, &packet->dst, length, NET_IPPROTO_UDP),
                         packet->data, length);
  if (net_get16(packet->data + 6) == 0 || net_fold(sum) != 0) {
    ++net_if.counters->drop_checksum;
    return;
  }
  uint16_t src_port = net_get16(packet->data), dst_port = net_get16(packet->data + 2);
  struct udp_pcb *pcb = find_receiver(packet, dst_port, src_port);
  if (!pcb) {
    ++net_if.counters->drop_no_socket;
    icmp6_error(packet, ICMP6_DST_UNREACH, ICMP6_DST_UNREACH_NOPORT, 0);
    return;
  }
  uint32_t data_length = length - UDP_HEADER;
  if (pcb->queued + data_length > pcb->rcvbuf) {
    ++net_if.counters->drop_no_memory;
    return;
  }
  struct datagram *d = (struct datagram *)net_alloc(sizeof *d + data_length);
  if (!d) {
    ++net_if.counters->drop_no_memory;
    return;
  }
  d->next = 0;
  d->from = packet->src;
  d->from_port = src_port;
  d->length = data_length;
  net_copy(d->data, packet->data + UDP_HEADER, data_length);
  if (pcb->tail)
    pcb->tail->next = d;
  else
    pcb->head = d;
  pcb->tail = d;
  pcb->queued += data_length;
  net_if.counters->buffer_bytes += data_length;
}

void udp_icmp_error(uint8_t type, uint8_t code, const uint8_t *quoted_ip, uint32_t quoted_length) {
  if (quoted_length < 48)
    return;
  struct net_addr dst;
  net_copy(dst.bytes, quoted_ip + 24, 16);
  uint16_t src_port = net_get16(quoted_ip + 40), dst_port = net_get16(quoted_ip + 42);
  int error = type == ICMP6_DST_UNREACH && code == ICMP6_DST_UNREACH_NOPORT ? NET_ECONNREFUSED
              : type == ICMP6_PACKET_TOO_BIG                                ? NET_EMSGSIZE
                                                                            : NET_EHOSTUNREACH;
  /* As Linux: only a connected socket hears of it. */
  for (struct udp_pcb *p = pcbs; p; p = p->next)
    if (p->connected && p->local_port == src_port && p->remote_port == dst_port &&
        net_addr_equal(&p->remote, &dst))
      p->error = error;
}
