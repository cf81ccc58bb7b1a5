/* Resets and blind attacks (RFC 5961): only a RST exactly at RCV.NXT
 * resets; one elsewhere in the window gets a challenge ACK; one outside it
 * is ignored. A SYN on an open connection and an ACK for data never sent
 * get challenge ACKs too. */
#include "../support/tcp_peer.h"

#include "../../../lightkernel/net/net.h"

static struct seg s;

static int open_plain(struct peer *p) {
  start_stack(1500, 0);
  int listener = vm_listen(80, 8);
  peer_init(p, 40000, 80);
  struct options opt = {1440, -1, 0, 0, 0, 0, 0, 0};
  return handshake_passive(listener, p, &opt, &s);
}

static void rst_at_rcv_nxt_resets(void) {
  struct peer p;
  int fd = open_plain(&p);
  peer_send(&p, RST, NULL, 0);
  EXPECT_NONE();
  char buffer[10];
  CHECK_EQ(vm_recv(fd, buffer, sizeof buffer), -NET_ECONNRESET);
  CHECK_EQ(vm_recv(fd, buffer, sizeof buffer), 0);
  CHECK_EQ(vm_send(fd, "x", 1), -NET_EPIPE);
  CHECK_EQ(netscript_counters()->tcp_open, 0);
}

static void rst_in_window_gets_challenge_ack(void) {
  struct peer p;
  int fd = open_plain(&p);
  uint32_t right = p.seq;
  p.seq = right + 1000;
  peer_send(&p, RST, NULL, 0);
  EXPECT(&s);
  CHECK_EQ(s.flags, ACK);
  CHECK_EQ(s.ack, right);
  /* Still open. */
  p.seq = right;
  peer_send(&p, ACK | PSH, "ok", 2);
  char buffer[10];
  CHECK_EQ(vm_recv(fd, buffer, sizeof buffer), 2);
}

static void rst_outside_window_ignored(void) {
  struct peer p;
  int fd = open_plain(&p);
  uint32_t right = p.seq;
  p.seq = right + 1000000;
  peer_send(&p, RST, NULL, 0);
  p.seq = right - 10;
  peer_send(&p, RST, NULL, 0);
  EXPECT_NONE();
  CHECK_EQ(vm_send(fd, "x", 1), 1);
}

static void syn_on_open_connection_gets_challenge_ack(void) {
  struct peer p;
  int fd = open_plain(&p);
  uint32_t right = p.seq;
  p.seq = right + 5;
  struct options opt = {1440, -1, 0, 0, 0, 0, 0, 0};
  peer_send_options(&p, SYN, &opt, NULL, 0);
  EXPECT(&s);
  CHECK_EQ(s.flags, ACK);
  CHECK_EQ(s.ack, right);
  CHECK_EQ(vm_send(fd, "x", 1), 1);
}

static void ack_for_unsent_data_gets_challenge_ack(void) {
  struct peer p;
  int fd = open_plain(&p);
  uint32_t vm_next = p.ack;
  p.ack = vm_next + 50000;
  peer_send(&p, ACK | PSH, "data", 4);
  EXPECT(&s);
  CHECK_EQ(s.flags, ACK);
  CHECK_EQ(s.seq, vm_next);
  char buffer[10];
  CHECK_EQ(vm_recv(fd, buffer, sizeof buffer), -NET_EAGAIN); /* dropped */
}

static void challenge_acks_are_rate_limited(void) {
  struct peer p;
  open_plain(&p);
  uint32_t right = p.seq;
  int answered = 0;
  for (int i = 0; i < 3000; ++i) {
    p.seq = right + 1 + (uint32_t)i;
    peer_send(&p, RST, NULL, 0);
    answered += (int)netscript_pending();
    netscript_discard();
  }
  CHECK_EQ(answered, 1000);
}

static void old_duplicate_ack_ignored(void) {
  struct peer p;
  int fd = open_plain(&p);
  CHECK_EQ(vm_send(fd, "abc", 3), 3);
  EXPECT(&s);
  peer_saw(&p, &s);
  peer_send(&p, ACK, NULL, 0);
  uint32_t acked = p.ack;
  /* An ACK below SND.UNA but within the window's reach: nothing happens. */
  p.ack = acked - 2;
  peer_send(&p, ACK, NULL, 0);
  EXPECT_NONE();
}

int main(int argc, char **argv) {
  static const struct test_case cases[] = {
      {"rst_at_rcv_nxt_resets", rst_at_rcv_nxt_resets},
      {"rst_in_window_gets_challenge_ack", rst_in_window_gets_challenge_ack},
      {"rst_outside_window_ignored", rst_outside_window_ignored},
      {"syn_on_open_connection_gets_challenge_ack", syn_on_open_connection_gets_challenge_ack},
      {"ack_for_unsent_data_gets_challenge_ack", ack_for_unsent_data_gets_challenge_ack},
      {"challenge_acks_are_rate_limited", challenge_acks_are_rate_limited},
      {"old_duplicate_ack_ignored", old_duplicate_ack_ignored},
  };
  return run_cases(argc, argv, cases, sizeof cases / sizeof cases[0]);
}
