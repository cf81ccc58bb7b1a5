/* Loss recovery: the retransmission timer (RFC 6298: measured RTO, doubling
 * backoff, Karn's rule), fast retransmit on the third duplicate ACK and
 * NewReno's partial ACKs (RFC 5681, RFC 6582), giving up. */
#include "../support/tcp_peer.h"

#include "../../../lightkernel/net/net.h"

static struct seg s;
static uint8_t data[100000];

/* An accepted connection whose handshake took exactly 100 ms, so the first
 * RTT sample is 100 ms and RTO = 100 + 4 * 50 = 300 ms. No timestamps. */
static int open_with_rtt(struct peer *p) {
  start_stack(1500, 0);
  int listener = vm_listen(80, 8);
  peer_init(p, 40000, 80);
  struct options opt = {1440, -1, 0, 0, 0, 0, 0, 0};
  peer_send_options(p, SYN, &opt, NULL, 0);
  EXPECT(&s);
  peer_saw(p, &s);
  netscript_advance(100 * MS);
  peer_send(p, ACK, NULL, 0);
  int fd = (int)lk_accept4(listener, NULL, NULL, 04000);
  CHECK(fd >= 0);
  return fd;
}

/* Advances to exactly `at` (ns after `start`) and says whether the VM sent
 * something in the last nanosecond only. */
static void expect_at(int64_t start, int64_t at, struct seg *out) {
  netscript_advance(start + at - 1 - netscript_now());
  EXPECT_NONE();
  netscript_advance(1);
  EXPECT(out);
}

static void rto_doubles(void) {
  struct peer p;
  int fd = open_with_rtt(&p);
  CHECK_EQ(vm_send(fd, data, 5000), 5000);
  int64_t start = netscript_now();
  int sent = 0;
  while (next_segment(&s))
    ++sent;
  CHECK_EQ(sent, 4);
  uint32_t first = p.ack;
  /* Retransmissions at 300, 900, 2100 and 4500 ms: one segment each (the
   * congestion window is one segment after a timeout). */
  int64_t at = 0, rto = 300 * MS;
  for (int i = 0; i < 4; ++i) {
    at += rto;
    expect_at(start, at, &s);
    CHECK_EQ(s.seq, first);
    CHECK_EQ(s.length, 1440);
    EXPECT_NONE();
    rto *= 2;
  }
  CHECK_EQ(netscript_counters()->tcp_retransmits, 4);
  /* The ACK comes: the rest follows in slow start. */
  p.ack = first + 1440;
  peer_send(&p, ACK, NULL, 0);
  EXPECT(&s);
  CHECK_EQ(s.seq, first + 1440);
  EXPECT(&s);
  CHECK_EQ(s.seq, first + 2880);
}

static void gives_up_after_retries(void) {
  struct peer p;
  int fd = open_with_rtt(&p);
  CHECK_EQ(vm_send(fd, data, 10), 10);
  EXPECT(&s);
  netscript_advance(3600 * SEC);
  int resent = 0;
  while (next_segment(&s))
    ++resent;
  CHECK_EQ(resent, 15);
  CHECK_EQ(vm_send(fd, data, 10), -NET_ETIMEDOUT);
  CHECK_EQ(vm_send(fd, data, 10), -NET_EPIPE);
  CHECK_EQ(netscript_counters()->tcp_open, 0);
}

