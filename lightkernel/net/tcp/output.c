/* A TCP segment leaves: the header and options are built here, the data
 * is handed to ip6_output straight from the send queue's chunks (no copy),
 * and the checksum is summed over the pieces. tcp_output decides what to
 * send: the windows (RFC 9293 3.8.6), Nagle (RFC 896), sender-side silly
 * window avoidance, the FIN, and any ACK owed. */
#include "tcp_private.h"

/* At most this many pieces of data per segment (ip6_output takes 7 parts;
 * the header is one). */
#define DATA_PIECES 6

static uint32_t challenge_second;
static uint32_t challenge_count;

uint32_t tcp_effective_mss(const struct tcp_pcb *pcb) {
  uint32_t options = (pcb->flags & TF_TIMESTAMPS) ? 12u : 0u;
  return pcb->mss > options + 1 ? pcb->mss - options : 1;
}

int64_t tcp_rto_ns(const struct tcp_pcb *pcb) {
  uint64_t rto = (uint64_t)pcb->rto_us << (pcb->backoff < 20 ? pcb->backoff : 20);
  if (rto > TCP_RTO_MAX_US)
    rto = TCP_RTO_MAX_US;
  return (int64_t)rto * NS_PER_US;
}

/* Adds `length` bytes at stream position `*offset` to a checksum: a piece
 * that starts at an odd position has its bytes in swapped halves of the
 * 16-bit words, and a one's complement sum commutes with the swap. */
static uint32_t sum_piece(uint32_t sum, const void *data, uint32_t length, uint32_t *offset) {
  uint32_t piece = net_sum(0, data, length);
  piece = (piece & 0xffffu) + (piece >> 16);
  piece = (piece & 0xffffu) + (piece >> 16);
  if (*offset & 1)
    piece = ((piece & 0xffu) << 8) | (piece >> 8);
  *offset += length;
  uint64_t wide = (uint64_t)sum + piece;
  return (uint32_t)((wide & 0xffffffffu) + (wide >> 32));
}

/* Free room in the receive buffer, as far as the window field can say, and
 * no more than a share of the VM's free memory: a window is a promise to
 * take the data, and data that finds no memory is dropped and sent again. */
static uint32_t receive_space(const struct tcp_pcb *pcb) {
  uint32_t used = pcb->rcv_queued + pcb->ooo_bytes;
  uint32_t space = pcb->rcvbuf > used ? pcb->rcvbuf - used : 0;
  size_t memory_share = net_memory_free() / TCP_WINDOW_MEMORY_SHARE;
  if (memory_share < space)
    space = (uint32_t)memory_share;
  return min_u32(space, 65535u << pcb->rcv_wscale);
}

uint32_t tcp_receive_window(struct tcp_pcb *pcb) {
  uint32_t space = receive_space(pcb);
  uint32_t current = seq_gt(pcb->rcv_adv, pcb->rcv_nxt) ? pcb->rcv_adv - pcb->rcv_nxt : 0;
  /* Receiver-side silly window avoidance (RFC 9293 3.8.6.2.2): the right
   * edge moves only by a worthwhile step, and never back. */
  uint32_t step = min_u32(pcb->rcvbuf / 2, pcb->mss);
  uint32_t window = space >= current + step ? space : current;
  uint32_t largest = 65535u << pcb->rcv_wscale;
  if (window > largest)
    window = largest;
  uint32_t unit = 1u << pcb->rcv_wscale;
  window &= ~(unit - 1);
  if (window < current) /* rounding must not shrink it either */
    window = (current + unit - 1) & ~(unit - 1);
  return window;
}

void tcp_window_update(struct tcp_pcb *pcb) {
  if (pcb->state != TCP_ESTABLISHED && pcb->state != TCP_FIN_WAIT_1 && pcb->state != TCP_FIN_WAIT_2)
    return;
  uint32_t space = receive_space(pcb);
  uint32_t current = seq_gt(pcb->rcv_adv, pcb->rcv_nxt) ? pcb->rcv_adv - pcb->rcv_nxt : 0;
  if (space >= current + min_u32(pcb->rcvbuf / 2, 2u * pcb->mss))
    tcp_send_ack(pcb);
}

