/* TCP's clocks. Each connection has four deadlines: retransmission (or
 * the persist probe while the peer's window is closed), the delayed ACK,
 * the loss probe (sack.c), and an idle one (keepalive, FIN-WAIT-2,
 * TIME-WAIT). tcp_timers runs those
 * that are due; the earliest of all is kept so that a VM with nothing due
 * pays one comparison per poll. */
#include "tcp_private.h"

void tcp_rtt_sample(struct tcp_pcb *pcb, uint32_t rtt_us) {
  /* RFC 6298 2.2 and 2.3, with alpha 1/8 and beta 1/4. */
  if (!pcb->srtt_us) {
    pcb->srtt_us = rtt_us ? rtt_us : 1;
    pcb->rttvar_us = rtt_us / 2;
  } else {
    uint32_t delta = pcb->srtt_us > rtt_us ? pcb->srtt_us - rtt_us : rtt_us - pcb->srtt_us;
    pcb->rttvar_us = (3 * pcb->rttvar_us + delta) / 4;
    pcb->srtt_us = (7 * pcb->srtt_us + rtt_us) / 8;
    if (!pcb->srtt_us)
      pcb->srtt_us = 1;
  }
  uint64_t rto = (uint64_t)pcb->srtt_us + max_u32(TCP_CLOCK_GRANULARITY_US, 4 * pcb->rttvar_us);
  if (rto < TCP_RTO_MIN_US)
    rto = TCP_RTO_MIN_US;
  if (rto > TCP_RTO_MAX_US)
    rto = TCP_RTO_MAX_US;
  pcb->rto_us = (uint32_t)rto;
  /* A fresh sample from a segment sent once ends the backoff (Karn). */
  pcb->backoff = 0;
}

void tcp_keepalive_reset(struct tcp_pcb *pcb) {
  pcb->keep_probes = 0;
  if ((pcb->flags & TF_KEEPALIVE) &&
      (pcb->state == TCP_ESTABLISHED || pcb->state == TCP_CLOSE_WAIT))
    tcp_set_idle(pcb, net_now() + (int64_t)pcb->keep_idle_s * NS_PER_S);
}

void tcp_delack_start(struct tcp_pcb *pcb) {
  pcb->flags |= TF_ACK_DELAYED;
  if (!pcb->delack_deadline) {
    pcb->delack_deadline = net_now() + TCP_DELACK_NS;
    tcp_note_deadline(pcb->delack_deadline);
  }
}

static int64_t persist_interval(const struct tcp_pcb *pcb) {
  uint64_t interval = (uint64_t)pcb->rto_us << (pcb->backoff < 20 ? pcb->backoff : 20);
  if (interval < TCP_PERSIST_MIN_US)
    interval = TCP_PERSIST_MIN_US;
  if (interval > TCP_PERSIST_MAX_US)
    interval = TCP_PERSIST_MAX_US;
  return (int64_t)interval * NS_PER_US;
}

void tcp_persist_start(struct tcp_pcb *pcb) {
  if ((pcb->flags & TF_PERSIST) && pcb->rtx_deadline)
    return;
  pcb->flags |= TF_PERSIST;
  pcb->backoff = 0;
  tcp_set_rtx(pcb, net_now() + persist_interval(pcb));
}

/* The peer's window is still closed: one byte of new data goes beyond it
 * (RFC 9293 3.8.6.1). It is not counted in flight, so a peer that keeps
 * the window shut gets probes forever, each further apart. */
static void persist_fire(struct tcp_pcb *pcb, int64_t now) {
  if (pcb->snd_wnd || pcb->snd_queued == 0 || pcb->snd_nxt != pcb->snd_una) {
    pcb->flags &= ~TF_PERSIST;
    pcb->backoff = 0;
    tcp_output(pcb);
    return;
  }
  tcp_send_segment(pcb, pcb->snd_una, 1, TCP_ACK | TCP_SEND_PROBE);
  pcb->snd_max = seq_max(pcb->snd_max, pcb->snd_una + 1);
  if (pcb->backoff < TCP_MAX_RETRIES)
    ++pcb->backoff;
  tcp_set_rtx(pcb, now + persist_interval(pcb));
}

