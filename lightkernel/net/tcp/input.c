/* A TCP segment arrives (RFC 9293 3.10.7): checked, matched to its
 * connection, and run through the state machine: sequence and RST checks
 * (RFC 5961), the ACK (RTT, congestion control per RFC 5681, loss recovery
 * by NewReno per RFC 6582 or with SACK per RFC 6675, the send window), then
 * the data and the FIN. */
#include "tcp_private.h"

/* One segment, taken apart. */
struct segment {
  uint32_t seq, ack;
  uint32_t window; /* the raw 16-bit field */
  unsigned flags;
  const uint8_t *payload;
  uint32_t length; /* payload bytes */
  bool has_mss, has_wscale, has_timestamp, sack_permitted;
  uint16_t mss;
  uint8_t wscale;
  uint32_t tsval, tsecr;
  uint32_t sack_count;
  struct tcp_sack_block sack[TCP_SACK_MAX_REPORT];
};

/* Walks the options. An option whose length is impossible or runs past
 * the header makes the segment malformed; known options of the wrong size
 * are ignored. */
static bool parse_options(const uint8_t *option, uint32_t length, struct segment *seg) {
  uint32_t i = 0;
  while (i < length) {
    uint8_t kind = option[i];
    if (kind == TCP_OPT_EOL)
      break;
    if (kind == TCP_OPT_NOP) {
      ++i;
      continue;
    }
    if (i + 1 >= length)
      return false;
    uint8_t size = option[i + 1];
    if (size < 2 || i + size > length)
      return false;
    const uint8_t *value = option + i + 2;
    switch (kind) {
    case TCP_OPT_MSS:
      if (size == 4) {
        seg->has_mss = true;
        seg->mss = net_get16(value);
      }
      break;
    case TCP_OPT_WSCALE:
      if (size == 3) {
        seg->has_wscale = true;
        /* RFC 7323 2.3: a shift above 14 is taken as 14. */
        seg->wscale = value[0] > TCP_MAX_WSCALE ? TCP_MAX_WSCALE : value[0];
      }
      break;
    case TCP_OPT_SACK_PERMITTED:
      if (size == 2)
        seg->sack_permitted = true;
      break;
    case TCP_OPT_SACK:
      if (size >= 10 && (size - 2) % 8 == 0) {
        seg->sack_count = min_u32((size - 2u) / 8u, TCP_SACK_MAX_REPORT);
        for (uint32_t b = 0; b < seg->sack_count; ++b) {
          seg->sack[b].start = net_get32(value + 8 * b);
          seg->sack[b].end = net_get32(value + 8 * b + 4);
        }
      }
      break;
    case TCP_OPT_TIMESTAMP:
      if (size == 10) {
        seg->has_timestamp = true;
        seg->tsval = net_get32(value);
        seg->tsecr = net_get32(value + 4);
      }
      break;
    default:
      break;
    }
    i += size;
  }
  return true;
}

/* The sequence space a segment occupies: its data, SYN and FIN. */
static uint32_t segment_span(const struct segment *seg) {
  return seg->length + ((seg->flags & TCP_SYN) ? 1u : 0u) + ((seg->flags & TCP_FIN) ? 1u : 0u);
}

/* The options of a SYN settle what the connection uses. */
static void apply_syn_options(struct tcp_pcb *pcb, const struct segment *seg, bool we_offered) {
  uint32_t peer_mss = seg->has_mss ? seg->mss : TCP_DEFAULT_MSS;
  pcb->mss = (uint16_t)max_u32(min_u32(peer_mss, tcp_local_mss(pcb)), TCP_MIN_MSS);
  if (seg->has_wscale && we_offered) {
    pcb->flags |= TF_WSCALE;
    pcb->snd_wscale = seg->wscale;
  } else {
    pcb->flags &= ~TF_WSCALE;
    pcb->snd_wscale = pcb->rcv_wscale = 0;
  }
  if (seg->has_timestamp && we_offered) {
    pcb->flags |= TF_TIMESTAMPS;
    pcb->ts_recent = seg->tsval;
  } else {
    pcb->flags &= ~TF_TIMESTAMPS;
  }
  if (seg->sack_permitted && we_offered)
    pcb->flags |= TF_SACK_PERMITTED;
  else
    pcb->flags &= ~TF_SACK_PERMITTED;
}