/* Writes our options for a segment with `flags`, SACK blocks only as far as
 * `sack_room` bytes allow; returns their length. */
static uint32_t write_options(const struct tcp_pcb *pcb, uint8_t *at, unsigned flags,
                              uint32_t sack_room) {
  uint8_t *start = at;
  bool offering = pcb->state == TCP_SYN_SENT;
  if (flags & TCP_SYN) {
    at[0] = TCP_OPT_MSS;
    at[1] = 4;
    net_put16(at + 2, tcp_local_mss(pcb));
    at += 4;
    if (offering || (pcb->flags & TF_WSCALE)) {
      at[0] = TCP_OPT_NOP;
      at[1] = TCP_OPT_WSCALE;
      at[2] = 3;
      at[3] = pcb->rcv_wscale;
      at += 4;
    }
    if (offering || (pcb->flags & TF_SACK_PERMITTED)) {
      at[0] = TCP_OPT_NOP;
      at[1] = TCP_OPT_NOP;
      at[2] = TCP_OPT_SACK_PERMITTED;
      at[3] = 2;
      at += 4;
    }
  }
  if (((flags & TCP_SYN) && offering) || (pcb->flags & TF_TIMESTAMPS)) {
    at[0] = TCP_OPT_NOP;
    at[1] = TCP_OPT_NOP;
    at[2] = TCP_OPT_TIMESTAMP;
    at[3] = 10;
    net_put32(at + 4, tcp_now_ms());
    net_put32(at + 8, (flags & TCP_ACK) ? pcb->ts_recent : 0);
    at += 12;
  }
  if (!(flags & TCP_SYN) && (flags & TCP_ACK) && (pcb->flags & TF_SACK_PERMITTED) && pcb->u.c.ooo &&
      sack_room >= 12) {
    struct tcp_sack_block blocks[TCP_SACK_MAX_REPORT];
    uint32_t count =
        tcp_sack_report(pcb, blocks, min_u32((sack_room - 4) / 8, TCP_SACK_MAX_REPORT));
    at[0] = TCP_OPT_NOP;
    at[1] = TCP_OPT_NOP;
    at[2] = TCP_OPT_SACK;
    at[3] = (uint8_t)(2 + 8 * count);
    for (uint32_t i = 0; i < count; ++i) {
      net_put32(at + 4 + 8 * i, blocks[i].start);
      net_put32(at + 8 + 8 * i, blocks[i].end);
    }
    at += 4 + 8 * count;
  }
  return (uint32_t)(at - start);
}

