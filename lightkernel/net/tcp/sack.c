/* Selective acknowledgment (RFC 2018) and the loss recovery built on it
 * (RFC 6675). As a receiver, the blocks held out of order are reported on
 * every ACK while a hole lasts. As a sender, the blocks the peer reports
 * form a small scoreboard; from it recovery learns which holes are lost
 * (DupThresh segments' worth of data SACKed above them), resends only
 * those, and counts the data really in the network (the "pipe") instead of
 * inflating the congestion window per duplicate ACK as NewReno does. A
 * resent hole that is still missing once data sent after it has been
 * SACKed was lost again, and is resent again (the idea of RACK, RFC 8985,
 * with the send order instead of send times), rather than waiting for a
 * timeout.
 *
 * A loss probe (RFC 8985's tail loss probe, and its reordering timer in
 * one) covers what DupThresh cannot see: when the peer has said nothing for
 * two round trips while data is in flight, holes below its highest SACK are
 * lost (reordering would have healed them by now), and with no SACK at all
 * the last segment is sent again, so that the peer's answer starts a fast
 * recovery instead of waiting for the retransmission timeout (200 ms at
 * least, hundreds of round trips inside one machine). */
#include "tcp_private.h"

/* Segments' worth of SACKed data above a hole that make it lost (RFC 6675
 * DupThresh). */
#define TCP_DUP_THRESH 3u
/* The loss probe waits two smoothed round trips, but at least this long:
 * the timestamp clock ticks in milliseconds, and a VM on a busy device is
 * not scheduled at once. */
#define TCP_PROBE_MIN_NS (5 * NS_PER_MS)
/* Probes, each after twice the wait of the one before, before the
 * retransmission timer is left to act alone. */
#define TCP_MAX_LOSS_PROBES 3u

uint32_t tcp_sack_report(const struct tcp_pcb *pcb, struct tcp_sack_block *out, uint32_t room) {
  uint32_t count = 0;
  /* The block holding the most recent segment first (RFC 2018 4), then the
   * others from the lowest up: the lowest holes matter most to the sender. */
  for (int pass = 0; pass < 2; ++pass) {
    for (const struct tcp_chunk *chunk = pcb->u.c.ooo; chunk && count < room;) {
      struct tcp_sack_block block = {chunk->seq, chunk->seq + (chunk->end - chunk->start)};
      for (chunk = chunk->next; chunk && chunk->seq == block.end; chunk = chunk->next)
        block.end += chunk->end - chunk->start;
      bool recent = seq_leq(block.start, pcb->sack_recent) && seq_lt(pcb->sack_recent, block.end);
      if (recent == (pass == 0))
        out[count++] = block;
    }
  }
  return count;
}

/* ---- The sender's scoreboard ------------------------------------------- */

void tcp_sack_forget_acked(struct tcp_pcb *pcb) {
  uint32_t kept = 0;
  for (uint32_t i = 0; i < pcb->sacked_count; ++i) {
    struct tcp_sack_block block = pcb->sacked[i];
    if (seq_leq(block.end, pcb->snd_una))
      continue;
    if (seq_lt(block.start, pcb->snd_una))
      block.start = pcb->snd_una;
    pcb->sacked[kept++] = block;
  }
  pcb->sacked_count = (uint8_t)kept;
  if (seq_lt(pcb->high_rxt, pcb->snd_una))
    pcb->high_rxt = pcb->snd_una;
  if (seq_lt(pcb->lost_below, pcb->snd_una))
    pcb->lost_below = pcb->snd_una;
}

/* Adds one reported block to the sorted, disjoint scoreboard. When it is
 * full the highest block goes: forgetting a SACK costs at worst a needless
 * resend, and the peer repeats its blocks on every ACK. */
static void scoreboard_add(struct tcp_pcb *pcb, struct tcp_sack_block block) {
  struct tcp_sack_block merged[TCP_SACK_SCOREBOARD + 1];
  uint32_t count = 0;
  bool placed = false;
  for (uint32_t i = 0; i < pcb->sacked_count; ++i) {
    struct tcp_sack_block held = pcb->sacked[i];
    if (seq_lt(held.end, block.start)) {
      merged[count++] = held;
    } else if (seq_lt(block.end, held.start)) {
      if (!placed) {
        merged[count++] = block;
        placed = true;
      }
      merged[count++] = held;
    } else { /* they touch or overlap: one block */
      if (seq_lt(held.start, block.start))
        block.start = held.start;
      block.end = seq_max(block.end, held.end);
    }
  }
  if (!placed)
    merged[count++] = block;
  if (count > TCP_SACK_SCOREBOARD)
    count = TCP_SACK_SCOREBOARD;
  for (uint32_t i = 0; i < count; ++i)
    pcb->sacked[i] = merged[i];
  pcb->sacked_count = (uint8_t)count;
}

