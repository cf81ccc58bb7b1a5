#include "tcp_peer.h"

#include "../../../lightkernel/net/net.h"

#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

const uint8_t vm_address[16] = {0xfd, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0};
const uint8_t peer_address[16] = {0xfd, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1};

static uint32_t sum16(uint32_t sum, const uint8_t *p, uint32_t n) {
  for (uint32_t i = 0; i + 1 < n; i += 2)
    sum += (uint32_t)(p[i] << 8 | p[i + 1]);
  if (n & 1)
    sum += (uint32_t)(p[n - 1] << 8);
  return sum;
}

static uint16_t fold(uint32_t sum) {
  while (sum >> 16)
    sum = (sum & 0xffff) + (sum >> 16);
  return (uint16_t)~sum;
}

static uint32_t pseudo(const uint8_t src[16], const uint8_t dst[16], uint32_t length,
                       uint8_t next) {
  uint8_t tail[8] = {(uint8_t)(length >> 24),
                     (uint8_t)(length >> 16),
                     (uint8_t)(length >> 8),
                     (uint8_t)length,
                     0,
                     0,
                     0,
                     next};
  return sum16(sum16(sum16(0, src, 16), dst, 16), tail, 8);
}

static uint16_t get16(const uint8_t *p) {
  return (uint16_t)(p[0] << 8 | p[1]);
}
static uint32_t get32(const uint8_t *p) {
  return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}
static void put16(uint8_t *p, uint16_t v) {
  p[0] = (uint8_t)(v >> 8);
  p[1] = (uint8_t)v;
}
static void put32(uint8_t *p, uint32_t v) {
  p[0] = (uint8_t)(v >> 24);
  p[1] = (uint8_t)(v >> 16);
  p[2] = (uint8_t)(v >> 8);
  p[3] = (uint8_t)v;
}

int next_segment(struct seg *s) {
  uint32_t n = netscript_collect(s->packet, sizeof s->packet);
  if (!n)
    return 0;
  CHECK(n <= sizeof s->packet);
  memset(s, 0, offsetof(struct seg, packet));
  s->packet_length = n;
  const uint8_t *ip = s->packet;
  CHECK(n >= 60);
  CHECK_EQ(ip[0] >> 4, 6);
  CHECK_EQ(get16(ip + 4) + 40u, n);
  s->next_header = ip[6];
  s->hop_limit = ip[7];
  memcpy(s->src, ip + 8, 16);
  memcpy(s->dst, ip + 24, 16);
  CHECK_EQ(s->next_header, 6);
  CHECK(memcmp(s->src, vm_address, 16) == 0);
  const uint8_t *t = ip + 40;
  uint32_t length = n - 40;
  CHECK_EQ(fold(sum16(pseudo(s->src, s->dst, length, 6), t, length)), 0);
  s->sport = get16(t);
  s->dport = get16(t + 2);
  s->seq = get32(t + 4);
  s->ack = get32(t + 8);
  s->header_length = (t[12] >> 4) * 4u;
  CHECK(s->header_length >= 20 && s->header_length <= length);
  s->flags = t[13];
  s->window = get16(t + 14);
  CHECK_EQ(get16(t + 18), 0);
  for (uint32_t i = 20; i < s->header_length;) {
    uint8_t kind = t[i];
    if (kind == 0)
      break;
    if (kind == 1) {
      ++i;
      continue;
    }
    CHECK(i + 1 < s->header_length);
    uint8_t size = t[i + 1];
    CHECK(size >= 2 && i + size <= s->header_length);
    if (kind == 2 && size == 4) {
      s->has_mss = 1;
      s->mss = get16(t + i + 2);
    } else if (kind == 3 && size == 3) {
      s->has_wscale = 1;
      s->wscale = t[i + 2];
    } else if (kind == 4 && size == 2) {
      s->sack_permitted = 1;
    } else if (kind == 5 && size >= 10 && (size - 2) % 8 == 0 && size <= 34) {
      s->sack_count = (size - 2u) / 8u;
      for (uint32_t b = 0; b < s->sack_count; ++b) {
        s->sack[b][0] = get32(t + i + 2 + 8 * b);
        s->sack[b][1] = get32(t + i + 6 + 8 * b);
      }
    } else if (kind == 8 && size == 10) {
      s->has_ts = 1;
      s->tsval = get32(t + i + 2);
      s->tsecr = get32(t + i + 6);
    }
    i += size;
  }
  s->payload = t + s->header_length;
  s->length = length - s->header_length;
  return 1;
}

