/* Moving data: both directions, delayed ACKs, out-of-order segments kept
 * and merged, Nagle and TCP_NODELAY, the receive window closing and opening
 * again, MSG_PEEK and FIONREAD, zero-copy views. */
#include "../support/tcp_peer.h"

#include "../../../lightkernel/net/net.h"

static struct seg s;
static uint8_t data[200000];
static uint8_t got[200000];

static void fill(void) {
  for (unsigned i = 0; i < sizeof data; ++i)
    data[i] = (uint8_t)(i * 7 + i / 251);
}

/* A connection accepted on port 80 from peer port 40000; no options on the
 * peer's SYN but MSS 1440 (so segment sizes are plain). */
static int open_plain(struct peer *p) {
  start_stack(1500, 0);
  fill();
  int listener = vm_listen(80, 8);
  peer_init(p, 40000, 80);
  struct options opt = {1440, -1, 0, 0, 0, 0, 0, 0};
  return handshake_passive(listener, p, &opt, &s);
}

static void both_ways_with_delayed_ack(void) {
  struct peer p;
  int fd = open_plain(&p);
  peer_send(&p, ACK | PSH, data, 100);
  EXPECT_NONE(); /* the ACK waits (delayed) */
  netscript_advance(39 * MS);
  EXPECT_NONE();
  netscript_advance(1 * MS);
  EXPECT(&s);
  CHECK_EQ(s.flags, ACK);
  CHECK_EQ(s.ack, p.seq);
  CHECK_EQ(s.length, 0);
  int readable = 0;
  CHECK_EQ(lk_ioctl(fd, 0x541B /* FIONREAD */, &readable), 0);
  CHECK_EQ(readable, 100);
  CHECK_EQ(vm_recv(fd, got, sizeof got), 100);
  CHECK(memcmp(got, data, 100) == 0);
  CHECK_EQ(vm_recv(fd, got, sizeof got), -NET_EAGAIN);
  /* The other way. */
  CHECK_EQ(vm_send(fd, data + 100, 50), 50);
  EXPECT(&s);
  CHECK_EQ(s.flags, ACK | PSH);
  CHECK_EQ(s.seq, p.ack);
  CHECK_EQ(s.length, 50);
  CHECK(memcmp(s.payload, data + 100, 50) == 0);
  peer_saw(&p, &s);
  peer_send(&p, ACK, NULL, 0);
  EXPECT_NONE();
  netscript_advance(100 * SEC); /* nothing outstanding: nothing more */
  EXPECT_NONE();
}

static void ack_every_second_full_segment(void) {
  struct peer p;
  open_plain(&p);
  peer_send(&p, ACK, data, 1440);
  EXPECT_NONE();
  peer_send(&p, ACK, data + 1440, 1440);
  EXPECT(&s);
  CHECK_EQ(s.ack, p.seq);
  peer_send(&p, ACK, data + 2880, 1440);
  EXPECT_NONE();
}

static void out_of_order_kept_and_merged(void) {
  struct peer p;
  int fd = open_plain(&p);
  uint32_t base = p.seq;
  /* Segments 3 and 2 arrive before 1: each gets a duplicate ACK at once. */
  p.seq = base + 2000;
  peer_send(&p, ACK, data + 2000, 1000);
  EXPECT(&s);
  CHECK_EQ(s.ack, base);
  p.seq = base + 1000;
  peer_send(&p, ACK, data + 1000, 1000);
  EXPECT(&s);
  CHECK_EQ(s.ack, base);
  /* An overlapping one, and an exact duplicate. */
  p.seq = base + 1500;
  peer_send(&p, ACK, data + 1500, 1000);
  EXPECT(&s);
  CHECK_EQ(s.ack, base);
  CHECK_EQ(vm_recv(fd, got, sizeof got), -NET_EAGAIN);
  /* The hole fills: one ACK covers everything, at once. */
  p.seq = base;
  peer_send(&p, ACK, data, 1000);
  EXPECT(&s);
  CHECK_EQ(s.ack, base + 3000);
  CHECK_EQ(vm_recv(fd, got, sizeof got), 3000);
  CHECK(memcmp(got, data, 3000) == 0);
  /* Old data again: acknowledged, not delivered twice. */
  p.seq = base + 500;
  peer_send(&p, ACK, data + 500, 1000);
  EXPECT(&s);
  CHECK_EQ(s.ack, base + 3000);
  CHECK_EQ(vm_recv(fd, got, sizeof got), -NET_EAGAIN);
}

static void nagle_and_nodelay(void) {
  struct peer p;
  int fd = open_plain(&p);
  CHECK_EQ(vm_send(fd, "aaaaaaaaaa", 10), 10);
  EXPECT(&s);
  CHECK_EQ(s.length, 10);
  uint32_t first = s.seq;
  /* A second small write waits while the first is unacknowledged... */
  CHECK_EQ(vm_send(fd, "bbbbbbbbbb", 10), 10);
  CHECK_EQ(vm_send(fd, "cccccccccc", 10), 10);
  EXPECT_NONE();
  /* ...and leaves, coalesced, when it is. */
  p.ack = first + 10;
  peer_send(&p, ACK, NULL, 0);
  EXPECT(&s);
  CHECK_EQ(s.seq, first + 10);
  CHECK_EQ(s.length, 20);
  /* TCP_NODELAY: small writes go at once. */
  CHECK_EQ(vm_setsockopt_int(fd, 6, 1, 1), 0);
  CHECK_EQ(vm_send(fd, "dd", 2), 2);
  EXPECT(&s);
  CHECK_EQ(s.length, 2);
  CHECK_EQ(vm_send(fd, "ee", 2), 2);
  EXPECT(&s);
  CHECK_EQ(s.length, 2);
  CHECK_EQ(s.seq, first + 32);
}

