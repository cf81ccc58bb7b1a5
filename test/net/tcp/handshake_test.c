/* Opening connections: passive and active handshakes, the options each
 * side agrees on (MSS from the MTU, window scale, timestamps, SACK-
 * permitted only when both offer it), simultaneous open, a SYN to a closed port, a refused
 * connect, SYN retransmission and giving up. */
#include "../support/tcp_peer.h"

#include "../../../lightkernel/net/net.h"

static struct seg s;

static void passive_open(void) {
  start_stack(1500, 0);
  int listener = vm_listen(80, 8);
  CHECK_EQ(lk_accept4(listener, NULL, NULL, 0), -NET_EAGAIN);
  struct peer p;
  peer_init(&p, 40000, 80);
  struct options opt = {1440, 7, 1, 777, 0, 1, 0, 0};
  peer_send_options(&p, SYN, &opt, NULL, 0);
  EXPECT(&s);
  CHECK_EQ(s.flags, SYN | ACK);
  CHECK_EQ(s.sport, 80);
  CHECK_EQ(s.dport, 40000);
  CHECK_EQ(s.ack, 1000001);
  CHECK(s.has_mss);
  CHECK_EQ(s.mss, 1500 - 60);
  CHECK(s.has_wscale);
  CHECK(s.has_ts);
  CHECK_EQ(s.tsecr, 777);
  CHECK(s.sack_permitted); /* offered back: the peer offered it */
  CHECK_EQ(s.hop_limit, 64);
  EXPECT_NONE();
  /* Not accepted before the handshake completes. */
  CHECK_EQ(lk_accept4(listener, NULL, NULL, 0), -NET_EAGAIN);
  peer_saw(&p, &s);
  p.timestamps = 1;
  p.wscale = 7;
  peer_send(&p, ACK, NULL, 0);
  EXPECT_NONE(); /* nothing answers a bare ACK */
  struct net_sockaddr_in6 from;
  uint32_t from_length = sizeof from;
  int fd = (int)lk_accept4(listener, &from, &from_length, 0);
  CHECK(fd >= 0);
  CHECK_EQ(from_length, sizeof from);
  CHECK_EQ(from.port, (uint16_t)(40000 >> 8 | (40000 & 0xff) << 8));
  CHECK(memcmp(from.addr, peer_address, 16) == 0);
  CHECK_EQ(netscript_counters()->tcp_connections, 1);
  CHECK_EQ(netscript_counters()->tcp_open, 1);
}

static void active_open(void) {
  start_stack(9000, 0);
  struct peer p;
  peer_init(&p, 443, 0);
  int fd = (int)lk_socket(NET_AF_INET6, 1 | 04000, 0);
  struct net_sockaddr_in6 sa = {NET_AF_INET6, (uint16_t)(443 >> 8 | (443 & 0xff) << 8), 0, {0}, 0};
  memcpy(sa.addr, peer_address, 16);
  CHECK_EQ(lk_connect(fd, &sa, sizeof sa), -NET_EINPROGRESS);
  CHECK_EQ(lk_connect(fd, &sa, sizeof sa), -NET_EALREADY);
  EXPECT(&s);
  CHECK_EQ(s.flags, SYN);
  CHECK_EQ(s.dport, 443);
  CHECK(s.sport >= 32768 && s.sport <= 60999);
  CHECK_EQ(s.mss, 9000 - 60);
  CHECK(s.has_wscale && s.has_ts && s.sack_permitted);
  CHECK_EQ(s.tsecr, 0);
  /* Not connected yet: no writes, not writable. */
  CHECK_EQ(vm_send(fd, "x", 1), -NET_EAGAIN);
  p.vm_port = s.sport;
  peer_saw(&p, &s);
  /* The SYN-ACK offers neither window scale nor timestamps: neither is used. */
  struct options opt = {1000, -1, 0, 0, 0, 0, 0, 0};
  peer_send_options(&p, SYN | ACK, &opt, NULL, 0);
  EXPECT(&s);
  CHECK_EQ(s.flags, ACK);
  CHECK_EQ(s.ack, p.seq);
  CHECK(!s.has_ts);
  int error = -1;
  uint32_t length = sizeof error;
  CHECK_EQ(lk_getsockopt(fd, 1, 4 /* SO_ERROR */, &error, &length), 0);
  CHECK_EQ(error, 0);
  /* Segments follow the peer's smaller MSS. */
  static char data[3000];
  CHECK_EQ(vm_send(fd, data, sizeof data), 3000);
  EXPECT(&s);
  CHECK_EQ(s.length, 1000);
  EXPECT(&s);
  CHECK_EQ(s.length, 1000);
  EXPECT(&s);
  CHECK_EQ(s.length, 1000);
  CHECK_EQ(s.flags, ACK | PSH);
}

static void closed_port_reset(void) {
  start_stack(1500, 0);
  struct options none = {0, -1, 0, 0, 0, 0, 0, 0};
  inject_segment(peer_address, 5555, 81, 12345, 0, SYN, 1000, &none, NULL, 0);
  EXPECT(&s);
  CHECK_EQ(s.flags, RST | ACK);
  CHECK_EQ(s.seq, 0);
  CHECK_EQ(s.ack, 12346);
  /* A segment with ACK gets a RST at its ACK number. */
  inject_segment(peer_address, 5555, 81, 12345, 999, ACK, 1000, &none, "hi", 2);
  EXPECT(&s);
  CHECK_EQ(s.flags, RST);
  CHECK_EQ(s.seq, 999);
  /* A RST is never answered. */
  inject_segment(peer_address, 5555, 81, 12345, 999, RST, 1000, &none, NULL, 0);
  EXPECT_NONE();
  CHECK_EQ(netscript_counters()->drop_no_socket, 3);
}