int tcp_send_segment(struct tcp_pcb *pcb, uint32_t seq, uint32_t length, unsigned flags) {
  /* The data: pieces of the send queue's chunks from `seq` on. */
  struct lk_iovec parts[1 + DATA_PIECES];
  int count = 1;
  uint32_t carried = 0;
  if (length) {
    uint32_t skip = seq - pcb->snd_una;
    for (struct tcp_chunk *chunk = pcb->u.c.send.head; chunk && carried < length;
         chunk = chunk->next) {
      uint32_t held = chunk->end - chunk->start;
      if (skip >= held) {
        skip -= held;
        continue;
      }
      if (count == 1 + DATA_PIECES)
        break;
      uint32_t n = min_u32(held - skip, length - carried);
      parts[count].base = chunk->data + chunk->start + skip;
      parts[count].length = n;
      ++count;
      carried += n;
      skip = 0;
    }
    if (carried < length)
      flags &= ~(unsigned)TCP_FIN; /* the FIN follows the last byte only */
  }

  uint8_t header[TCP_MAX_HEADER];
  /* SACK blocks take what the options and the segment's data leave. */
  uint32_t mss = tcp_effective_mss(pcb);
  uint32_t sack_room = TCP_MAX_HEADER - TCP_HEADER - ((pcb->flags & TF_TIMESTAMPS) ? 12u : 0u);
  if (carried)
    sack_room = min_u32(sack_room, mss > carried ? mss - carried : 0);
  uint32_t options = write_options(pcb, header + TCP_HEADER, flags, sack_room);
  uint32_t header_length = TCP_HEADER + options;
  net_put16(header, pcb->local_port);
  net_put16(header + 2, pcb->remote_port);
  net_put32(header + 4, seq);
  net_put32(header + 8, (flags & TCP_ACK) ? pcb->rcv_nxt : 0);
  header[12] = (uint8_t)((header_length / 4) << 4);
  header[13] = (uint8_t)(flags & 0xff);
  uint32_t window = tcp_receive_window(pcb);
  if (flags & TCP_SYN) {
    net_put16(header + 14, (uint16_t)min_u32(window, 65535u)); /* never scaled */
    window = min_u32(window, 65535u);
  } else {
    net_put16(header + 14, (uint16_t)(window >> pcb->rcv_wscale));
  }
  header[16] = header[17] = 0;
  header[18] = header[19] = 0; /* urgent pointer */
  parts[0].base = header;
  parts[0].length = header_length;

  const struct net_addr *source = net_source_for(&pcb->remote_addr);
  uint32_t total = header_length + carried;
  uint32_t sum = net_pseudo_sum(source, &pcb->remote_addr, total, NET_IPPROTO_TCP);
  uint32_t offset = 0;
  for (int i = 0; i < count; ++i)
    sum = sum_piece(sum, parts[i].base, (uint32_t)parts[i].length, &offset);
  net_put16(header + 16, net_fold(sum));

  if ((carried || (flags & (TCP_SYN | TCP_FIN))) && seq_lt(seq, pcb->snd_max) &&
      !(flags & TCP_SEND_PROBE))
    ++net_if.counters->tcp_retransmits;
  if (flags & TCP_ACK) {
    pcb->flags &= ~(TF_ACK_NOW | TF_ACK_DELAYED);
    pcb->delack_deadline = 0;
    pcb->last_ack_sent = pcb->rcv_nxt;
  }
  if (seq_gt(pcb->rcv_nxt + window, pcb->rcv_adv) || !(flags & TCP_ACK))
    pcb->rcv_adv = pcb->rcv_nxt + window;
  int status = ip6_output(&pcb->remote_addr, NET_IPPROTO_TCP, 0, parts, count);
  if (status == -NET_EMSGSIZE)
    return status;
  return (int)carried;
}

void tcp_send_ack(struct tcp_pcb *pcb) {
  if (pcb->state == TCP_CLOSED || pcb->state == TCP_LISTEN || pcb->state == TCP_SYN_SENT)
    return;
  /* After a timeout snd_nxt falls back to snd_una while the peer may hold
   * more: an ACK carries the first octet never sent (as BSD does), or a
   * peer that got past snd_nxt finds it before its window and drops it,
   * ACK field and all, and both ends retransmit to each other for ever. */
  tcp_send_segment(pcb, pcb->snd_max, 0, TCP_ACK);
}

void tcp_send_challenge_ack(struct tcp_pcb *pcb) {
  uint32_t second = (uint32_t)(net_now() / NS_PER_S);
  if (second != challenge_second) {
    challenge_second = second;
    challenge_count = 0;
  }
  if (challenge_count >= TCP_CHALLENGE_ACK_LIMIT)
    return;
  ++challenge_count;
  tcp_send_ack(pcb);
}

/* A reset's TCP header from SOURCE to DESTINATION, checksum included. */
static void reset_header(uint8_t header[TCP_HEADER], const struct net_addr *source,
                         uint16_t source_port, const struct net_addr *destination,
                         uint16_t destination_port, uint32_t seq, uint32_t ack, bool with_ack) {
  net_put16(header, source_port);
  net_put16(header + 2, destination_port);
  net_put32(header + 4, seq);
  net_put32(header + 8, with_ack ? ack : 0);
  header[12] = (TCP_HEADER / 4) << 4;
  header[13] = (uint8_t)(TCP_RST | (with_ack ? TCP_ACK : 0));
  header[14] = header[15] = 0;
  header[16] = header[17] = 0;
  header[18] = header[19] = 0;
  uint32_t sum = net_pseudo_sum(source, destination, TCP_HEADER, NET_IPPROTO_TCP);
  net_put16(header + 16, net_fold(net_sum(sum, header, TCP_HEADER)));
}