static void retransmit_fire(struct tcp_pcb *pcb, int64_t now) {
  int give_up_error = pcb->soft_error ? pcb->soft_error : NET_ETIMEDOUT;
  switch (pcb->state) {
  case TCP_SYN_SENT:
    if (pcb->backoff >= TCP_SYN_RETRIES) {
      tcp_set_closed(pcb, give_up_error);
      return;
    }
    break;
  case TCP_SYN_RECEIVED:
    if (pcb->backoff >= TCP_SYNACK_RETRIES) {
      tcp_set_closed(pcb, pcb->owner == TCP_OWNER_LISTENER ? 0 : give_up_error);
      return;
    }
    break;
  default:
    if (pcb->snd_una == pcb->snd_max)
      return; /* nothing outstanding any more */
    if (pcb->backoff >= TCP_MAX_RETRIES) {
      tcp_set_closed(pcb, give_up_error);
      return;
    }
    if (pcb->snd_wnd == 0 && pcb->snd_queued) {
      /* The window closed on data in flight: probe instead of resending. */
      pcb->snd_nxt = pcb->snd_una;
      pcb->flags |= TF_PERSIST;
      pcb->backoff = 0;
      persist_fire(pcb, now);
      return;
    }
    break;
  }
  if (pcb->state >= TCP_ESTABLISHED) {
    /* RFC 5681 3.1 (equation 4): once per loss, not for each backoff. */
    uint32_t mss = tcp_effective_mss(pcb);
    if (!(pcb->flags & TF_RTO_SSTHRESH)) {
      uint32_t flight = pcb->snd_max - pcb->snd_una;
      pcb->ssthresh = max_u32(flight / 2, 2 * mss);
      pcb->flags |= TF_RTO_SSTHRESH;
    }
    pcb->cwnd = mss;
    pcb->recover = pcb->snd_max; /* RFC 6582 4 */
    pcb->rto_ts = tcp_now_ms();
    pcb->flags &= ~TF_RECOVERY;
    pcb->dupacks = 0;
    /* The peer may renege on what it SACKed (RFC 2018 8): after a timeout
     * everything unacknowledged is sent again. */
    pcb->sacked_count = 0;
    pcb->high_rxt = pcb->lost_below = pcb->snd_una;
    pcb->probe_deadline = 0;
  }
  ++pcb->backoff;
  ++net_if.counters->tcp_timeouts;
  pcb->flags &= ~TF_RTT_TIMING; /* Karn: a resent segment times nothing */
  pcb->snd_nxt = pcb->state <= TCP_SYN_RECEIVED ? pcb->iss : pcb->snd_una;
  tcp_set_rtx(pcb, now + tcp_rto_ns(pcb));
  tcp_output(pcb);
}

static void idle_fire(struct tcp_pcb *pcb, int64_t now) {
  switch (pcb->state) {
  case TCP_TIME_WAIT:
    tcp_set_closed(pcb, 0);
    return;
  case TCP_FIN_WAIT_2:
    if (pcb->owner == TCP_OWNER_NONE)
      tcp_set_closed(pcb, 0);
    return;
  case TCP_ESTABLISHED:
  case TCP_CLOSE_WAIT:
    break;
  default:
    return;
  }
  if (!(pcb->flags & TF_KEEPALIVE))
    return;
  if (pcb->snd_max != pcb->snd_una || pcb->snd_queued) {
    /* Data in flight: the retransmission timer watches the peer. */
    tcp_set_idle(pcb, now + (int64_t)pcb->keep_idle_s * NS_PER_S);
    return;
  }
  if (pcb->keep_probes >= pcb->keep_count) {
    tcp_abort(pcb, NET_ETIMEDOUT);
    return;
  }
  /* A segment one below SND.NXT: the peer answers with an ACK (RFC 9293
   * 3.8.4), carrying no data. */
  tcp_send_segment(pcb, pcb->snd_una - 1, 0, TCP_ACK | TCP_SEND_PROBE);
  ++pcb->keep_probes;
  tcp_set_idle(pcb, now + (int64_t)pcb->keep_intvl_s * NS_PER_S);
}

void tcp_timers(int64_t now) {
  tcp_earliest_deadline = INT64_MAX;
  struct tcp_pcb *next;
  for (struct tcp_pcb *pcb = tcp_all; pcb; pcb = next) {
    next = pcb->all_next;
    if (pcb->delack_deadline && pcb->delack_deadline <= now) {
      pcb->delack_deadline = 0;
      if (pcb->flags & TF_ACK_DELAYED)
        tcp_send_ack(pcb);
    }
    if (pcb->rtx_deadline && pcb->rtx_deadline <= now) {
      pcb->rtx_deadline = 0;
      if (pcb->flags & TF_PERSIST)
        persist_fire(pcb, now);
      else
        retransmit_fire(pcb, now);
    }
    if (pcb->state != TCP_CLOSED && pcb->probe_deadline && pcb->probe_deadline <= now) {
      pcb->probe_deadline = 0;
      tcp_loss_probe_fire(pcb);
    }
    if (pcb->state != TCP_CLOSED && pcb->idle_deadline && pcb->idle_deadline <= now) {
      pcb->idle_deadline = 0;
      idle_fire(pcb, now);
    }
    if (pcb->state != TCP_CLOSED) {
      tcp_note_deadline(pcb->delack_deadline);
      tcp_note_deadline(pcb->rtx_deadline);
      tcp_note_deadline(pcb->idle_deadline);
      tcp_note_deadline(pcb->probe_deadline);
    }
  }
  tcp_reap();
}

int64_t tcp_next_deadline(void) {
  return tcp_earliest_deadline;
}