static void receive_window_closes_and_opens(void) {
  struct peer p;
  start_stack(1500, 0);
  fill();
  int listener = vm_listen(80, 8);
  int small = 8192;
  CHECK_EQ(vm_setsockopt_int(listener, 1, 8 /* SO_RCVBUF */, small), 0);
  peer_init(&p, 40000, 80);
  struct options opt = {1000, -1, 0, 0, 0, 0, 0, 0};
  int fd = handshake_passive(listener, &p, &opt, &s);
  CHECK_EQ(s.window, 8192);
  uint32_t base = p.seq;
  /* Fill the window exactly. */
  for (int i = 0; i < 8; ++i)
    peer_send(&p, ACK, data + 1000 * i, 1000);
  peer_send(&p, ACK, data + 8000, 192);
  netscript_advance(40 * MS);
  static struct seg last;
  int acks = 0;
  while (next_segment(&s)) {
    last = s;
    ++acks;
  }
  CHECK(acks >= 4);
  CHECK_EQ(last.ack, base + 8192);
  CHECK_EQ(last.window, 0);
  /* Beyond a closed window: not taken; the ACK repeats the zero window. */
  peer_send(&p, ACK, data + 8192, 100);
  EXPECT(&s);
  CHECK_EQ(s.ack, base + 8192);
  CHECK_EQ(s.window, 0);
  p.seq = base + 8192;
  /* Reading a little: the window stays shut (no silly window)... */
  CHECK_EQ(vm_recv(fd, got, 100), 100);
  EXPECT_NONE();
  /* ...reading half the buffer opens it with an update. */
  CHECK_EQ(vm_recv(fd, got + 100, 4000), 4000);
  EXPECT(&s);
  CHECK_EQ(s.ack, base + 8192);
  CHECK_EQ(s.window, 4100);
  CHECK_EQ(vm_recv(fd, got + 4100, sizeof got), 4092);
  CHECK(memcmp(got, data, 8192) == 0);
}

static void peek_and_zero_copy(void) {
  struct peer p;
  int fd = open_plain(&p);
  peer_send(&p, ACK, data, 300);
  struct lk_iovec iov = {got, sizeof got};
  CHECK_EQ(lk_recvfrom(fd, &iov, 1, NET_MSG_PEEK, NULL, NULL, NULL), 300);
  CHECK_EQ(lk_recvfrom(fd, &iov, 1, NET_MSG_PEEK, NULL, NULL, NULL), 300);
  const void *view = NULL;
  CHECK_EQ(lk_zc_recv(fd, &view, 0), 300);
  CHECK(memcmp(view, data, 300) == 0);
  CHECK_EQ(lk_zc_recv_done(fd, 100), 0);
  CHECK_EQ(vm_recv(fd, got, sizeof got), 200);
  CHECK(memcmp(got, data + 100, 200) == 0);
  /* Zero-copy send. */
  void *room = NULL;
  long n = lk_zc_send_reserve(fd, &room, 64, 0);
  CHECK(n >= 64);
  memcpy(room, "zero copy!", 10);
  CHECK_EQ(lk_zc_send_commit(fd, 10), 0);
  EXPECT(&s);
  while (s.length == 0)
    EXPECT(&s);
  CHECK_EQ(s.length, 10);
  CHECK(memcmp(s.payload, "zero copy!", 10) == 0);
}

static void bulk_transfer_to_peer(void) {
  struct peer p;
  int fd = open_plain(&p);
  /* 64 KiB: the send buffer takes it all; the windows pace it. */
  CHECK_EQ(vm_send(fd, data, 65536), 65536);
  CHECK_EQ(vm_send(fd, data, 1), -NET_EAGAIN);
  uint32_t received = 0;
  for (int round = 0; round < 200 && received < 65536; ++round) {
    int any = 0;
    while (next_segment(&s)) {
      CHECK_EQ(s.seq, p.ack);
      CHECK(s.length <= 1440);
      CHECK(memcmp(s.payload, data + received, s.length) == 0);
      received += s.length;
      peer_saw(&p, &s);
      any = 1;
    }
    peer_send(&p, ACK, NULL, 0);
    if (!any)
      netscript_advance(10 * MS);
  }
  CHECK_EQ(received, 65536);
  CHECK_EQ(netscript_counters()->tcp_retransmits, 0);
  /* Everything acknowledged: the send buffer's memory is back. */
  CHECK_EQ(netscript_counters()->buffer_bytes, 0);
}

int main(int argc, char **argv) {
  static const struct test_case cases[] = {
      {"both_ways_with_delayed_ack", both_ways_with_delayed_ack},
      {"ack_every_second_full_segment", ack_every_second_full_segment},
      {"out_of_order_kept_and_merged", out_of_order_kept_and_merged},
      {"nagle_and_nodelay", nagle_and_nodelay},
      {"receive_window_closes_and_opens", receive_window_closes_and_opens},
      {"peek_and_zero_copy", peek_and_zero_copy},
      {"bulk_transfer_to_peer", bulk_transfer_to_peer},
  };
  return run_cases(argc, argv, cases, sizeof cases / sizeof cases[0]);
}
