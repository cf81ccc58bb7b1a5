/* Closing: active close through FIN-WAIT and TIME-WAIT (2 MSL), passive
 * close through CLOSE-WAIT and LAST-ACK, simultaneous close (CLOSING),
 * aborts (unread data, SO_LINGER 0, data after close), FIN-WAIT-2's
 * timeout for an orphan, TIME-WAIT answering a repeated FIN, and the bound
 * on TIME-WAIT blocks. */
#include "../support/tcp_peer.h"

#include "../../../lightkernel/net/net.h"
#include "../../../lightkernel/net/tcp/tcp_private.h"

static struct seg s;

static int open_plain(struct peer *p) {
  start_stack(1500, 0);
  int listener = vm_listen(80, 8);
  peer_init(p, 40000, 80);
  struct options opt = {1440, -1, 0, 0, 0, 0, 0, 0};
  return handshake_passive(listener, p, &opt, &s);
}

static void active_close_and_time_wait(void) {
  struct peer p;
  int fd = open_plain(&p);
  CHECK_EQ(vm_send(fd, "bye", 3), 3);
  EXPECT(&s);
  peer_saw(&p, &s);
  CHECK_EQ(lk_close(fd), 0);
  EXPECT(&s);
  CHECK_EQ(s.flags, FIN | ACK);
  peer_saw(&p, &s);
  peer_send(&p, ACK, NULL, 0); /* FIN-WAIT-2 */
  EXPECT_NONE();
  peer_send(&p, FIN | ACK, NULL, 0);
  EXPECT(&s); /* TIME-WAIT */
  CHECK_EQ(s.flags, ACK);
  CHECK_EQ(s.ack, p.seq);
  CHECK_EQ(netscript_counters()->tcp_open, 0);
  /* The FIN again (our ACK was lost): acknowledged again, 2 MSL restarts. */
  netscript_advance(30 * SEC);
  p.seq -= 1;
  peer_send(&p, FIN | ACK, NULL, 0);
  EXPECT(&s);
  CHECK_EQ(s.ack, p.seq);
  /* A segment in TIME-WAIT still finds the connection (a bare ACK is
   * taken silently, not answered with a RST)... */
  netscript_advance(59 * SEC);
  peer_send(&p, ACK, NULL, 0);
  EXPECT_NONE();
  /* ...until 2 MSL (60 s) after the last FIN; then a RST answers. */
  netscript_advance(1 * SEC);
  peer_send(&p, ACK, NULL, 0);
  EXPECT(&s);
  CHECK_EQ(s.flags, RST);
  CHECK_EQ(netscript_memory_used() < 70000, 1);
}

/* A VM that closes connection after connection keeps a bounded number in
 * TIME-WAIT (an eighth of its free memory's worth); past that they close at
 * once, and every peer's FIN is still acknowledged. */
static void time_wait_is_bounded(void) {
  start_stack(1500, 0);
  int listener = vm_listen(80, 8);
  netscript_set_memory_budget(netscript_memory_used() + 64 * 8 * sizeof(struct tcp_pcb));
  struct options opt = {1440, -1, 0, 0, 0, 0, 0, 0};
  size_t used_before = netscript_memory_used();
  for (uint16_t i = 0; i < 300; ++i) {
    struct peer p;
    peer_init(&p, (uint16_t)(20000 + i), 80);
    int fd = handshake_passive(listener, &p, &opt, &s);
    CHECK(fd >= 0);
    CHECK_EQ(lk_close(fd), 0);
    EXPECT(&s);
    CHECK_EQ(s.flags, FIN | ACK);
    peer_saw(&p, &s);
    peer_send(&p, FIN | ACK, NULL, 0);
    EXPECT(&s);
    CHECK_EQ(s.flags, ACK);
    CHECK_EQ(s.ack, p.seq);
    CHECK(tcp_time_wait_count() <= 64);
  }
  CHECK(tcp_time_wait_count() >= 32);
  CHECK(netscript_memory_used() - used_before <= 64 * sizeof(struct tcp_pcb) + 4096);
  CHECK_EQ(netscript_counters()->drop_no_memory, 0);
  /* 2 MSL later every one of them is gone. */
  netscript_advance(61 * SEC);
  CHECK_EQ(tcp_time_wait_count(), 0);
}

static void passive_close(void) {
  struct peer p;
  int fd = open_plain(&p);
  peer_send(&p, ACK | PSH, "last", 4);
  peer_send(&p, FIN | ACK, NULL, 0);
  EXPECT(&s); /* the FIN is acknowledged at once */
  CHECK_EQ(s.ack, p.seq);
  char buffer[10];
  CHECK_EQ(vm_recv(fd, buffer, sizeof buffer), 4);
  CHECK_EQ(vm_recv(fd, buffer, sizeof buffer), 0); /* end of stream */
  CHECK_EQ(vm_send(fd, "reply", 5), 5);            /* CLOSE-WAIT still sends */
  EXPECT(&s);
  CHECK_EQ(s.length, 5);
  peer_saw(&p, &s);
  CHECK_EQ(lk_close(fd), 0);
  EXPECT(&s);
  CHECK_EQ(s.flags, FIN | ACK); /* LAST-ACK */
  peer_saw(&p, &s);
  peer_send(&p, ACK, NULL, 0);
  EXPECT_NONE();
  /* Gone at once: no TIME-WAIT on this side. */
  peer_send(&p, ACK, NULL, 0);
  EXPECT(&s);
  CHECK_EQ(s.flags, RST);
}