/* RFC 9293 3.10.7.1: a segment for no connection gets a RST, unless it is one. */
static void answer_closed_port(const struct net_packet *packet, const struct segment *seg,
                               uint16_t local_port, uint16_t remote_port) {
  ++net_if.counters->drop_no_socket;
  if (seg->flags & TCP_RST)
    return;
  if (seg->flags & TCP_ACK)
    tcp_send_reset(&packet->dst, local_port, &packet->src, remote_port, seg->ack, 0, false);
  else
    tcp_send_reset(&packet->dst, local_port, &packet->src, remote_port, 0,
                   seg->seq + segment_span(seg), true);
}

/* ---- LISTEN ------------------------------------------------------------------ */

static uint32_t half_open_limit(const struct tcp_pcb *listener) {
  uint32_t limit = 2u * listener->u.l.backlog;
  return min_u32(max_u32(limit, TCP_HALF_OPEN_MIN), TCP_HALF_OPEN_MAX);
}

static void listen_input(struct tcp_pcb *listener, const struct net_packet *packet,
                         const struct segment *seg, uint16_t local_port, uint16_t remote_port) {
  if (seg->flags & TCP_RST)
    return;
  if (seg->flags & TCP_ACK) {
    tcp_send_reset(&packet->dst, local_port, &packet->src, remote_port, seg->ack, 0, false);
    return;
  }
  if (!(seg->flags & TCP_SYN))
    return;
  /* A full accept queue refuses new handshakes (the client retries). */
  if (listener->u.l.accept_count > listener->u.l.backlog)
    return;
  /* A flood of SYNs churns a bounded set: the oldest half-open goes. */
  if (listener->u.l.half_open_count >= half_open_limit(listener))
    tcp_set_closed(listener->u.l.half_open, 0);
  struct tcp_pcb *child = tcp_alloc();
  if (!child) {
    ++net_if.counters->drop_no_memory;
    return;
  }
  child->owner = TCP_OWNER_LISTENER;
  child->parent = listener;
  child->local_addr = packet->dst;
  child->local_port = local_port;
  child->remote_addr = packet->src;
  child->remote_port = remote_port;
  child->flags =
      listener->flags & (TF_NODELAY | TF_KEEPALIVE | TF_REUSEADDR | TF_REUSEPORT | TF_LINGER_ZERO);
  child->sndbuf = listener->sndbuf;
  child->rcvbuf = listener->rcvbuf;
  child->keep_idle_s = listener->keep_idle_s;
  child->keep_intvl_s = listener->keep_intvl_s;
  child->keep_count = listener->keep_count;
  child->user_mss = listener->user_mss;
  tcp_init_connection(child);
  apply_syn_options(child, seg, true);
  child->irs = seg->seq;
  child->rcv_nxt = seg->seq + 1;
  child->rcv_adv = child->rcv_nxt;
  child->last_ack_sent = child->rcv_nxt;
  child->snd_wnd = seg->window; /* never scaled in a SYN */
  child->max_snd_wnd = child->snd_wnd;
  child->snd_wl1 = seg->seq;
  child->iss = tcp_new_iss(child);
  child->snd_una = child->snd_nxt = child->snd_max = child->snd_small = child->iss;
  child->snd_wl2 = child->iss;
  child->recover = child->iss;
  child->state = TCP_SYN_RECEIVED;
  tcp_hash_insert(child);
  if (listener->u.l.half_open_tail)
    listener->u.l.half_open_tail->queue_next = child;
  else
    listener->u.l.half_open = child;
  listener->u.l.half_open_tail = child;
  ++listener->u.l.half_open_count;
  /* Data carried by the SYN is not taken: the client sends it again. */
  tcp_output(child);
}

/* ---- RTT and congestion control ------------------------------------------------- */

/* An ACK that covers new data may time a round trip (RFC 7323 4.1 with
 * timestamps, else Karn's rule: only a segment never retransmitted). */
static void take_rtt_sample(struct tcp_pcb *pcb, const struct segment *seg) {
  uint32_t now = tcp_now_ms();
  if ((pcb->flags & TF_TIMESTAMPS) && seg->has_timestamp && seg->tsecr &&
      (int32_t)(now - seg->tsecr) >= 0) {
    tcp_rtt_sample(pcb, (now - seg->tsecr) * 1000u);
    pcb->flags &= ~TF_RTT_TIMING;
  } else if ((pcb->flags & TF_RTT_TIMING) && seq_gt(seg->ack, pcb->rtt_seq)) {
    tcp_rtt_sample(pcb, (now - pcb->rtt_start_ms) * 1000u);
    pcb->flags &= ~TF_RTT_TIMING;
  }
}

