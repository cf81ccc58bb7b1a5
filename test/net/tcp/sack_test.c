/* Selective acknowledgment: the blocks the VM reports as a receiver
 * (RFC 2018: the most recent first, merged as holes fill, none once they
 * have), and loss recovery as a sender (RFC 6675): only lost holes are
 * resent, a loss is seen in the blocks of segments that carry data, a
 * resend that is lost again is resent without a timeout, the loss probe
 * (a tail loss, holes below a lone SACK), and blocks that lie are
 * ignored. */
#include "../support/tcp_peer.h"

#include "../../../lightkernel/net/net.h"

#define MSS 1440u

static struct seg s;
static uint8_t data[200000];

/* A connection accepted on port 80; the peer offers SACK unless `sack` is
 * 0, and MSS 1440, nothing else (segment sizes stay plain). */
static int open_connection(struct peer *p, int sack) {
  start_stack(1500, 0);
  for (unsigned i = 0; i < sizeof data; ++i)
    data[i] = (uint8_t)(i * 13 + i / 509);
  int listener = vm_listen(80, 8);
  peer_init(p, 40000, 80);
  struct options opt = {MSS, -1, 0, 0, 0, sack, 0, 0};
  int fd = handshake_passive(listener, p, &opt, &s);
  CHECK_EQ(s.sack_permitted, sack);
  return fd;
}

/* The peer sends segment `index` (MSS bytes each) of its stream, which
 * starts at `base`, and the VM's answer is taken. */
static void peer_segment(struct peer *p, uint32_t base, uint32_t index) {
  p->seq = base + index * MSS;
  peer_send(p, ACK, data + index * MSS, MSS);
  EXPECT(&s);
}

static void expect_block(uint32_t which, uint32_t start, uint32_t end) {
  CHECK(s.sack_count > which);
  CHECK_EQ(s.sack[which][0], start);
  CHECK_EQ(s.sack[which][1], end);
}

static void receiver_reports_blocks(void) {
  struct peer p;
  int fd = open_connection(&p, 1);
  uint32_t base = p.seq;
  uint32_t at1 = base + MSS, at2 = base + 2 * MSS, at4 = base + 4 * MSS;
  /* Segment 0 goes missing; 1 arrives: an ACK at once, one block. */
  peer_segment(&p, base, 1);
  CHECK_EQ(s.flags, ACK);
  CHECK_EQ(s.length, 0);
  CHECK_EQ(s.ack, base);
  CHECK_EQ(s.sack_count, 1);
  expect_block(0, at1, at2);
  /* Segment 4: the newest block first, then the older one. */
  peer_segment(&p, base, 4);
  CHECK_EQ(s.sack_count, 2);
  expect_block(0, at4, at4 + MSS);
  expect_block(1, at1, at2);
  /* Segment 2 extends the first hole's block: reported first, merged. */
  peer_segment(&p, base, 2);
  CHECK_EQ(s.sack_count, 2);
  expect_block(0, at1, base + 3 * MSS);
  expect_block(1, at4, at4 + MSS);
  /* Segment 3 closes the gap between them: one block. */
  peer_segment(&p, base, 3);
  CHECK_EQ(s.sack_count, 1);
  expect_block(0, at1, at4 + MSS);
  EXPECT_NONE();
  /* Segment 0: everything in order, no block left to report. */
  peer_segment(&p, base, 0);
  CHECK_EQ(s.ack, base + 5 * MSS);
  CHECK_EQ(s.sack_count, 0);
  static uint8_t got[5 * MSS];
  CHECK_EQ(vm_recv(fd, got, sizeof got), 5 * MSS);
  CHECK(memcmp(got, data, sizeof got) == 0);
}

static void at_most_four_blocks(void) {
  struct peer p;
  open_connection(&p, 1);
  uint32_t base = p.seq;
  for (uint32_t i = 1; i <= 11; i += 2)
    peer_segment(&p, base, i);
  /* Six blocks held, four fit in the option: the newest, then the lowest. */
  CHECK_EQ(s.sack_count, 4);
  expect_block(0, base + 11 * MSS, base + 12 * MSS);
  expect_block(1, base + 1 * MSS, base + 2 * MSS);
  expect_block(2, base + 3 * MSS, base + 4 * MSS);
  expect_block(3, base + 5 * MSS, base + 6 * MSS);
  CHECK_EQ(s.header_length, 20 + 36);
}

static void no_blocks_unless_agreed(void) {
  struct peer p;
  open_connection(&p, 0);
  uint32_t base = p.seq;
  peer_segment(&p, base, 1);
  CHECK_EQ(s.ack, base);
  CHECK_EQ(s.sack_count, 0);
  CHECK_EQ(s.header_length, 20);
}