static void karn_keeps_backoff(void) {
  struct peer p;
  int fd = open_with_rtt(&p);
  CHECK_EQ(lk_setsockopt(fd, 6, 1, &(int){1}, sizeof(int)), 0); /* TCP_NODELAY */
  CHECK_EQ(vm_send(fd, data, 100), 100);
  int64_t start = netscript_now();
  EXPECT(&s);
  peer_saw(&p, &s);
  expect_at(start, 300 * MS, &s); /* retransmitted */
  /* An ACK 10 ms later: ambiguous (original or copy?), so no sample, and
   * the backed-off RTO (600 ms) stays for the next segment. */
  netscript_advance(10 * MS);
  peer_send(&p, ACK, NULL, 0);
  CHECK_EQ(vm_send(fd, data, 100), 100);
  start = netscript_now();
  EXPECT(&s);
  peer_saw(&p, &s);
  expect_at(start, 600 * MS, &s);
  CHECK_EQ(s.length, 100);
  /* This one is acknowledged without doubt... no: it was resent too. The
   * third segment, sent once and acknowledged after 100 ms, gives a real
   * sample: SRTT 100 ms, RTTVAR 37.5 ms, RTO 250 ms. */
  peer_send(&p, ACK, NULL, 0);
  CHECK_EQ(vm_send(fd, data, 100), 100);
  EXPECT(&s);
  peer_saw(&p, &s);
  netscript_advance(100 * MS);
  peer_send(&p, ACK, NULL, 0);
  CHECK_EQ(vm_send(fd, data, 100), 100);
  start = netscript_now();
  EXPECT(&s);
  expect_at(start, 250 * MS, &s);
}

static void fast_retransmit_and_new_reno(void) {
  struct peer p;
  int fd = open_with_rtt(&p);
  CHECK_EQ(vm_send(fd, data, 14400), 14400);
  uint32_t first = p.ack;
  int sent = 0;
  while (next_segment(&s))
    ++sent;
  CHECK_EQ(sent, 10); /* RFC 6928's initial window: 10 segments */
  /* Segment 2 is lost: segment 1 is acknowledged, then three duplicates. */
  p.ack = first + 1440;
  peer_send(&p, ACK, NULL, 0);
  while (next_segment(&s)) /* the window slid: new data may leave */
    ;
  peer_send(&p, ACK, NULL, 0);
  peer_send(&p, ACK, NULL, 0);
  EXPECT_NONE();
  peer_send(&p, ACK, NULL, 0);
  EXPECT(&s);
  CHECK_EQ(s.seq, first + 1440);
  CHECK_EQ(s.length, 1440);
  CHECK_EQ(netscript_counters()->tcp_retransmits, 1);
  while (next_segment(&s)) /* inflated window: may send new data */
    CHECK(s.seq != first + 1440);
  /* A partial ACK (segment 5 was lost too): it goes at once. */
  p.ack = first + 4 * 1440;
  peer_send(&p, ACK, NULL, 0);
  EXPECT(&s);
  CHECK_EQ(s.seq, first + 4 * 1440);
  CHECK_EQ(netscript_counters()->tcp_retransmits, 2);
  while (next_segment(&s))
    ;
  /* The full ACK ends recovery; no more retransmissions. */
  p.ack = first + 14400;
  peer_send(&p, ACK, NULL, 0);
  netscript_advance(1 * MS);
  CHECK_EQ(netscript_counters()->tcp_retransmits, 2);
}

/* The very first data segment lost: its duplicate ACKs acknowledge only
 * the SYN, which is still more than RFC 6582's `recover` (the ISS). */
static void fast_retransmit_of_the_first_segment(void) {
  struct peer p;
  int fd = open_with_rtt(&p);
  CHECK_EQ(vm_send(fd, data, 14400), 14400);
  uint32_t first = p.ack;
  while (next_segment(&s))
    ;
  for (int i = 0; i < 3; ++i) {
    EXPECT_NONE();
    peer_send(&p, ACK, NULL, 0);
  }
  EXPECT(&s);
  CHECK_EQ(s.seq, first);
  CHECK_EQ(netscript_counters()->tcp_retransmits, 1);
}

int main(int argc, char **argv) {
  static const struct test_case cases[] = {
      {"rto_doubles", rto_doubles},
      {"gives_up_after_retries", gives_up_after_retries},
      {"karn_keeps_backoff", karn_keeps_backoff},
      {"fast_retransmit_and_new_reno", fast_retransmit_and_new_reno},
      {"fast_retransmit_of_the_first_segment", fast_retransmit_of_the_first_segment},
  };
  return run_cases(argc, argv, cases, sizeof cases / sizeof cases[0]);
}