static void new_ack(struct tcp_pcb *pcb, const struct segment *seg) {
  uint32_t acked = seg->ack - pcb->snd_una;
  take_rtt_sample(pcb, seg);
  uint32_t data_acked = min_u32(acked, pcb->snd_queued);
  tcp_send_queue_drop(pcb, data_acked);
  pcb->snd_queued -= data_acked;
  pcb->snd_una = seg->ack;
  if (seq_lt(pcb->snd_nxt, pcb->snd_una))
    pcb->snd_nxt = pcb->snd_una;
  pcb->flags &= ~TF_RTO_SSTHRESH;

  uint32_t mss = tcp_effective_mss(pcb);
  if (pcb->flags & TF_SACK_PERMITTED)
    tcp_sack_forget_acked(pcb);
  if (pcb->flags & TF_RECOVERY) {
    if (seq_geq(seg->ack, pcb->recover)) {
      /* Full acknowledgment (RFC 6582 3.2 step 3): deflate the window. */
      uint32_t flight = pcb->snd_max - pcb->snd_una;
      pcb->cwnd = min_u32(pcb->ssthresh, max_u32(flight, mss) + mss);
      pcb->flags &= ~TF_RECOVERY;
      pcb->dupacks = 0;
    } else if (pcb->flags & TF_SACK_PERMITTED) {
      /* Partial acknowledgment: the hole now first is lost too. The window
       * stays at ssthresh: SACK recovery counts the pipe instead. */
      if (seq_leq(pcb->high_rxt, pcb->snd_una))
        tcp_sack_resend_first(pcb);
      tcp_set_rtx(pcb, net_now() + tcp_rto_ns(pcb));
      return;
    } else {
      /* Partial acknowledgment: the next hole is lost too; resend it at once
       * and deflate by what was acknowledged. */
      tcp_send_segment(pcb, pcb->snd_una, min_u32(mss, pcb->snd_queued), TCP_ACK);
      pcb->cwnd = pcb->cwnd > acked ? pcb->cwnd - acked : 0;
      if (acked >= mss)
        pcb->cwnd += mss;
      pcb->cwnd = max_u32(pcb->cwnd, mss);
      tcp_set_rtx(pcb, net_now() + tcp_rto_ns(pcb));
      return;
    }
  } else {
    pcb->dupacks = 0;
    if (pcb->cwnd < pcb->ssthresh)
      pcb->cwnd += min_u32(acked, mss); /* slow start */
    else
      pcb->cwnd += max_u32(1, (uint32_t)((uint64_t)mss * mss / pcb->cwnd));
    if (pcb->cwnd > (1u << 30))
      pcb->cwnd = 1u << 30;
  }
  if (pcb->snd_una == pcb->snd_max)
    pcb->rtx_deadline = 0; /* everything acknowledged */
  else if (!(pcb->flags & TF_PERSIST))
    tcp_set_rtx(pcb, net_now() + tcp_rto_ns(pcb));
}

/* Fast retransmit (RFC 5681 3.2), entering recovery: NewReno's (RFC 6582)
 * or, with SACK, RFC 6675's. */
static void enter_recovery(struct tcp_pcb *pcb, const struct segment *seg) {
  /* After a timeout, duplicate ACKs up to `recover` may only be the resent
   * segments arriving twice (RFC 6582 4), unless their timestamps echo a
   * segment sent after the timeout: then they report a new loss (the
   * timestamp heuristic of RFC 6582 4.2), and waiting for another timeout
   * would stall the connection on every loss in a lossy window. */
  bool after_timeout =
      (pcb->flags & TF_TIMESTAMPS) && seg->has_timestamp && (int32_t)(seg->tsecr - pcb->rto_ts) > 0;
  if (!seq_gt(pcb->snd_una, pcb->recover) && !after_timeout)
    return;
  if (pcb->flags & TF_SACK_PERMITTED) {
    tcp_sack_enter_recovery(pcb);
    return;
  }
  uint32_t mss = tcp_effective_mss(pcb);
  uint32_t flight = pcb->snd_max - pcb->snd_una;
  pcb->ssthresh = max_u32(flight / 2, 2 * mss);
  pcb->recover = pcb->snd_max;
  pcb->flags |= TF_RECOVERY;
  pcb->flags &= ~TF_RTT_TIMING;
  tcp_send_segment(pcb, pcb->snd_una, min_u32(mss, pcb->snd_queued), TCP_ACK);
  pcb->cwnd = pcb->ssthresh + 3 * mss;
}