/* The VM sends `count` full segments; returns the first one's sequence. */
static uint32_t vm_sends(struct peer *p, int fd, uint32_t count) {
  CHECK_EQ(vm_send(fd, data, count * MSS), (long)(count * MSS));
  uint32_t first = p->ack;
  for (uint32_t i = 0; i < count; ++i) {
    EXPECT(&s);
    CHECK_EQ(s.seq, first + i * MSS);
    CHECK_EQ(s.length, MSS);
    peer_saw(p, &s);
  }
  EXPECT_NONE();
  return first;
}

/* The peer acknowledges `ack` and reports blocks [start, end) given in
 * segments from `first`; `with_data` makes the ACK carry data, so it is no
 * duplicate ACK in RFC 5681's sense. */
static void peer_sacks(struct peer *p, uint32_t first, uint32_t ack, const uint32_t (*blocks)[2],
                       uint32_t count, int with_data) {
  uint8_t raw[36] = {1, 1, 5, (uint8_t)(2 + 8 * count)};
  for (uint32_t b = 0; b < count; ++b)
    for (int edge = 0; edge < 2; ++edge) {
      uint32_t seq = first + blocks[b][edge] * MSS;
      uint8_t *at = raw + 4 + 8 * b + 4 * edge;
      at[0] = (uint8_t)(seq >> 24), at[1] = (uint8_t)(seq >> 16);
      at[2] = (uint8_t)(seq >> 8), at[3] = (uint8_t)seq;
    }
  struct options opt = {0, -1, 0, 0, 0, 0, raw, 4 + 8 * count};
  p->ack = ack;
  peer_send_options(p, ACK, &opt, data, with_data ? 100 : 0);
}

/* Collects what the VM sends now: the sequence numbers, in segments from
 * `first`. */
static uint32_t sent_now(uint32_t first, uint32_t *index, uint32_t room) {
  uint32_t count = 0;
  while (next_segment(&s)) {
    if (!s.length)
      continue;
    CHECK(count < room);
    CHECK_EQ((s.seq - first) % MSS, 0);
    index[count++] = (s.seq - first) / MSS;
  }
  return count;
}

static void sender_resends_only_lost_holes(void) {
  struct peer p;
  int fd = open_connection(&p, 1);
  uint32_t first = vm_sends(&p, fd, 10);
  /* Segments 0 and 4 are lost; the peer reports the rest as it comes. */
  static const uint32_t after1[][2] = {{1, 2}};
  static const uint32_t after2[][2] = {{1, 3}};
  static const uint32_t after3[][2] = {{1, 4}};
  static const uint32_t after9[][2] = {{1, 4}, {5, 10}};
  uint32_t index[16];
  peer_sacks(&p, first, first, after1, 1, 0);
  peer_sacks(&p, first, first, after2, 1, 0);
  CHECK_EQ(sent_now(first, index, 16), 0); /* not lost yet: maybe reordered */
  peer_sacks(&p, first, first, after3, 1, 0);
  CHECK_EQ(sent_now(first, index, 16), 1);
  CHECK_EQ(index[0], 0);
  peer_sacks(&p, first, first, after9, 2, 0);
  /* Segment 4 is lost too (five segments SACKed above it); nothing SACKed
   * is sent again. */
  uint32_t count = sent_now(first, index, 16);
  CHECK(count >= 1);
  CHECK_EQ(index[0], 4);
  for (uint32_t i = 1; i < count; ++i)
    CHECK(index[i] >= 10); /* new data, if the window allows */
  CHECK_EQ(netscript_counters()->tcp_retransmits, 2);
  /* The resent segments arrive: everything is acknowledged. */
  p.ack = first + 10 * MSS;
  peer_send(&p, ACK, NULL, 0);
  CHECK_EQ(netscript_counters()->tcp_retransmits, 2);
}

static void loss_seen_in_segments_with_data(void) {
  struct peer p;
  int fd = open_connection(&p, 1);
  uint32_t first = vm_sends(&p, fd, 8);
  /* The peer is sending too: its ACKs carry data, so none is a duplicate
   * ACK, but their blocks show segment 0 lost. */
  static const uint32_t blocks[][2] = {{1, 5}};
  peer_sacks(&p, first, first, blocks, 1, 1);
  uint32_t index[16];
  CHECK(sent_now(first, index, 16) >= 1);
  CHECK_EQ(index[0], 0);
  CHECK_EQ(netscript_counters()->tcp_retransmits, 1);
}