void tcp_send_reset(const struct net_addr *local, uint16_t local_port,
                    const struct net_addr *remote, uint16_t remote_port, uint32_t seq, uint32_t ack,
                    bool with_ack) {
  (void)local; /* ip6_output picks the source, as for every segment */
  uint8_t header[TCP_HEADER];
  reset_header(header, net_source_for(remote), local_port, remote, remote_port, seq, ack, with_ack);
  struct lk_iovec part = {header, TCP_HEADER};
  ip6_output(remote, NET_IPPROTO_TCP, 0, &part, 1);
}

uint32_t tcp_reset_for_gone_host(const uint8_t *packet, uint32_t length,
                                 uint8_t out[TCP_GONE_RESET_BYTES]) {
  if (length < 40 + TCP_HEADER || packet[6] != NET_IPPROTO_TCP)
    return 0;
  const uint8_t *segment = packet + 40;
  unsigned flags = segment[13];
  uint32_t header_bytes = (uint32_t)(segment[12] >> 4) * 4u;
  uint32_t payload = net_get16(packet + 4);
  if (flags & TCP_RST || header_bytes < TCP_HEADER || payload < header_bytes)
    return 0;
  const struct net_addr *sender = (const struct net_addr *)(packet + 8);
  const struct net_addr *gone = (const struct net_addr *)(packet + 24);
  /* RFC 9293 3.10.7.1, as for a segment to a connection that does not exist */
  bool with_ack = !(flags & TCP_ACK);
  uint32_t seq = with_ack ? 0 : net_get32(segment + 8);
  uint32_t ack =
      net_get32(segment + 4) + (payload - header_bytes) + !!(flags & TCP_SYN) + !!(flags & TCP_FIN);
  out[0] = 0x60;
  out[1] = out[2] = out[3] = 0;
  net_put16(out + 4, TCP_HEADER);
  out[6] = NET_IPPROTO_TCP;
  out[7] = 64;
  net_copy(out + 8, gone, 16);
  net_copy(out + 24, sender, 16);
  reset_header(out + 40, gone, net_get16(segment + 2), sender, net_get16(segment), seq, ack,
               with_ack);
  return TCP_GONE_RESET_BYTES;
}

/* The SYN (or SYN-ACK) while the handshake is under way. */
static void output_handshake(struct tcp_pcb *pcb) {
  if (pcb->snd_nxt == pcb->iss) {
    bool first = pcb->snd_max == pcb->iss;
    unsigned flags = TCP_SYN | (pcb->state == TCP_SYN_RECEIVED ? TCP_ACK : 0);
    tcp_send_segment(pcb, pcb->iss, 0, flags);
    pcb->snd_nxt = pcb->iss + 1;
    pcb->snd_max = seq_max(pcb->snd_max, pcb->snd_nxt);
    if (first && !(pcb->flags & TF_TIMESTAMPS)) {
      pcb->flags |= TF_RTT_TIMING;
      pcb->rtt_seq = pcb->iss;
      pcb->rtt_start_ms = tcp_now_ms();
    }
    if (!pcb->rtx_deadline)
      tcp_set_rtx(pcb, net_now() + tcp_rto_ns(pcb));
    return;
  }
  if (pcb->state == TCP_SYN_RECEIVED && (pcb->flags & TF_ACK_NOW))
    tcp_send_ack(pcb);
}