static void duplicate_ack(struct tcp_pcb *pcb, const struct segment *seg) {
  if (pcb->dupacks < 255)
    ++pcb->dupacks;
  if (pcb->flags & TF_RECOVERY) {
    if (!(pcb->flags & TF_SACK_PERMITTED))
      pcb->cwnd += tcp_effective_mss(pcb); /* each one says a segment left the network */
    return;
  }
  if (pcb->dupacks == 3)
    enter_recovery(pcb, seg);
}

static void update_send_window(struct tcp_pcb *pcb, const struct segment *seg) {
  if (seq_lt(pcb->snd_wl1, seg->seq) ||
      (pcb->snd_wl1 == seg->seq && seq_leq(pcb->snd_wl2, seg->ack))) {
    pcb->snd_wnd = seg->window << pcb->snd_wscale;
    pcb->snd_wl1 = seg->seq;
    pcb->snd_wl2 = seg->ack;
    pcb->max_snd_wnd = max_u32(pcb->max_snd_wnd, pcb->snd_wnd);
    if (pcb->snd_wnd && (pcb->flags & TF_PERSIST)) {
      pcb->flags &= ~TF_PERSIST;
      pcb->rtx_deadline = 0;
      pcb->backoff = 0;
    }
  }
}

/* ---- SYN-SENT ------------------------------------------------------------------ */

static void syn_sent_input(struct tcp_pcb *pcb, const struct segment *seg) {
  if (seg->flags & TCP_ACK) {
    if (seq_leq(seg->ack, pcb->iss) || seq_gt(seg->ack, pcb->snd_max)) {
      if (!(seg->flags & TCP_RST))
        tcp_send_reset(&pcb->local_addr, pcb->local_port, &pcb->remote_addr, pcb->remote_port,
                       seg->ack, 0, false);
      return;
    }
  }
  if (seg->flags & TCP_RST) {
    if (seg->flags & TCP_ACK) /* RFC 5961 3.2 trusts it: it acknowledges our SYN */
      tcp_set_closed(pcb, NET_ECONNREFUSED);
    return;
  }
  if (!(seg->flags & TCP_SYN))
    return;
  pcb->irs = seg->seq;
  pcb->rcv_nxt = seg->seq + 1;
  pcb->rcv_adv = pcb->rcv_nxt;
  apply_syn_options(pcb, seg, true);
  pcb->snd_wnd = seg->window;
  pcb->max_snd_wnd = pcb->snd_wnd;
  pcb->snd_wl1 = seg->seq;
  pcb->snd_wl2 = seg->ack;
  if (seg->flags & TCP_ACK) {
    take_rtt_sample(pcb, seg);
    pcb->snd_una = seg->ack;
    if (seq_lt(pcb->snd_nxt, pcb->snd_una))
      pcb->snd_nxt = pcb->snd_una;
    pcb->rtx_deadline = 0;
    pcb->backoff = 0;
    tcp_established(pcb);
    /* Data on the SYN-ACK is not taken: it comes again. */
    pcb->flags |= TF_ACK_NOW;
    tcp_output(pcb);
    return;
  }
  /* Simultaneous open (RFC 9293 3.5, figure 8): answer with SYN-ACK. */
  pcb->state = TCP_SYN_RECEIVED;
  pcb->snd_nxt = pcb->iss;
  pcb->rtx_deadline = 0;
  tcp_output(pcb);
}

/* ---- Synchronized states ---------------------------------------------------------- */

/* RFC 9293 3.10.7.4's acceptance test. A closed window still takes a
 * segment at exactly RCV.NXT, so its ACK and RST are seen (its data is
 * trimmed off afterwards). */
static bool acceptable(const struct tcp_pcb *pcb, uint32_t seq, uint32_t span) {
  uint32_t window = seq_gt(pcb->rcv_adv, pcb->rcv_nxt) ? pcb->rcv_adv - pcb->rcv_nxt : 0;
  if (window == 0)
    return seq == pcb->rcv_nxt;
  uint32_t end = pcb->rcv_nxt + window;
  /* An empty segment may sit at the right edge itself: that is where the
   * ACKs of a peer that filled our window carry (Linux and BSD take it). */
  if (span == 0)
    return seq_leq(pcb->rcv_nxt, seq) && seq_leq(seq, end);
  return (seq_leq(pcb->rcv_nxt, seq) && seq_lt(seq, end)) ||
         (seq_leq(pcb->rcv_nxt, seq + span - 1) && seq_lt(seq + span - 1, end));
}

