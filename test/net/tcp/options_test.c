/* What the options and timers change: window scaling both ways, timestamps
 * echoed and PAWS, zero-window probes (persist), ICMPv6 Packet Too Big
 * lowering the MSS, keepalive probes and their timeout. */
#include "../support/tcp_peer.h"

#include "../../../lightkernel/net/net.h"

static struct seg s;
static uint8_t data[300000];

static void window_scaling(void) {
  start_stack(1500, 0);
  int listener = vm_listen(80, 8);
  CHECK_EQ(vm_setsockopt_int(listener, 1, 8, 1 << 20), 0); /* SO_RCVBUF 1 MiB */
  struct peer p;
  peer_init(&p, 40000, 80);
  struct options opt = {1440, 4, 0, 0, 0, 0, 0, 0};
  int fd = handshake_passive(listener, &p, &opt, &s);
  CHECK(s.has_wscale);
  CHECK_EQ(s.wscale, 5);     /* 65535 << 5 covers 1 MiB */
  CHECK_EQ(s.window, 65535); /* a SYN's window is never scaled */
  /* Our window, scaled: 1 MiB >> 5. */
  peer_send(&p, ACK | PSH, data, 10);
  netscript_advance(40 * MS);
  EXPECT(&s);
  CHECK_EQ(s.window, ((1 << 20) - 10) >> 5); /* rounded down */
  /* The peer's window, scaled by its 4: 16 segments' worth of room but
   * the congestion window (10 segments) limits the first flight. */
  p.window = 16 * 1440;
  peer_send(&p, ACK, NULL, 0);
  CHECK_EQ(vm_send(fd, data, 100000), 65536);
  int sent = 0;
  while (next_segment(&s))
    ++sent;
  CHECK_EQ(sent, 10);
}

static void peer_window_is_scaled(void) {
  start_stack(1500, 0);
  int listener = vm_listen(80, 8);
  struct peer p;
  peer_init(&p, 40000, 80);
  struct options opt = {1000, 3, 0, 0, 0, 0, 0, 0};
  int fd = handshake_passive(listener, &p, &opt, &s);
  /* Window field 250 << 3 = 2000 bytes: two segments, then nothing. */
  p.window = 2000;
  peer_send(&p, ACK, NULL, 0);
  CHECK_EQ(vm_send(fd, data, 5000), 5000);
  EXPECT(&s);
  EXPECT(&s);
  CHECK_EQ(s.seq + s.length - (p.ack), 2000);
  EXPECT_NONE();
}

static void timestamps_and_paws(void) {
  start_stack(1500, 0);
  int listener = vm_listen(80, 8);
  struct peer p;
  peer_init(&p, 40000, 80);
  struct options opt = {1440, -1, 1, 1000, 0, 0, 0, 0};
  p.tsval = 1000;
  int fd = handshake_passive(listener, &p, &opt, &s);
  CHECK(s.has_ts);
  CHECK_EQ(s.tsecr, 1000);
  p.tsval = 2000;
  peer_send(&p, ACK | PSH, "abc", 3);
  netscript_advance(40 * MS);
  EXPECT(&s);
  CHECK(s.has_ts);
  CHECK_EQ(s.tsecr, 2000); /* echoed */
  /* An older timestamp: PAWS drops it and answers with an ACK. */
  p.tsval = 1500;
  peer_send(&p, ACK | PSH, "old", 3);
  EXPECT(&s);
  CHECK_EQ(s.ack, p.seq - 3);
  char buffer[8];
  CHECK_EQ(vm_recv(fd, buffer, sizeof buffer), 3);
  CHECK_EQ(vm_recv(fd, buffer, sizeof buffer), -NET_EAGAIN);
  /* Data segments carry MSS - 12 bytes with timestamps. */
  CHECK_EQ(vm_send(fd, data, 3000), 3000);
  EXPECT(&s);
  CHECK_EQ(s.length, 1428);
}

static void zero_window_persist(void) {
  start_stack(1500, 0);
  int listener = vm_listen(80, 8);
  struct peer p;
  peer_init(&p, 40000, 80);
  struct options opt = {1000, -1, 0, 0, 0, 0, 0, 0};
  p.window = 0;
  int fd = handshake_passive(listener, &p, &opt, &s);
  CHECK_EQ(vm_send(fd, data, 3000), 3000);
  EXPECT_NONE();
  /* Probes of one byte at SND.UNA: 200 ms (the RTO), then doubling. */
  uint32_t una = p.ack;
  int64_t start = netscript_now();
  int64_t at = 0, gap = 200 * MS;
  for (int i = 0; i < 4; ++i) {
    at += gap;
    netscript_advance(start + at - 1 - netscript_now());
    EXPECT_NONE();
    netscript_advance(1);
    EXPECT(&s);
    CHECK_EQ(s.seq, una);
    CHECK_EQ(s.length, 1);
    peer_send(&p, ACK, NULL, 0); /* still zero */
    EXPECT_NONE();
    gap *= 2;
  }
  CHECK_EQ(netscript_counters()->tcp_retransmits, 0); /* probes are not retransmissions */
  /* The window opens: the data flows. */
  p.window = 10000;
  peer_send(&p, ACK, NULL, 0);
  uint32_t got = 0;
  while (next_segment(&s)) {
    CHECK_EQ(s.seq, una + got);
    got += s.length;
  }
  CHECK_EQ(got, 3000);
}

