/* libFuzzer target: one VM's stack (netscript) fed arbitrary packets and a
 * few socket calls. The input is a script of operations, so that the
 * fuzzer reaches deep TCP states: raw IPv6 packets, TCP segments with a
 * correct checksum (or not) to a listener or an outgoing connection,
 * replies that follow the last segment the VM sent, ICMPv6 errors quoting
 * it, time passing, and accept/send/recv/shutdown/close. Nothing may crash,
 * hang, leak or touch memory it does not own (ASan, UBSan). */
#include "../../../lightkernel/net/net.h"
#include "../../../lightkernel/net/script/netscript.h"

#include <stdint.h>
#include <string.h>

static const uint8_t vm[16] = {0xfd, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0};
static const uint8_t peer[16] = {0xfd, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1};

/* The script being read. */
struct reader {
  const uint8_t *data;
  size_t size, at;
};

static uint8_t byte(struct reader *r) {
  return r->at < r->size ? r->data[r->at++] : 0;
}

static uint16_t word(struct reader *r) {
  uint16_t high = byte(r);
  return (uint16_t)(high << 8 | byte(r));
}

static uint32_t take(struct reader *r, uint32_t wanted, const uint8_t **out) {
  size_t left = r->size - r->at;
  if (wanted > left)
    wanted = (uint32_t)left;
  *out = r->data + r->at;
  r->at += wanted;
  return wanted;
}

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

static uint8_t packet[70000];
static uint8_t last_sent[2000]; /* the last packet the VM sent (its start) */
static uint32_t last_length;
static int fds[8];
static int fd_count;

/* Builds an IPv6 packet from the peer carrying `payload` as `next_header`,
 * with a correct upper-layer checksum at `checksum_at` unless told not to. */
static void send_upper(uint8_t next_header, const uint8_t *payload, uint32_t length,
                       int checksum_at, int corrupt) {
  if (length > sizeof packet - 40)
    length = sizeof packet - 40;
  memcpy(packet + 40, payload, length);
  packet[0] = 0x60;
  packet[1] = packet[2] = packet[3] = 0;
  packet[4] = (uint8_t)(length >> 8);
  packet[5] = (uint8_t)length;
  packet[6] = next_header;
  packet[7] = 64;
  memcpy(packet + 8, peer, 16);
  memcpy(packet + 24, vm, 16);
  if (checksum_at >= 0 && (uint32_t)checksum_at + 2 <= length) {
    packet[40 + checksum_at] = packet[41 + checksum_at] = 0;
    uint8_t tail[8] = {0, 0, (uint8_t)(length >> 8), (uint8_t)length, 0, 0, 0, next_header};
    uint32_t sum = sum16(sum16(sum16(0, peer, 16), vm, 16), tail, 8);
    uint16_t c = fold(sum16(sum, packet + 40, length));
    if (corrupt)
      c ^= 0x0101;
    packet[40 + checksum_at] = (uint8_t)(c >> 8);
    packet[41 + checksum_at] = (uint8_t)c;
  }
  netscript_inject(packet, 40 + length);
}

static void drain(void) {
  static uint8_t buffer[70000];
  uint32_t n;
  while ((n = netscript_collect(buffer, sizeof buffer))) {
    last_length = n < sizeof last_sent ? n : (uint32_t)sizeof last_sent;
    memcpy(last_sent, buffer, last_length);
  }
}

static struct net_sockaddr_in6 address(const uint8_t a[16], uint16_t port) {
  struct net_sockaddr_in6 sa;
  memset(&sa, 0, sizeof sa);
  sa.family = NET_AF_INET6;
  sa.port = (uint16_t)(port >> 8 | port << 8);
  memcpy(sa.addr, a, 16);
  return sa;
}