/* Cuts what lies before RCV.NXT or past the window; either way the peer
 * is told at once where we stand. */
static void trim_to_window(struct tcp_pcb *pcb, struct segment *seg) {
  if (seq_lt(seg->seq, pcb->rcv_nxt)) {
    pcb->flags |= TF_ACK_NOW;
    uint32_t before = pcb->rcv_nxt - seg->seq;
    if (seg->flags & TCP_SYN) {
      seg->flags &= ~TCP_SYN;
      --before;
      ++seg->seq;
    }
    if (before >= seg->length) {
      if (before > seg->length)
        seg->flags &= ~TCP_FIN; /* an old FIN */
      before = seg->length;
    }
    seg->payload += before;
    seg->length -= before;
    seg->seq += before;
  }
  uint32_t window = seq_gt(pcb->rcv_adv, pcb->rcv_nxt) ? pcb->rcv_adv - pcb->rcv_nxt : 0;
  uint32_t end = pcb->rcv_nxt + window;
  if (seq_gt(seg->seq + seg->length, end)) {
    uint32_t past = seg->seq + seg->length - end;
    seg->length -= min_u32(past, seg->length);
    seg->flags &= ~TCP_FIN;
    pcb->flags |= TF_ACK_NOW;
  }
}

static void reset_received(struct tcp_pcb *pcb) {
  switch (pcb->state) {
  case TCP_SYN_RECEIVED:
    /* A passive open goes back to LISTEN, i.e. the half-open block goes. */
    tcp_set_closed(pcb, pcb->owner == TCP_OWNER_LISTENER ? 0 : NET_ECONNREFUSED);
    return;
  case TCP_ESTABLISHED:
  case TCP_FIN_WAIT_1:
  case TCP_FIN_WAIT_2:
  case TCP_CLOSE_WAIT:
    tcp_set_closed(pcb, NET_ECONNRESET);
    return;
  default:
    tcp_set_closed(pcb, 0);
    return;
  }
}

/* A hole in what arrived is reported at once: by a duplicate ACK, which
 * with SACK goes alone (a segment full of data has no room for the blocks,
 * and only an ACK without data counts as a duplicate). */
static void ack_hole_now(struct tcp_pcb *pcb) {
  if (pcb->flags & TF_SACK_PERMITTED)
    tcp_send_ack(pcb);
  else
    pcb->flags |= TF_ACK_NOW;
}

/* In-order data: into the receive queue, then what waited out of order. */
static void receive_data(struct tcp_pcb *pcb, struct segment *seg) {
  if (pcb->owner == TCP_OWNER_NONE) {
    /* Nobody will ever read it: as Linux, data after close resets. */
    tcp_abort(pcb, 0);
    return;
  }
  if (seg->seq != pcb->rcv_nxt) {
    if (!tcp_ooo_insert(pcb, seg->seq, seg->payload, seg->length))
      seg->length = 0;
    else
      pcb->sack_recent = seg->seq;
    seg->flags &= ~TCP_FIN; /* kept only in order: the peer sends it again */
    ack_hole_now(pcb);
    return;
  }
  if (!(pcb->flags & TF_RCV_SHUT) && !tcp_receive_append(pcb, seg->payload, seg->length)) {
    ++net_if.counters->drop_no_memory;
    seg->flags &= ~TCP_FIN;
    return;
  }
  pcb->rcv_nxt += seg->length;
  bool filled_a_hole = pcb->u.c.ooo != 0;
  tcp_ooo_merge(pcb);
  if (filled_a_hole) {
    if (pcb->u.c.ooo)
      ack_hole_now(pcb);
    else
      pcb->flags |= TF_ACK_NOW; /* RFC 5681 4.2: at once when a gap fills */
    return;
  }
  /* Every second full-sized segment is acknowledged at once; else wait. */
  if (pcb->rcv_nxt - pcb->last_ack_sent >= 2 * tcp_effective_mss(pcb))
    pcb->flags |= TF_ACK_NOW;
  else
    tcp_delack_start(pcb);
}