static void simultaneous_close(void) {
  struct peer p;
  int fd = open_plain(&p);
  CHECK_EQ(lk_shutdown(fd, 1), 0);
  EXPECT(&s);
  CHECK_EQ(s.flags, FIN | ACK);
  uint32_t vm_fin = s.seq;
  /* The peer's FIN crosses ours (it has not seen ours). */
  peer_send(&p, FIN | ACK, NULL, 0);
  EXPECT(&s); /* CLOSING: ACK of their FIN */
  CHECK_EQ(s.flags, ACK);
  CHECK_EQ(s.ack, p.seq);
  CHECK_EQ(s.seq, vm_fin + 1);
  /* Then the ACK of our FIN: TIME-WAIT. */
  p.ack = vm_fin + 1;
  peer_send(&p, ACK, NULL, 0);
  EXPECT_NONE();
  char buffer[4];
  CHECK_EQ(vm_recv(fd, buffer, sizeof buffer), 0);
  netscript_advance(61 * SEC);
  peer_send(&p, ACK, NULL, 0);
  EXPECT(&s);
  CHECK_EQ(s.flags, RST);
}

static void close_with_unread_data_resets(void) {
  struct peer p;
  int fd = open_plain(&p);
  peer_send(&p, ACK | PSH, "unread", 6);
  netscript_advance(50 * MS);
  netscript_discard();
  CHECK_EQ(lk_close(fd), 0);
  EXPECT(&s);
  CHECK_EQ(s.flags, RST | ACK);
  CHECK_EQ(s.ack, p.seq);
  CHECK_EQ(netscript_counters()->tcp_open, 0);
}

static void linger_zero_resets(void) {
  struct peer p;
  int fd = open_plain(&p);
  int linger[2] = {1, 0};
  CHECK_EQ(lk_setsockopt(fd, 1, 13, linger, sizeof linger), 0);
  CHECK_EQ(lk_close(fd), 0);
  EXPECT(&s);
  CHECK_EQ(s.flags & RST, RST);
  EXPECT_NONE();
}

static void data_after_close_resets(void) {
  struct peer p;
  int fd = open_plain(&p);
  CHECK_EQ(lk_close(fd), 0);
  EXPECT(&s);
  CHECK_EQ(s.flags, FIN | ACK);
  peer_saw(&p, &s);
  peer_send(&p, ACK | PSH, "late", 4);
  EXPECT(&s);
  CHECK_EQ(s.flags & RST, RST);
}

static void orphan_fin_wait_2_times_out(void) {
  struct peer p;
  int fd = open_plain(&p);
  CHECK_EQ(lk_close(fd), 0);
  EXPECT(&s);
  peer_saw(&p, &s);
  peer_send(&p, ACK, NULL, 0);
  size_t before = netscript_memory_used();
  netscript_advance(61 * SEC);
  CHECK(netscript_memory_used() < before);
  peer_send(&p, ACK, NULL, 0);
  EXPECT(&s);
  CHECK_EQ(s.flags, RST);
}

static void fin_retransmitted(void) {
  struct peer p;
  int fd = open_plain(&p);
  CHECK_EQ(lk_shutdown(fd, 1), 0);
  EXPECT(&s);
  CHECK_EQ(s.flags, FIN | ACK);
  uint32_t fin = s.seq;
  netscript_advance(200 * MS); /* RTO: the handshake's RTT was 0, so the 200 ms floor */
  EXPECT(&s);
  CHECK_EQ(s.flags, FIN | ACK);
  CHECK_EQ(s.seq, fin);
  CHECK_EQ(netscript_counters()->tcp_retransmits, 1);
}

int main(int argc, char **argv) {
  static const struct test_case cases[] = {
      {"time_wait_is_bounded", time_wait_is_bounded},
      {"active_close_and_time_wait", active_close_and_time_wait},
      {"passive_close", passive_close},
      {"simultaneous_close", simultaneous_close},
      {"close_with_unread_data_resets", close_with_unread_data_resets},
      {"linger_zero_resets", linger_zero_resets},
      {"data_after_close_resets", data_after_close_resets},
      {"orphan_fin_wait_2_times_out", orphan_fin_wait_2_times_out},
      {"fin_retransmitted", fin_retransmitted},
  };
  return run_cases(argc, argv, cases, sizeof cases / sizeof cases[0]);
}