static void add_fd(long fd) {
  if (fd >= 0 && fd_count < 8)
    fds[fd_count++] = (int)fd;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  struct netscript_config config;
  memset(&config, 0, sizeof config);
  memcpy(config.address, vm, 16);
  config.mtu = 1500;
  config.memory_budget = 512 * 1024;
  config.start_ns = 1000000000;
  if (netscript_create(&config))
    __builtin_trap();
  fd_count = 0;
  last_length = 0;

  /* A listener on 80 and a connection on its way to the peer's 443. */
  long listener = lk_socket(NET_AF_INET6, 1 | 04000, 0);
  struct net_sockaddr_in6 any = address((const uint8_t[16]){0}, 80);
  lk_bind((int)listener, &any, sizeof any);
  lk_listen((int)listener, 4);
  add_fd(listener);
  long client = lk_socket(NET_AF_INET6, 1 | 04000, 0);
  struct net_sockaddr_in6 far = address(peer, 443);
  lk_connect((int)client, &far, sizeof far);
  add_fd(client);
  long udp = lk_socket(NET_AF_INET6, 2 | 04000, 0);
  struct net_sockaddr_in6 dns = address((const uint8_t[16]){0}, 53);
  lk_bind((int)udp, &dns, sizeof dns);
  add_fd(udp);
  drain();

  struct reader r = {data, size, 0};
  static uint8_t scratch[70000];
  for (int ops = 0; ops < 256 && r.at < r.size; ++ops) {
    uint8_t op = byte(&r);
    const uint8_t *bytes;
    switch (op % 10) {
    case 0: { /* a raw IPv6 packet, as it is */
      uint32_t n = take(&r, word(&r), &bytes);
      memcpy(scratch, bytes, n);
      netscript_inject(scratch, n);
      break;
    }
    case 1:   /* a TCP segment: header and rest from the input */
    case 2: { /* the same, aimed at the outgoing connection's ports */
      uint32_t n = take(&r, word(&r) % 2048, &bytes);
      memcpy(scratch, bytes, n);
      if (n >= 20) {
        if (op % 10 == 2 && last_length >= 60) {
          scratch[0] = last_sent[42], scratch[1] = last_sent[43];
          scratch[2] = last_sent[40], scratch[3] = last_sent[41];
        } else if (op & 0x10) {
          scratch[2] = 0, scratch[3] = 80;
        }
        if (op & 0x20)
          scratch[12] = (uint8_t)((scratch[12] & 0xf0) | 0); /* keep offsets sane-ish */
      }
      send_upper(NET_IPPROTO_TCP, scratch, n, 16, (op & 0x80) != 0);
      break;
    }
    case 3: { /* a reply to the last segment the VM sent */
      if (last_length < 60 || last_sent[6] != NET_IPPROTO_TCP)
        break;
      const uint8_t *t = last_sent + 40;
      uint32_t header = (uint32_t)(t[12] >> 4) * 4u;
      uint32_t seg_length = last_length - 40 >= header ? last_length - 40 - header : 0;
      uint32_t their_seq = (uint32_t)t[4] << 24 | (uint32_t)t[5] << 16 | (uint32_t)t[6] << 8 | t[7];
      uint32_t their_ack =
          (uint32_t)t[8] << 24 | (uint32_t)t[9] << 16 | (uint32_t)t[10] << 8 | t[11];
      uint8_t flags = byte(&r);
      uint32_t ack = their_seq + seg_length + ((t[13] & 0x03) ? 1 : 0) + (int8_t)byte(&r);
      uint32_t seq = their_ack + (int8_t)byte(&r);
      uint32_t n = take(&r, byte(&r) * 8u, &bytes);
      scratch[0] = t[2], scratch[1] = t[3], scratch[2] = t[0], scratch[3] = t[1];
      scratch[4] = (uint8_t)(seq >> 24), scratch[5] = (uint8_t)(seq >> 16);
      scratch[6] = (uint8_t)(seq >> 8), scratch[7] = (uint8_t)seq;
      scratch[8] = (uint8_t)(ack >> 24), scratch[9] = (uint8_t)(ack >> 16);
      scratch[10] = (uint8_t)(ack >> 8), scratch[11] = (uint8_t)ack;
      scratch[12] = 5 << 4;
      scratch[13] = flags;
      scratch[14] = byte(&r), scratch[15] = byte(&r);
      scratch[16] = scratch[17] = scratch[18] = scratch[19] = 0;
      memcpy(scratch + 20, bytes, n);
      send_upper(NET_IPPROTO_TCP, scratch, 20 + n, 16, 0);
      break;
    }
    case 4: { /* an ICMPv6 error quoting the last packet sent */
      if (last_length < 48)
        break;
      scratch[0] = (uint8_t)(1 + byte(&r) % 4); /* unreachable .. parameter problem */
      scratch[1] = byte(&r) % 8;
      scratch[2] = scratch[3] = 0;
      uint16_t field = word(&r);
      scratch[4] = scratch[5] = 0;
      scratch[6] = (uint8_t)(field >> 8), scratch[7] = (uint8_t)field;
      memcpy(scratch + 8, last_sent, last_length);
      send_upper(NET_IPPROTO_ICMPV6, scratch, 8 + last_length, 2, 0);
      break;
    }
    case 5: /* time passes: up to about 4 minutes */
      netscript_advance((int64_t)word(&r) * 4000000ll);
      break;
    case 6: /* accept */
      add_fd(lk_accept4((int)listener, NULL, NULL, 04000));
      break;
    case 7: { /* send on one of the descriptors */
      if (!fd_count)
        break;
      int fd = fds[byte(&r) % fd_count];
      uint32_t n = word(&r) % 20000;
      memset(scratch, 'x', n);
      struct lk_iovec iov = {scratch, n};
      struct net_sockaddr_in6 to = address(peer, 53);
      lk_sendto(fd, &iov, 1, NET_MSG_DONTWAIT, (op & 0x10) ? &to : NULL, sizeof to);
      break;
    }
    case 8: { /* receive, peek or zero-copy */
      if (!fd_count)
        break;
      int fd = fds[byte(&r) % fd_count];
      struct lk_iovec iov = {scratch, (size_t)(word(&r) % 70000)};
      if (op & 0x10) {
        const void *view;
        long n = lk_zc_recv(fd, &view, NET_MSG_DONTWAIT);
        if (n > 0)
          lk_zc_recv_done(fd, (size_t)(byte(&r) % (n + 1)));
      } else {
        lk_recvfrom(fd, &iov, 1, NET_MSG_DONTWAIT | ((op & 0x20) ? NET_MSG_PEEK : 0), NULL, NULL,
                    NULL);
      }
      break;
    }
    case 9: { /* shutdown, options, or close */
      if (!fd_count)
        break;
      int which = byte(&r) % fd_count;
      uint8_t what = byte(&r);
      if (what % 4 == 0) {
        lk_shutdown(fds[which], what / 4 % 3);
      } else if (what % 4 == 1) {
        int value = byte(&r);
        lk_setsockopt(fds[which], (what & 8) ? 6 : 1, byte(&r) % 16, &value, sizeof value);
      } else if (what % 4 == 2) {
        int linger[2] = {1, 0};
        lk_setsockopt(fds[which], 1, 13, linger, sizeof linger);
        lk_close(fds[which]);
        fds[which] = fds[--fd_count];
      } else {
        lk_close(fds[which]);
        fds[which] = fds[--fd_count];
      }
      break;
    }
    }
    drain();
  }
  netscript_destroy();
  return 0;
}