static void fin_received(struct tcp_pcb *pcb) {
  ++pcb->rcv_nxt;
  pcb->flags |= TF_FIN_RECEIVED | TF_ACK_NOW;
  switch (pcb->state) {
  case TCP_ESTABLISHED:
    pcb->state = TCP_CLOSE_WAIT;
    break;
  case TCP_FIN_WAIT_1: /* simultaneous close: our FIN is not acknowledged yet */
    pcb->state = TCP_CLOSING;
    break;
  case TCP_FIN_WAIT_2:
    tcp_enter_time_wait(pcb);
    break;
  default:
    break;
  }
}

static void synchronized_input(struct tcp_pcb *pcb, struct segment *seg) {
  bool timestamps = (pcb->flags & TF_TIMESTAMPS) && seg->has_timestamp;
  /* RFC 7323 5.3: PAWS drops a segment older than the last one seen. */
  if (timestamps && !(seg->flags & TCP_RST) && (int32_t)(seg->tsval - pcb->ts_recent) < 0) {
    tcp_send_ack(pcb);
    return;
  }
  if (pcb->state == TCP_TIME_WAIT && (seg->flags & TCP_FIN) && !(seg->flags & TCP_RST))
    tcp_set_idle(pcb, net_now() + TCP_TIME_WAIT_NS); /* a FIN again: restart 2 MSL */

  /* Simultaneous open (RFC 9293 figure 8, step 6): the peer's SYN-ACK
   * repeats the SYN we already took; what counts is its ACK. */
  if (pcb->state == TCP_SYN_RECEIVED && (seg->flags & (TCP_SYN | TCP_ACK)) == (TCP_SYN | TCP_ACK) &&
      seg->seq == pcb->irs) {
    seg->flags &= ~TCP_SYN;
    ++seg->seq;
  }
  if (!acceptable(pcb, seg->seq, segment_span(seg))) {
    if (seg->flags & TCP_RST)
      return;
    if (pcb->state == TCP_SYN_RECEIVED && (seg->flags & TCP_SYN) && seg->seq == pcb->irs) {
      pcb->snd_nxt = pcb->iss; /* the SYN came again: so does our SYN-ACK */
      tcp_output(pcb);
      return;
    }
    tcp_send_ack(pcb);
    return;
  }

  /* RFC 5961 3.2: only a RST exactly at RCV.NXT resets; one elsewhere in
   * the window gets a challenge ACK, which a true peer answers with a RST
   * at the right place. */
  if (seg->flags & TCP_RST) {
    if (seg->seq == pcb->rcv_nxt)
      reset_received(pcb);
    else
      tcp_send_challenge_ack(pcb);
    return;
  }
  trim_to_window(pcb, seg);
  /* RFC 5961 4.2: any SYN now gets a challenge ACK. */
  if (seg->flags & TCP_SYN) {
    tcp_send_challenge_ack(pcb);
    return;
  }
  if (!(seg->flags & TCP_ACK))
    return;
  if (timestamps && seq_leq(seg->seq, pcb->last_ack_sent))
    pcb->ts_recent = seg->tsval; /* RFC 7323 4.3 */

  if (pcb->state == TCP_SYN_RECEIVED) {
    if (seq_leq(seg->ack, pcb->snd_una) || seq_gt(seg->ack, pcb->snd_max)) {
      tcp_send_reset(&pcb->local_addr, pcb->local_port, &pcb->remote_addr, pcb->remote_port,
                     seg->ack, 0, false);
      return;
    }
    if (pcb->owner == TCP_OWNER_LISTENER && !tcp_child_ready(pcb))
      return; /* the accept queue is full: our SYN-ACK will be sent again */
    take_rtt_sample(pcb, seg);
    pcb->snd_una = pcb->iss + 1; /* our SYN is acknowledged */
    if (seq_lt(pcb->snd_nxt, pcb->snd_una))
      pcb->snd_nxt = pcb->snd_una;
    if (pcb->snd_una == pcb->snd_max)
      pcb->rtx_deadline = 0;
    pcb->backoff = 0;
    tcp_established(pcb);
    pcb->snd_wnd = seg->window << pcb->snd_wscale;
    pcb->max_snd_wnd = max_u32(pcb->max_snd_wnd, pcb->snd_wnd);
    pcb->snd_wl1 = seg->seq;
    pcb->snd_wl2 = seg->ack;
    if (pcb->flags & TF_FIN_QUEUED) { /* closed during the handshake */
      pcb->flags &= ~TF_FIN_QUEUED;
      tcp_shutdown(pcb, 1);
    }
  }

  /* RFC 5961 5.2: an ACK for data never sent, or far older than the
   * window, gets a challenge ACK and is dropped. */
  if (seq_gt(seg->ack, pcb->snd_max) || seq_lt(seg->ack, pcb->snd_una - pcb->max_snd_wnd)) {
    tcp_send_challenge_ack(pcb);
    return;
  }
  bool fin_was_outstanding =
      (pcb->flags & TF_FIN_QUEUED) && pcb->snd_max == pcb->snd_una + pcb->snd_queued + 1;
  uint32_t snd_una_before = pcb->snd_una;
  if ((pcb->flags & TF_SACK_PERMITTED) && seg->sack_count)
    tcp_sack_update(pcb, seg->sack, seg->sack_count);
  if (seq_gt(seg->ack, pcb->snd_una)) {
    new_ack(pcb, seg);
  } else if (seg->ack == pcb->snd_una && seg->length == 0 && !(seg->flags & (TCP_SYN | TCP_FIN)) &&
             seq_gt(pcb->snd_max, pcb->snd_una) &&
             (seg->window << pcb->snd_wscale) == pcb->snd_wnd && !(pcb->flags & TF_PERSIST)) {
    duplicate_ack(pcb, seg);
  }
  /* SACK sees a loss in any segment's blocks, not only in a third ACK
   * without data: both ends sending data is a common case. */
  if ((pcb->flags & (TF_SACK_PERMITTED | TF_RECOVERY)) == TF_SACK_PERMITTED &&
      tcp_sack_loss_detected(pcb))
    enter_recovery(pcb, seg);
  if (pcb->flags & TF_SACK_PERMITTED) {
    bool answered = seq_gt(seg->ack, snd_una_before) || seg->sack_count;
    if (answered)
      pcb->loss_probes = 0;
    tcp_loss_probe_arm(pcb, answered);
  }
  update_send_window(pcb, seg);
  if (pcb->flags & TF_KEEPALIVE)
    tcp_keepalive_reset(pcb);

  bool fin_acked = fin_was_outstanding && pcb->snd_una == pcb->snd_max && pcb->snd_queued == 0;
  switch (pcb->state) {
  case TCP_FIN_WAIT_1:
    if (fin_acked) {
      pcb->state = TCP_FIN_WAIT_2;
      if (pcb->owner == TCP_OWNER_NONE)
        tcp_set_idle(pcb, net_now() + TCP_FIN_WAIT_2_NS);
    }
    break;
  case TCP_CLOSING:
    if (fin_acked) {
      tcp_enter_time_wait(pcb);
      return;
    }
    break;
  case TCP_LAST_ACK:
    if (fin_acked) {
      tcp_set_closed(pcb, 0);
      return;
    }
    break;
  case TCP_TIME_WAIT:
    if (seg->flags & TCP_FIN)
      tcp_send_ack(pcb);
    return;
  default:
    break;
  }

  if (seg->length) {
    if (pcb->state == TCP_ESTABLISHED || pcb->state == TCP_FIN_WAIT_1 ||
        pcb->state == TCP_FIN_WAIT_2) {
      receive_data(pcb, seg);
      if (pcb->state == TCP_CLOSED)
        return;
    } else {
      seg->length = 0; /* after the peer's FIN: nothing more may come */
      seg->flags &= ~TCP_FIN;
    }
  }
  if ((seg->flags & TCP_FIN) && seg->seq + seg->length == pcb->rcv_nxt &&
      !(pcb->flags & TF_FIN_RECEIVED))
    fin_received(pcb);
  tcp_output(pcb);
}