void expect_segment(struct seg *s, int line) {
  if (!next_segment(s)) {
    fprintf(stderr, "line %d: expected a segment from the VM, none was sent\n", line);
    exit(1);
  }
}

void inject_segment(const uint8_t src[16], uint16_t sport, uint16_t dport, uint32_t seq,
                    uint32_t ack, uint8_t flags, uint16_t window, const struct options *opt,
                    const void *data, uint32_t length) {
  static uint8_t packet[70000];
  uint8_t *t = packet + 40;
  uint32_t o = 20;
  if (opt) {
    if (opt->mss) {
      t[o] = 2, t[o + 1] = 4;
      put16(t + o + 2, (uint16_t)opt->mss);
      o += 4;
    }
    if (opt->wscale >= 0) {
      t[o] = 1, t[o + 1] = 3, t[o + 2] = 3, t[o + 3] = (uint8_t)opt->wscale;
      o += 4;
    }
    if (opt->sack_permitted) {
      t[o] = 1, t[o + 1] = 1, t[o + 2] = 4, t[o + 3] = 2;
      o += 4;
    }
    if (opt->timestamps) {
      t[o] = 1, t[o + 1] = 1, t[o + 2] = 8, t[o + 3] = 10;
      put32(t + o + 4, opt->tsval);
      put32(t + o + 8, opt->tsecr);
      o += 12;
    }
    if (opt->raw) {
      memcpy(t + o, opt->raw, opt->raw_length);
      o += opt->raw_length;
    }
    while (o % 4)
      t[o++] = 0;
  }
  CHECK(o <= 60);
  put16(t, sport);
  put16(t + 2, dport);
  put32(t + 4, seq);
  put32(t + 8, ack);
  t[12] = (uint8_t)((o / 4) << 4);
  t[13] = flags;
  put16(t + 14, window);
  put16(t + 16, 0);
  put16(t + 18, 0);
  if (length)
    memcpy(t + o, data, length);
  uint32_t tcp_length = o + length;
  put16(t + 16, fold(sum16(pseudo(src, vm_address, tcp_length, 6), t, tcp_length)));
  packet[0] = 0x60;
  packet[1] = packet[2] = packet[3] = 0;
  put16(packet + 4, (uint16_t)tcp_length);
  packet[6] = 6;
  packet[7] = 64;
  memcpy(packet + 8, src, 16);
  memcpy(packet + 24, vm_address, 16);
  netscript_inject(packet, 40 + tcp_length);
}

void peer_init(struct peer *p, uint16_t port, uint16_t vm_port) {
  memset(p, 0, sizeof *p);
  memcpy(p->address, peer_address, 16);
  p->port = port;
  p->vm_port = vm_port;
  p->seq = 1000000;
  p->window = 65535;
  p->wscale = -1;
  p->tsval = 5000;
}

void peer_send_options(struct peer *p, uint8_t flags, const struct options *opt, const void *data,
                       uint32_t length) {
  struct options o = {0, -1, 0, 0, 0, 0, 0, 0};
  if (opt)
    o = *opt;
  if (p->timestamps && !(opt && opt->timestamps)) {
    o.timestamps = 1;
    o.tsval = p->tsval;
    o.tsecr = p->ts_recent;
  }
  uint32_t window = p->window;
  if (!(flags & SYN) && p->wscale > 0)
    window >>= p->wscale;
  if (window > 65535)
    window = 65535;
  inject_segment(p->address, p->port, p->vm_port, p->seq, (flags & ACK) ? p->ack : 0, flags,
                 (uint16_t)window, &o, data, length);
  p->seq += length + ((flags & SYN) ? 1 : 0) + ((flags & FIN) ? 1 : 0);
}

void peer_send(struct peer *p, uint8_t flags, const void *data, uint32_t length) {
  peer_send_options(p, flags, NULL, data, length);
}

void peer_saw(struct peer *p, const struct seg *s) {
  uint32_t end = s->seq + s->length + ((s->flags & SYN) ? 1 : 0) + ((s->flags & FIN) ? 1 : 0);
  if ((int32_t)(end - p->ack) > 0 || (s->flags & SYN))
    p->ack = end;
  if (s->has_ts)
    p->ts_recent = s->tsval;
}

static struct net_sockaddr_in6 address_of(const uint8_t address[16], uint16_t port) {
  struct net_sockaddr_in6 sa;
  memset(&sa, 0, sizeof sa);
  sa.family = NET_AF_INET6;
  sa.port = (uint16_t)(port >> 8 | port << 8);
  memcpy(sa.addr, address, 16);
  return sa;
}