void tcp_sack_update(struct tcp_pcb *pcb, const struct tcp_sack_block *blocks, uint32_t count) {
  for (uint32_t i = 0; i < count; ++i) {
    struct tcp_sack_block block = blocks[i];
    /* Only what was sent and not yet cumulatively acknowledged counts; a
     * D-SACK (RFC 2883) below snd_una or a block that lies is ignored. */
    if (!seq_lt(block.start, block.end) || !seq_gt(block.end, pcb->snd_una) ||
        seq_gt(block.end, pcb->snd_max))
      continue;
    if (seq_lt(block.start, pcb->snd_una))
      block.start = pcb->snd_una;
    scoreboard_add(pcb, block);
  }
}

/* Bytes SACKed at or above `seq`. */
static uint32_t sacked_above(const struct tcp_pcb *pcb, uint32_t seq) {
  uint32_t bytes = 0;
  for (uint32_t i = 0; i < pcb->sacked_count; ++i) {
    const struct tcp_sack_block *block = &pcb->sacked[i];
    if (seq_geq(block->start, seq))
      bytes += block->end - block->start;
    else if (seq_gt(block->end, seq))
      bytes += block->end - seq;
  }
  return bytes;
}

static bool lost(const struct tcp_pcb *pcb, uint32_t seq) {
  return seq_lt(seq, pcb->lost_below) ||
         sacked_above(pcb, seq) > (TCP_DUP_THRESH - 1) * tcp_effective_mss(pcb);
}

static uint32_t highest_sacked(const struct tcp_pcb *pcb) {
  return pcb->sacked_count ? pcb->sacked[pcb->sacked_count - 1].end : pcb->snd_una;
}

bool tcp_sack_loss_detected(const struct tcp_pcb *pcb) {
  return pcb->sacked_count && lost(pcb, pcb->snd_una);
}

/* Calls `visit` for each hole [start, end) below the highest SACKed byte,
 * from the lowest. Returns false as soon as `visit` does. */
typedef bool (*hole_visitor)(const struct tcp_pcb *pcb, uint32_t start, uint32_t end, void *state);
static void for_each_hole(const struct tcp_pcb *pcb, hole_visitor visit, void *state) {
  uint32_t start = pcb->snd_una;
  for (uint32_t i = 0; i < pcb->sacked_count; ++i) {
    if (seq_lt(start, pcb->sacked[i].start) && !visit(pcb, start, pcb->sacked[i].start, state))
      return;
    start = seq_max(start, pcb->sacked[i].end);
  }
}

/* RFC 6675 SetPipe: every byte in flight that is neither SACKed nor lost,
 * plus every byte resent. Holes above the highest SACK are not lost. */
static bool count_hole(const struct tcp_pcb *pcb, uint32_t start, uint32_t end, void *state) {
  uint32_t *pipe = state;
  uint32_t resent_end = seq_gt(pcb->high_rxt, start) ? min_u32(pcb->high_rxt - start, end - start) : 0;
  *pipe += resent_end; /* resent and not lost again yet */
  if (!lost(pcb, start))
    *pipe += end - start - resent_end; /* still thought in the network */
  return true;
}

uint32_t tcp_sack_pipe(const struct tcp_pcb *pcb) {
  uint32_t pipe = 0;
  for_each_hole(pcb, count_hole, &pipe);
  uint32_t top = highest_sacked(pcb);
  if (seq_gt(pcb->snd_nxt, top))
    pipe += pcb->snd_nxt - top;
  return pipe;
}

/* RFC 6675 NextSeg rule 1: the first byte at or above HighRxt that is lost
 * and not SACKed. */
struct next_segment {
  uint32_t seq, length;
};
static bool find_lost(const struct tcp_pcb *pcb, uint32_t start, uint32_t end, void *state) {
  struct next_segment *next = state;
  if (seq_leq(end, pcb->high_rxt))
    return true;
  start = seq_max(start, pcb->high_rxt);
  if (!lost(pcb, start))
    return false; /* nothing above is lost either */
  next->seq = start;
  next->length = end - start;
  return false;
}