static void packet_too_big_lowers_mss(void) {
  start_stack(9000, 0);
  int listener = vm_listen(80, 8);
  struct peer p;
  peer_init(&p, 40000, 80);
  struct options opt = {8940, -1, 0, 0, 0, 0, 0, 0};
  int fd = handshake_passive(listener, &p, &opt, &s);
  CHECK_EQ(vm_send(fd, data, 8940), 8940);
  EXPECT(&s);
  CHECK_EQ(s.length, 8940);
  /* A router on the way says 1400. */
  static uint8_t icmp[1280];
  uint32_t quoted = 1280 - 48;
  icmp[0] = 0x60;
  icmp[4] = (uint8_t)((8 + quoted) >> 8);
  icmp[5] = (uint8_t)(8 + quoted);
  icmp[6] = 58;
  icmp[7] = 64;
  memcpy(icmp + 8, peer_address, 16);
  icmp[8 + 15] = 2; /* from PREFIX::2 */
  memcpy(icmp + 24, vm_address, 16);
  icmp[40] = 2; /* Packet Too Big */
  icmp[44] = 0, icmp[45] = 0, icmp[46] = 1400 >> 8, icmp[47] = 1400 & 0xff;
  memcpy(icmp + 48, s.packet, quoted);
  uint32_t sum = 0;
  for (int i = 8; i < 40; i += 2)
    sum += (uint32_t)(icmp[i] << 8 | icmp[i + 1]);
  sum += 8 + quoted + 58;
  for (uint32_t i = 40; i < 48 + quoted; i += 2)
    sum += (uint32_t)(icmp[i] << 8 | icmp[i + 1]);
  while (sum >> 16)
    sum = (sum & 0xffff) + (sum >> 16);
  icmp[42] = (uint8_t)(~sum >> 8);
  icmp[43] = (uint8_t)~sum;
  netscript_inject(icmp, 48 + quoted);
  /* Resent at once, in segments that fit 1400. */
  uint32_t got = 0;
  while (next_segment(&s)) {
    CHECK(s.packet_length <= 1400);
    got += s.length;
  }
  CHECK_EQ(got, 8940);
}

static void keepalive(void) {
  start_stack(1500, 0);
  int listener = vm_listen(80, 8);
  struct peer p;
  peer_init(&p, 40000, 80);
  struct options opt = {1440, -1, 0, 0, 0, 0, 0, 0};
  int fd = handshake_passive(listener, &p, &opt, &s);
  CHECK_EQ(vm_setsockopt_int(fd, 6, 4, 10), 0); /* TCP_KEEPIDLE 10 s */
  CHECK_EQ(vm_setsockopt_int(fd, 6, 5, 2), 0);  /* TCP_KEEPINTVL 2 s */
  CHECK_EQ(vm_setsockopt_int(fd, 6, 6, 3), 0);  /* TCP_KEEPCNT 3 */
  CHECK_EQ(vm_setsockopt_int(fd, 1, 9, 1), 0);  /* SO_KEEPALIVE */
  netscript_advance(10 * SEC - 1);
  EXPECT_NONE();
  netscript_advance(1);
  EXPECT(&s);
  CHECK_EQ(s.flags, ACK);
  CHECK_EQ(s.seq, p.ack - 1);
  CHECK_EQ(s.length, 0);
  /* Answered: the idle clock starts over. */
  peer_send(&p, ACK, NULL, 0);
  netscript_advance(10 * SEC);
  EXPECT(&s);
  /* Unanswered: 3 probes 2 s apart, then the connection is dropped. */
  netscript_advance(2 * SEC);
  EXPECT(&s);
  netscript_advance(2 * SEC);
  EXPECT(&s);
  netscript_advance(2 * SEC);
  EXPECT(&s);
  CHECK_EQ(s.flags & RST, RST);
  char buffer[4];
  CHECK_EQ(vm_recv(fd, buffer, sizeof buffer), -NET_ETIMEDOUT);
}

int main(int argc, char **argv) {
  static const struct test_case cases[] = {
      {"window_scaling", window_scaling},
      {"peer_window_is_scaled", peer_window_is_scaled},
      {"timestamps_and_paws", timestamps_and_paws},
      {"zero_window_persist", zero_window_persist},
      {"packet_too_big_lowers_mss", packet_too_big_lowers_mss},
      {"keepalive", keepalive},
  };
  return run_cases(argc, argv, cases, sizeof cases / sizeof cases[0]);
}