void tcp_output(struct tcp_pcb *pcb) {
  switch (pcb->state) {
  case TCP_CLOSED:
  case TCP_LISTEN:
    return;
  case TCP_SYN_SENT:
  case TCP_SYN_RECEIVED:
    output_handshake(pcb);
    return;
  case TCP_FIN_WAIT_2:
  case TCP_TIME_WAIT:
    if (pcb->flags & TF_ACK_NOW)
      tcp_send_ack(pcb);
    return;
  default:
    break;
  }
  bool sent = false;
  uint32_t mss = tcp_effective_mss(pcb);
  bool sack_recovery =
      (pcb->flags & (TF_RECOVERY | TF_SACK_PERMITTED)) == (TF_RECOVERY | TF_SACK_PERMITTED);
  if (sack_recovery)
    tcp_sack_resend(pcb);
  for (;;) {
    uint32_t offset = pcb->snd_nxt - pcb->snd_una;
    uint32_t unsent = offset < pcb->snd_queued ? pcb->snd_queued - offset : 0;
    uint32_t data_end = pcb->snd_una + pcb->snd_queued;
    bool fin_due = (pcb->flags & TF_FIN_QUEUED) && seq_leq(pcb->snd_nxt, data_end);
    /* Limited transmit (RFC 3042): each of the first two duplicate ACKs lets
     * one new segment go past cwnd, so that a small window still brings the
     * third duplicate ACK that a fast retransmit needs, not a timeout. */
    uint32_t limited = !(pcb->flags & TF_RECOVERY) && pcb->dupacks < 3 ? pcb->dupacks * mss : 0;
    uint32_t flight = pcb->snd_nxt - pcb->snd_una;
    uint32_t congestion = pcb->cwnd + limited;
    uint32_t pipe = sack_recovery ? tcp_sack_pipe(pcb) : flight;
    uint32_t usable = min_u32(pcb->snd_wnd > flight ? pcb->snd_wnd - flight : 0,
                              congestion > pipe ? congestion - pipe : 0);
    uint32_t length = min_u32(min_u32(unsent, mss), usable);
    bool fin = fin_due && length == unsent;
    if (!length && !fin)
      break;
    if (length < mss && !fin) {
      /* The window allows only a sliver: wait for more (sender SWS
       * avoidance), unless nothing is in flight to bring an ACK. */
      if (length < unsent && length < pcb->max_snd_wnd / 2 && flight)
        break;
      /* Nagle, with Minshall's refinement: one small segment in flight at a
       * time (the tail of a big write need not wait for every ACK). */
      if (length == unsent && !(pcb->flags & TF_NODELAY) && flight &&
          seq_gt(pcb->snd_small, pcb->snd_una))
        break;
    }
    bool new_data = seq_geq(pcb->snd_nxt, pcb->snd_max);
    unsigned flags = TCP_ACK | (fin ? TCP_FIN : 0) | (length && length == unsent ? TCP_PSH : 0);
    int carried = tcp_send_segment(pcb, pcb->snd_nxt, length, flags);
    if (carried < 0) {
      /* The path's MTU shrank under us: segments get smaller. */
      pcb->mss = (uint16_t)min_u32(pcb->mss, tcp_local_mss(pcb));
      if (tcp_effective_mss(pcb) >= mss)
        break;
      mss = tcp_effective_mss(pcb);
      continue;
    }
    bool fin_sent = fin && (uint32_t)carried == length;
    if ((uint32_t)carried < mss)
      pcb->snd_small = pcb->snd_nxt + (uint32_t)carried;
    if (new_data && !(pcb->flags & (TF_RTT_TIMING | TF_TIMESTAMPS)) && (carried || fin_sent)) {
      pcb->flags |= TF_RTT_TIMING;
      pcb->rtt_seq = pcb->snd_nxt;
      pcb->rtt_start_ms = tcp_now_ms();
    }
    pcb->snd_nxt += (uint32_t)carried + (fin_sent ? 1u : 0u);
    pcb->snd_max = seq_max(pcb->snd_max, pcb->snd_nxt);
    if (!pcb->rtx_deadline || (pcb->flags & TF_PERSIST)) {
      pcb->flags &= ~TF_PERSIST;
      tcp_set_rtx(pcb, net_now() + tcp_rto_ns(pcb));
    }
    sent = true;
    if (fin_sent || !carried)
      break;
  }
  if (sent && (pcb->flags & TF_SACK_PERMITTED))
    tcp_loss_probe_arm(pcb, true);
  /* A closed window with data waiting and nothing in flight: probe it. */
  uint32_t offset = pcb->snd_nxt - pcb->snd_una;
  if (pcb->snd_wnd == 0 && pcb->snd_queued > offset && offset == 0 && !pcb->rtx_deadline)
    tcp_persist_start(pcb);
  if (!sent && (pcb->flags & TF_ACK_NOW))
    tcp_send_ack(pcb);
}