void tcp_input(const struct net_packet *packet) {
  struct gpuvm_net_counters *count = net_if.counters;
  const uint8_t *h = packet->data;
  if (packet->length < TCP_HEADER) {
    ++count->drop_malformed;
    return;
  }
  uint32_t header = (uint32_t)(h[12] >> 4) * 4u;
  if (header < TCP_HEADER || header > packet->length) {
    ++count->drop_malformed;
    return;
  }
  /* The sum over the pseudo-header and the whole segment, its checksum
   * field included, folds to zero exactly when the checksum is right. */
  uint32_t sum = net_pseudo_sum(&packet->src, &packet->dst, packet->length, NET_IPPROTO_TCP);
  if (net_fold(net_sum(sum, h, packet->length)) != 0) {
    ++count->drop_checksum;
    return;
  }
  uint16_t remote_port = net_get16(h), local_port = net_get16(h + 2);
  if (!remote_port || !local_port || packet->dst.bytes[0] == 0xff) {
    ++count->drop_malformed;
    return;
  }
  struct segment seg;
  net_zero(&seg, sizeof seg);
  seg.seq = net_get32(h + 4);
  seg.ack = net_get32(h + 8);
  seg.flags = h[13];
  seg.window = net_get16(h + 14);
  seg.payload = h + header;
  seg.length = packet->length - header;
  if (!parse_options(h + TCP_HEADER, header - TCP_HEADER, &seg)) {
    ++count->drop_malformed;
    return;
  }

  struct tcp_pcb *pcb = tcp_lookup(&packet->dst, local_port, &packet->src, remote_port);
  /* RFC 9293 3.10.7.4 (and RFC 6191): a new SYN above what TIME-WAIT saw
   * starts a new connection at once. */
  if (pcb && pcb->state == TCP_TIME_WAIT &&
      (seg.flags & (TCP_SYN | TCP_ACK | TCP_RST)) == TCP_SYN && seq_gt(seg.seq, pcb->rcv_nxt)) {
    struct tcp_pcb *listener = tcp_lookup_listener(&packet->dst, local_port);
    if (listener) {
      tcp_set_closed(pcb, 0);
      pcb = listener;
    }
  }
  if (!pcb) {
    answer_closed_port(packet, &seg, local_port, remote_port);
    return;
  }
  switch (pcb->state) {
  case TCP_LISTEN:
    listen_input(pcb, packet, &seg, local_port, remote_port);
    break;
  case TCP_SYN_SENT:
    syn_sent_input(pcb, &seg);
    break;
  case TCP_CLOSED:
    answer_closed_port(packet, &seg, local_port, remote_port);
    break;
  default:
    synchronized_input(pcb, &seg);
    break;
  }
  tcp_reap();
}