static void connect_refused(void) {
  start_stack(1500, 0);
  struct peer p;
  peer_init(&p, 9, 0);
  int fd = (int)lk_socket(NET_AF_INET6, 1 | 04000, 0);
  struct net_sockaddr_in6 sa = {NET_AF_INET6, (uint16_t)(9 << 8), 0, {0}, 0};
  memcpy(sa.addr, peer_address, 16);
  CHECK_EQ(lk_connect(fd, &sa, sizeof sa), -NET_EINPROGRESS);
  EXPECT(&s);
  /* A RST whose ACK does not acknowledge our SYN is ignored. */
  inject_segment(peer_address, 9, s.sport, 0, s.seq + 5, RST | ACK, 0, NULL, NULL, 0);
  EXPECT_NONE();
  inject_segment(peer_address, 9, s.sport, 0, s.seq + 1, RST | ACK, 0, NULL, NULL, 0);
  int error = 0;
  uint32_t length = sizeof error;
  CHECK_EQ(lk_getsockopt(fd, 1, 4, &error, &length), 0);
  CHECK_EQ(error, NET_ECONNREFUSED);
  CHECK_EQ(vm_send(fd, "x", 1), -NET_EPIPE);
}

static void syn_retransmission(void) {
  start_stack(1500, 0);
  struct peer p;
  peer_init(&p, 7, 0);
  int fd = (int)lk_socket(NET_AF_INET6, 1 | 04000, 0);
  struct net_sockaddr_in6 sa = {NET_AF_INET6, (uint16_t)(7 << 8), 0, {0}, 0};
  memcpy(sa.addr, peer_address, 16);
  CHECK_EQ(lk_connect(fd, &sa, sizeof sa), -NET_EINPROGRESS);
  EXPECT(&s);
  uint32_t iss = s.seq;
  int64_t start = netscript_now();
  /* 1 s, then doubling: 1, 2, 4, 8, 16, 32; then it gives up. */
  int64_t expected = 0, gap = 1 * SEC;
  for (int i = 0; i < 6; ++i) {
    expected += gap;
    netscript_advance(start + expected - 1 - netscript_now());
    EXPECT_NONE();
    netscript_advance(1);
    EXPECT(&s);
    CHECK_EQ(s.flags, SYN);
    CHECK_EQ(s.seq, iss);
    gap *= 2;
  }
  netscript_advance(gap);
  EXPECT_NONE();
  int error = 0;
  uint32_t length = sizeof error;
  CHECK_EQ(lk_getsockopt(fd, 1, 4, &error, &length), 0);
  CHECK_EQ(error, NET_ETIMEDOUT);
  CHECK_EQ(netscript_counters()->tcp_retransmits, 6);
}

static void simultaneous_open(void) {
  start_stack(1500, 0);
  struct peer p;
  peer_init(&p, 5000, 0);
  int fd = (int)lk_socket(NET_AF_INET6, 1 | 04000, 0);
  struct net_sockaddr_in6 sa = {
      NET_AF_INET6, (uint16_t)(5000 >> 8 | (5000 & 0xff) << 8), 0, {0}, 0};
  memcpy(sa.addr, peer_address, 16);
  CHECK_EQ(lk_connect(fd, &sa, sizeof sa), -NET_EINPROGRESS);
  EXPECT(&s);
  uint32_t iss = s.seq;
  p.vm_port = s.sport;
  /* The peer's own SYN crosses ours. */
  struct options opt = {1200, -1, 0, 0, 0, 0, 0, 0};
  peer_send_options(&p, SYN, &opt, NULL, 0);
  EXPECT(&s);
  CHECK_EQ(s.flags, SYN | ACK);
  CHECK_EQ(s.seq, iss);
  CHECK_EQ(s.ack, p.seq);
  CHECK(!s.has_wscale && !s.sack_permitted); /* the peer offered neither */
  /* The peer's SYN-ACK (to our SYN) completes it. */
  p.ack = iss + 1;
  p.seq -= 1;
  peer_send_options(&p, SYN | ACK, &opt, NULL, 0);
  CHECK_EQ(vm_send(fd, "hello", 5), 5);
  EXPECT(&s);
  CHECK_EQ(s.flags & ~PSH, ACK);
  if (s.length == 0)
    EXPECT(&s);
  CHECK_EQ(s.length, 5);
  CHECK_EQ(s.seq, iss + 1);
  CHECK_EQ(netscript_counters()->tcp_open, 1);
}

static void mss_clamped_by_path_mtu(void) {
  start_stack(1280, 0);
  int listener = vm_listen(80, 8);
  struct peer p;
  peer_init(&p, 40001, 80);
  struct options opt = {8940, -1, 0, 0, 0, 0, 0, 0};
  int fd = handshake_passive(listener, &p, &opt, &s);
  CHECK_EQ(s.mss, 1280 - 60);
  int mss = 0;
  uint32_t length = sizeof mss;
  CHECK_EQ(lk_getsockopt(fd, 6, 2 /* TCP_MAXSEG */, &mss, &length), 0);
  CHECK_EQ(mss, 1220);
}

int main(int argc, char **argv) {
  static const struct test_case cases[] = {
      {"passive_open", passive_open},
      {"active_open", active_open},
      {"closed_port_reset", closed_port_reset},
      {"connect_refused", connect_refused},
      {"syn_retransmission", syn_retransmission},
      {"simultaneous_open", simultaneous_open},
      {"mss_clamped_by_path_mtu", mss_clamped_by_path_mtu},
  };
  return run_cases(argc, argv, cases, sizeof cases / sizeof cases[0]);
}