void tcp_sack_resend(struct tcp_pcb *pcb) {
  uint32_t mss = tcp_effective_mss(pcb);
  /* A hole resent before data that the peer has since SACKed was lost again:
   * every hole resent up to then is resent once more. */
  uint32_t top = highest_sacked(pcb);
  if (seq_gt(pcb->high_rxt, pcb->snd_una) && seq_gt(top, pcb->rxt_mark + 2 * mss))
    pcb->high_rxt = pcb->snd_una;
  for (;;) {
    uint32_t pipe = tcp_sack_pipe(pcb);
    if (pipe + mss > pcb->cwnd)
      return;
    struct next_segment next = {0, 0};
    for_each_hole(pcb, find_lost, &next);
    if (!next.length)
      return;
    uint32_t length = min_u32(min_u32(next.length, mss), pcb->snd_una + pcb->snd_queued - next.seq);
    if (!length)
      return;
    if (tcp_send_segment(pcb, next.seq, length, TCP_ACK) < 0)
      return;
    pcb->high_rxt = next.seq + length;
    pcb->rxt_mark = pcb->snd_max;
  }
}

void tcp_sack_resend_first(struct tcp_pcb *pcb) {
  uint32_t length = min_u32(tcp_effective_mss(pcb), pcb->snd_queued);
  if (pcb->sacked_count && seq_gt(pcb->sacked[0].start, pcb->snd_una) &&
      seq_lt(pcb->sacked[0].start, pcb->snd_una + length))
    length = pcb->sacked[0].start - pcb->snd_una;
  tcp_send_segment(pcb, pcb->snd_una, length, TCP_ACK);
  pcb->high_rxt = pcb->snd_una + length;
  pcb->rxt_mark = pcb->snd_max;
}

void tcp_sack_enter_recovery(struct tcp_pcb *pcb) {
  uint32_t flight = pcb->snd_max - pcb->snd_una;
  pcb->ssthresh = max_u32(flight / 2, 2 * tcp_effective_mss(pcb));
  pcb->cwnd = pcb->ssthresh;
  pcb->recover = pcb->snd_max;
  pcb->flags |= TF_RECOVERY;
  pcb->flags &= ~TF_RTT_TIMING;
  tcp_sack_resend_first(pcb);
}

/* ---- The loss probe ------------------------------------------------------ */

static int64_t probe_timeout(const struct tcp_pcb *pcb) {
  int64_t timeout = pcb->srtt_us ? 2 * (int64_t)pcb->srtt_us * NS_PER_US : tcp_rto_ns(pcb);
  if (timeout < TCP_PROBE_MIN_NS)
    timeout = TCP_PROBE_MIN_NS;
  /* One segment in flight may be waiting for the peer's delayed ACK. */
  if (pcb->snd_max - pcb->snd_una <= tcp_effective_mss(pcb))
    timeout += TCP_DELACK_NS;
  return timeout << pcb->loss_probes;
}

void tcp_loss_probe_arm(struct tcp_pcb *pcb, bool restart) {
  if (pcb->snd_una == pcb->snd_max || (pcb->flags & TF_PERSIST)) {
    pcb->probe_deadline = 0;
    pcb->loss_probes = 0;
    return;
  }
  if ((restart || !pcb->probe_deadline) && pcb->loss_probes < TCP_MAX_LOSS_PROBES) {
    pcb->probe_deadline = net_now() + probe_timeout(pcb);
    tcp_note_deadline(pcb->probe_deadline);
  }
}

void tcp_loss_probe_fire(struct tcp_pcb *pcb) {
  if (pcb->state < TCP_ESTABLISHED || pcb->state == TCP_TIME_WAIT ||
      pcb->snd_una == pcb->snd_max || (pcb->flags & TF_PERSIST) ||
      seq_lt(pcb->snd_nxt, pcb->snd_max))
    return; /* nothing in flight, or the retransmission timer has taken over */
  if (pcb->sacked_count) {
    pcb->lost_below = highest_sacked(pcb);
    if (!(pcb->flags & TF_RECOVERY))
      tcp_sack_enter_recovery(pcb);
    else
      pcb->high_rxt = pcb->snd_una; /* the resends found no answer either */
    tcp_output(pcb);
  } else {
    /* A tail loss probe: the last segment of data sent, once more. */
    uint32_t data_end = pcb->snd_una + pcb->snd_queued;
    uint32_t end = seq_lt(data_end, pcb->snd_max) ? data_end : pcb->snd_max;
    uint32_t length = min_u32(tcp_effective_mss(pcb), end - pcb->snd_una);
    if (length)
      tcp_send_segment(pcb, end - length, length, TCP_ACK);
  }
  ++pcb->loss_probes;
  tcp_loss_probe_arm(pcb, true);
}