/* RFC 5927 and RFC 8201: errors about our segments. The quoted packet
 * starts with our IPv6 header; its TCP header's first 8 bytes name the
 * connection and a sequence number, which must be one in flight. */
void tcp_icmp_error(uint8_t type, uint8_t code, uint32_t field, const uint8_t *quoted_ip,
                    uint32_t quoted_length) {
  (void)field; /* ip6 learnt the path MTU from it already */
  if (quoted_length < IP6_HEADER_BYTES + 8)
    return;
  struct net_addr local, remote;
  net_copy(local.bytes, quoted_ip + 8, 16);
  net_copy(remote.bytes, quoted_ip + 24, 16);
  const uint8_t *tcp = quoted_ip + IP6_HEADER_BYTES;
  uint16_t local_port = net_get16(tcp), remote_port = net_get16(tcp + 2);
  uint32_t seq = net_get32(tcp + 4);
  struct tcp_pcb *pcb = tcp_lookup(&local, local_port, &remote, remote_port);
  if (!pcb || pcb->state == TCP_LISTEN || pcb->state == TCP_CLOSED || pcb->state == TCP_TIME_WAIT ||
      seq_lt(seq, pcb->snd_una) || seq_gt(seq, pcb->snd_max))
    return;
  if (type == ICMP6_PACKET_TOO_BIG) {
    uint16_t mss = tcp_local_mss(pcb);
    if (mss < pcb->mss) {
      pcb->mss = mss;
      /* Resend what was lost at once, smaller; not a congestion signal. */
      pcb->snd_nxt = pcb->snd_una;
      pcb->flags &= ~TF_RTT_TIMING;
      tcp_output(pcb);
    }
  } else if (type == ICMP6_DST_UNREACH) {
    int error = code == ICMP6_DST_UNREACH_NOPORT ? NET_ECONNREFUSED
                : code == ICMP6_DST_UNREACH_ADDR ? NET_EHOSTUNREACH
                                                 : NET_ENETUNREACH;
    /* RFC 5461: soft errors, except a refused port while connecting. */
    if (pcb->state == TCP_SYN_SENT && (code == ICMP6_DST_UNREACH_NOPORT || code == 1))
      tcp_set_closed(pcb, NET_ECONNREFUSED);
    else
      pcb->soft_error = (uint8_t)error;
  }
  tcp_reap();
}