static void lost_resend_resent_again(void) {
  struct peer p;
  int fd = open_connection(&p, 1);
  uint32_t first = vm_sends(&p, fd, 10);
  static const uint32_t blocks[][2] = {{1, 10}};
  peer_sacks(&p, first, first, blocks, 1, 0);
  uint32_t index[32];
  CHECK(sent_now(first, index, 32) >= 1);
  CHECK_EQ(index[0], 0);
  /* More data is written and sent after the resend... */
  CHECK_EQ(vm_send(fd, data, 8 * MSS), (long)(8 * MSS));
  static const uint32_t more[][2] = {{1, 10}};
  peer_sacks(&p, first, first, more, 1, 0);
  uint32_t count = sent_now(first, index, 32);
  CHECK(count >= 3);
  for (uint32_t i = 0; i < count; ++i)
    CHECK(index[i] >= 10);
  /* ...and arrives while segment 0 is still missing: its resend was lost
   * too, and it goes once more, long before any timeout. */
  const uint32_t later[][2] = {{1, 10 + count}};
  peer_sacks(&p, first, first, later, 1, 0);
  CHECK(sent_now(first, index, 32) >= 1);
  CHECK_EQ(index[0], 0);
  CHECK_EQ(netscript_counters()->tcp_retransmits, 2);
}

static void tail_loss_probe(void) {
  struct peer p;
  int fd = open_connection(&p, 1);
  uint32_t first = vm_sends(&p, fd, 4);
  uint32_t index[8];
  /* Nothing comes back. Two round trips (5 ms at least) later the last
   * segment goes again, so that the peer's answer tells what it lacks;
   * then probes further apart; the 200 ms retransmission timer comes last. */
  netscript_advance(5 * MS - 1);
  CHECK_EQ(sent_now(first, index, 8), 0);
  netscript_advance(1);
  CHECK_EQ(sent_now(first, index, 8), 1);
  CHECK_EQ(index[0], 3);
  netscript_advance(10 * MS);
  CHECK_EQ(sent_now(first, index, 8), 1);
  CHECK_EQ(index[0], 3);
  CHECK_EQ(netscript_counters()->tcp_timeouts, 0);
  netscript_advance(200 * MS);
  CHECK(sent_now(first, index, 8) >= 2);
  CHECK_EQ(netscript_counters()->tcp_timeouts, 1);
}

static void probe_finds_holes_below_a_sack(void) {
  struct peer p;
  int fd = open_connection(&p, 1);
  uint32_t first = vm_sends(&p, fd, 4);
  /* Segment 2 arrived, 0 and 1 did not: too little SACKed above them to
   * call them lost at once (it may be reordering)... */
  static const uint32_t blocks[][2] = {{2, 3}};
  peer_sacks(&p, first, first, blocks, 1, 0);
  uint32_t index[8];
  CHECK_EQ(sent_now(first, index, 8), 0);
  /* ...but after a probe timeout they are: recovery starts with segment 0
   * (the halved window holds one more segment, and 3 is thought still in
   * flight); the peer's answer brings segment 1; segment 2 never goes
   * again. */
  netscript_advance(5 * MS);
  CHECK_EQ(sent_now(first, index, 8), 1);
  CHECK_EQ(index[0], 0);
  peer_sacks(&p, first, first + MSS, blocks, 1, 0);
  CHECK_EQ(sent_now(first, index, 8), 1);
  CHECK_EQ(index[0], 1);
  CHECK_EQ(netscript_counters()->tcp_retransmits, 2);
  CHECK_EQ(netscript_counters()->tcp_timeouts, 0);
}

static void lying_blocks_ignored(void) {
  struct peer p;
  int fd = open_connection(&p, 1);
  uint32_t first = vm_sends(&p, fd, 4);
  /* Past what was sent, reversed, and below the acknowledged: no loss. */
  static const uint32_t lies[][2] = {{5, 40}, {3, 2}, {0, 0}};
  peer_sacks(&p, first, first, lies, 3, 0);
  uint32_t index[8];
  CHECK_EQ(sent_now(first, index, 8), 0);
  CHECK_EQ(netscript_counters()->tcp_retransmits, 0);
  /* A truncated SACK option makes the segment malformed. */
  uint8_t raw[8] = {1, 1, 5, 10, 0, 0, 0, 0};
  struct options opt = {0, -1, 0, 0, 0, 0, raw, 8};
  uint64_t malformed = netscript_counters()->drop_malformed;
  peer_send_options(&p, ACK, &opt, NULL, 0);
  CHECK_EQ(netscript_counters()->drop_malformed, malformed + 1);
}

int main(int argc, char **argv) {
  static const struct test_case cases[] = {
      {"receiver_reports_blocks", receiver_reports_blocks},
      {"at_most_four_blocks", at_most_four_blocks},
      {"no_blocks_unless_agreed", no_blocks_unless_agreed},
      {"sender_resends_only_lost_holes", sender_resends_only_lost_holes},
      {"loss_seen_in_segments_with_data", loss_seen_in_segments_with_data},
      {"lost_resend_resent_again", lost_resend_resent_again},
      {"tail_loss_probe", tail_loss_probe},
      {"probe_finds_holes_below_a_sack", probe_finds_holes_below_a_sack},
      {"lying_blocks_ignored", lying_blocks_ignored},
  };
  return run_cases(argc, argv, cases, (int)(sizeof cases / sizeof cases[0]));
}