int vm_listen(uint16_t port, int backlog) {
  int fd = (int)lk_socket(NET_AF_INET6, 1 | 04000 /* SOCK_STREAM | SOCK_NONBLOCK */, 0);
  CHECK(fd >= 0);
  struct net_sockaddr_in6 sa = address_of((const uint8_t[16]){0}, port);
  CHECK_EQ(lk_bind(fd, &sa, sizeof sa), 0);
  CHECK_EQ(lk_listen(fd, backlog), 0);
  return fd;
}

int handshake_passive(int listener, struct peer *p, const struct options *opt, struct seg *s) {
  peer_send_options(p, SYN, opt, NULL, 0);
  EXPECT(s);
  CHECK_EQ(s->flags, SYN | ACK);
  CHECK_EQ(s->ack, p->seq);
  peer_saw(p, s);
  if (opt && opt->timestamps && s->has_ts)
    p->timestamps = 1;
  if (opt && opt->wscale >= 0 && s->has_wscale)
    p->wscale = opt->wscale;
  peer_send(p, ACK, NULL, 0);
  int fd = (int)lk_accept4(listener, NULL, NULL, 04000);
  CHECK(fd >= 0);
  return fd;
}

int handshake_active(struct peer *p, const struct options *opt, struct seg *s) {
  int fd = (int)lk_socket(NET_AF_INET6, 1 | 04000, 0);
  CHECK(fd >= 0);
  struct net_sockaddr_in6 sa = address_of(p->address, p->port);
  CHECK_EQ(lk_connect(fd, &sa, sizeof sa), -NET_EINPROGRESS);
  EXPECT(s);
  CHECK_EQ(s->flags, SYN);
  CHECK_EQ(s->dport, p->port);
  p->vm_port = s->sport;
  peer_saw(p, s);
  if (opt && opt->timestamps && s->has_ts)
    p->timestamps = 1;
  if (opt && opt->wscale >= 0 && s->has_wscale)
    p->wscale = opt->wscale;
  struct options o = opt ? *opt : (struct options){0, -1, 0, 0, 0, 0, 0, 0};
  if (o.timestamps) {
    o.tsval = p->tsval;
    o.tsecr = s->tsval;
  }
  peer_send_options(p, SYN | ACK, &o, NULL, 0);
  EXPECT(s);
  CHECK_EQ(s->flags, ACK);
  CHECK_EQ(s->ack, p->seq);
  return fd;
}

long vm_send(int fd, const void *data, size_t length) {
  struct lk_iovec iov = {(void *)data, length};
  return lk_sendto(fd, &iov, 1, 0, NULL, 0);
}

long vm_recv(int fd, void *data, size_t length) {
  struct lk_iovec iov = {data, length};
  return lk_recvfrom(fd, &iov, 1, 0, NULL, NULL, NULL);
}

void vm_nonblocking(int fd) {
  CHECK_EQ(lk_fcntl(fd, 4 /* F_SETFL */, 04000), 0);
}

int vm_setsockopt_int(int fd, int level, int name, int value) {
  return (int)lk_setsockopt(fd, level, name, &value, sizeof value);
}

void start_stack(uint32_t mtu, size_t budget) {
  struct netscript_config config;
  memset(&config, 0, sizeof config);
  memcpy(config.address, vm_address, 16);
  config.mtu = mtu;
  config.memory_budget = budget;
  config.start_ns = 1 * SEC;
  CHECK_EQ(netscript_create(&config), 0);
}

int run_cases(int argc, char **argv, const struct test_case *cases, int count) {
  int failed = 0, ran = 0;
  for (int i = 0; i < count; ++i) {
    if (argc > 1 && strcmp(argv[1], cases[i].name) != 0)
      continue;
    ++ran;
    fflush(stdout);
    fflush(stderr);
    pid_t child = fork();
    if (child == 0) {
      cases[i].run();
      netscript_destroy();
      fflush(stdout);
      _exit(0);
    }
    int status = 0;
    waitpid(child, &status, 0);
    int ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
    printf("%s: %s\n", ok ? "PASS" : "FAIL", cases[i].name);
    failed += !ok;
  }
  if (!ran) {
    fprintf(stderr, "no case named %s\n", argc > 1 ? argv[1] : "?");
    return 2;
  }
  printf("%d of %d passed\n", ran - failed, ran);
  return failed ? 1 : 0;
}
