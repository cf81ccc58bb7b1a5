/* TCP connection blocks and the API the socket layer calls: binding,
 * listening, connecting, the send and receive queues, closing, options.
 * Segments arrive in input.c and leave in output.c; timers.c runs the
 * clocks. */
#include "tcp_private.h"

struct tcp_pcb *tcp_all;
int64_t tcp_earliest_deadline = INT64_MAX;

/* Connections by 4-tuple; listeners apart (few, matched by port). */
static struct tcp_pcb *hash_table[TCP_HASH_BUCKETS];
static struct tcp_pcb *listeners;
/* Blocks closed during this call, freed at its end (tcp_reap), so that no
 * caller is left holding a freed block. */
static struct tcp_pcb *graveyard;
static uint32_t iss_secret[4];
static bool iss_secret_ready;
static uint32_t next_port;

/* ---- Chunks ---------------------------------------------------------------- */

struct tcp_chunk *tcp_chunk_alloc(uint32_t capacity) {
  struct tcp_chunk *chunk = (struct tcp_chunk *)net_alloc(sizeof *chunk + capacity);
  if (!chunk)
    return 0;
  chunk->next = 0;
  chunk->seq = 0;
  chunk->start = chunk->end = 0;
  chunk->capacity = capacity;
  net_if.counters->buffer_bytes += sizeof *chunk + capacity;
  return chunk;
}

void tcp_chunk_free(struct tcp_chunk *chunk) {
  net_if.counters->buffer_bytes -= sizeof *chunk + chunk->capacity;
  net_free(chunk);
}

void tcp_queue_free(struct tcp_queue *queue) {
  struct tcp_chunk *chunk = queue->head;
  while (chunk) {
    struct tcp_chunk *next = chunk->next;
    tcp_chunk_free(chunk);
    chunk = next;
  }
  queue->head = queue->tail = 0;
}

static void queue_append(struct tcp_queue *queue, struct tcp_chunk *chunk) {
  chunk->next = 0;
  if (queue->tail)
    queue->tail->next = chunk;
  else
    queue->head = chunk;
  queue->tail = chunk;
}

static void ooo_free(struct tcp_pcb *pcb) {
  struct tcp_chunk *chunk = pcb->u.c.ooo;
  while (chunk) {
    struct tcp_chunk *next = chunk->next;
    tcp_chunk_free(chunk);
    chunk = next;
  }
  pcb->u.c.ooo = 0;
  pcb->ooo_bytes = 0;
  pcb->ooo_count = 0;
}

void tcp_send_queue_drop(struct tcp_pcb *pcb, uint32_t count) {
  struct tcp_queue *queue = &pcb->u.c.send;
  while (count && queue->head) {
    struct tcp_chunk *chunk = queue->head;
    uint32_t n = min_u32(count, chunk->end - chunk->start);
    chunk->start += n;
    count -= n;
    if (chunk->start < chunk->end)
      break;
    /* The tail stays while the application writes into it (zero copy). */
    if (chunk == queue->tail && (pcb->flags & TF_SEND_VIEW))
      break;
    queue->head = chunk->next;
    if (!queue->head)
      queue->tail = 0;
    tcp_chunk_free(chunk);
  }
}

bool tcp_receive_append(struct tcp_pcb *pcb, const uint8_t *data, uint32_t length) {
  struct tcp_queue *queue = &pcb->u.c.receive;
  struct tcp_chunk *tail = queue->tail;
  if (!tail || tail->capacity - tail->end < length) {
    /* Small segments share a chunk; big ones get one of their own size. */
    tail = tcp_chunk_alloc(max_u32(length, TCP_RECV_CHUNK_MIN));
    if (!tail)
      return false;
    queue_append(queue, tail);
  }
  net_copy(tail->data + tail->end, data, length);
  tail->end += length;
  pcb->rcv_queued += length;
  return true;
}

static uint32_t chunk_length(const struct tcp_chunk *chunk) {
  return chunk->end - chunk->start;
}

bool tcp_ooo_insert(struct tcp_pcb *pcb, uint32_t seq, const uint8_t *data, uint32_t length) {
  uint32_t end = seq + length;
  struct tcp_chunk **link = &pcb->u.c.ooo;
  /* Skip what ends before us; trim what we share with the one before. */
  while (*link && seq_leq((*link)->seq + chunk_length(*link), seq))
    link = &(*link)->next;
  if (*link && seq_leq((*link)->seq, seq)) {
    uint32_t held_end = (*link)->seq + chunk_length(*link);
    if (seq_geq(held_end, end))
      return true; /* nothing new */
    data += held_end - seq;
    seq = held_end;
    link = &(*link)->next;
  }
  /* Drop what we cover entirely, and stop where the next one begins. */
  while (*link && seq_leq((*link)->seq + chunk_length(*link), end)) {
    struct tcp_chunk *covered = *link;
    *link = covered->next;
    pcb->ooo_bytes -= chunk_length(covered);
    --pcb->ooo_count;
    tcp_chunk_free(covered);
  }
  if (*link && seq_lt((*link)->seq, end))
    end = (*link)->seq;
  length = end - seq;
  if (!length)
    return true;
  if (pcb->ooo_count >= TCP_OOO_MAX_SEGMENTS)
    return false;
  struct tcp_chunk *chunk = tcp_chunk_alloc(length);
  if (!chunk) {
    ++net_if.counters->drop_no_memory;
    return false;
  }
  net_copy(chunk->data, data, length);
  chunk->end = length;
  chunk->seq = seq;
  chunk->next = *link;
  *link = chunk;
  pcb->ooo_bytes += length;
  ++pcb->ooo_count;
  return true;
}

void tcp_ooo_merge(struct tcp_pcb *pcb) {
  struct tcp_chunk *chunk;
  while ((chunk = pcb->u.c.ooo) && seq_leq(chunk->seq, pcb->rcv_nxt)) {
    pcb->u.c.ooo = chunk->next;
    --pcb->ooo_count;
    pcb->ooo_bytes -= chunk_length(chunk);
    uint32_t end = chunk->seq + chunk_length(chunk);
    if (seq_leq(end, pcb->rcv_nxt)) {
      tcp_chunk_free(chunk);
      continue;
    }
    chunk->start += pcb->rcv_nxt - chunk->seq;
    pcb->rcv_queued += end - pcb->rcv_nxt;
    pcb->rcv_nxt = end;
    queue_append(&pcb->u.c.receive, chunk);
  }
}

/* Takes `count` bytes (already read) off the front of the receive queue. */
static void receive_consume(struct tcp_pcb *pcb, uint32_t count) {
  struct tcp_queue *queue = &pcb->u.c.receive;
  pcb->rcv_queued -= count;
  while (count && queue->head) {
    struct tcp_chunk *chunk = queue->head;
    uint32_t n = min_u32(count, chunk_length(chunk));
    chunk->start += n;
    count -= n;
    if (chunk->start < chunk->end)
      break;
    queue->head = chunk->next;
    if (!queue->head)
      queue->tail = 0;
    tcp_chunk_free(chunk);
  }
}

/* ---- Blocks, lists, demultiplexing ------------------------------------------ */

static unsigned hash_of(const struct net_addr *remote, uint16_t local_port, uint16_t remote_port) {
  uint32_t h = (uint32_t)local_port * 40503u ^ remote_port;
  for (int i = 8; i < 16; ++i)
    h = h * 131u + remote->bytes[i];
  h ^= h >> 15;
  return h % TCP_HASH_BUCKETS;
}

struct tcp_pcb *tcp_lookup_listener(const struct net_addr *local, uint16_t local_port) {
  struct tcp_pcb *wildcard = 0;
  for (struct tcp_pcb *pcb = listeners; pcb; pcb = pcb->hash_next)
    if (pcb->local_port == local_port) {
      if (net_addr_equal(&pcb->local_addr, local))
        return pcb;
      if (!wildcard && net_addr_is_any(&pcb->local_addr))
        wildcard = pcb;
    }
  return wildcard;
}

struct tcp_pcb *tcp_lookup(const struct net_addr *local, uint16_t local_port,
                           const struct net_addr *remote, uint16_t remote_port) {
  for (struct tcp_pcb *pcb = hash_table[hash_of(remote, local_port, remote_port)]; pcb;
       pcb = pcb->hash_next)
    if (pcb->local_port == local_port && pcb->remote_port == remote_port &&
        net_addr_equal(&pcb->remote_addr, remote) && net_addr_equal(&pcb->local_addr, local))
      return pcb;
  return tcp_lookup_listener(local, local_port);
}

void tcp_hash_insert(struct tcp_pcb *pcb) {
  struct tcp_pcb **bucket =
      &hash_table[hash_of(&pcb->remote_addr, pcb->local_port, pcb->remote_port)];
  pcb->hash_next = *bucket;
  *bucket = pcb;
  pcb->flags |= TF_HASHED;
}

static void unlink_from(struct tcp_pcb **list, struct tcp_pcb *pcb) {
  for (; *list; list = &(*list)->hash_next)
    if (*list == pcb) {
      *list = pcb->hash_next;
      return;
    }
}

static void hash_remove(struct tcp_pcb *pcb) {
  if (pcb->flags & TF_HASHED)
    unlink_from(&hash_table[hash_of(&pcb->remote_addr, pcb->local_port, pcb->remote_port)], pcb);
  if (pcb->flags & TF_LISTED)
    unlink_from(&listeners, pcb);
  pcb->flags &= ~(TF_HASHED | TF_LISTED);
  pcb->hash_next = 0;
}

struct tcp_pcb *tcp_alloc(void) {
  struct tcp_pcb *pcb = (struct tcp_pcb *)net_alloc(sizeof *pcb);
  if (!pcb)
    return 0;
  net_zero(pcb, sizeof *pcb);
  pcb->state = TCP_CLOSED;
  pcb->owner = TCP_OWNER_SOCKET;
  pcb->sndbuf = TCP_DEFAULT_SNDBUF;
  pcb->rcvbuf = TCP_DEFAULT_RCVBUF;
  pcb->keep_idle_s = TCP_DEFAULT_KEEPIDLE_S;
  pcb->keep_intvl_s = TCP_DEFAULT_KEEPINTVL_S;
  pcb->keep_count = TCP_DEFAULT_KEEPCNT;
  pcb->rto_us = TCP_RTO_INITIAL_US;
  pcb->mss = TCP_DEFAULT_MSS;
  pcb->all_next = tcp_all;
  if (tcp_all)
    tcp_all->all_prev = pcb;
  tcp_all = pcb;
  return pcb;
}

static void all_remove(struct tcp_pcb *pcb) {
  if (pcb->all_prev)
    pcb->all_prev->all_next = pcb->all_next;
  else if (tcp_all == pcb)
    tcp_all = pcb->all_next;
  if (pcb->all_next)
    pcb->all_next->all_prev = pcb->all_prev;
  pcb->all_prev = pcb->all_next = 0;
}

/* Frees the block at the end of this call; nothing may hold it any more. */
static void bury(struct tcp_pcb *pcb) {
  if (pcb->state == TCP_LISTEN)
    return;
  all_remove(pcb);
  tcp_queue_free(&pcb->u.c.send);
  tcp_queue_free(&pcb->u.c.receive);
  ooo_free(pcb);
  pcb->all_next = graveyard;
  graveyard = pcb;
}

void tcp_reap(void) {
  while (graveyard) {
    struct tcp_pcb *pcb = graveyard;
    graveyard = pcb->all_next;
    net_free(pcb);
  }
}

static void mix(uint32_t *h, uint32_t value) {
  uint32_t x = *h ^ value;
  x *= 0x9e3779b1u;
  x ^= x >> 15;
  x *= 0x85ebca77u;
  x ^= x >> 13;
  *h = x;
}

uint32_t tcp_new_iss(const struct tcp_pcb *pcb) {
  /* RFC 6528: a keyed hash of the 4-tuple plus a 4 us clock. The key comes
   * from the clock and the address at first use: net.h offers no random
   * source, and a per-VM key that is hard to guess from outside suffices to
   * keep blind injection off. */
  if (!iss_secret_ready) {
    int64_t t = net_now();
    uint32_t h = (uint32_t)t ^ 0x6a09e667u;
    for (unsigned i = 0; i < 4; ++i) {
      mix(&h, (uint32_t)(t >> 32) + i);
      mix(&h, net_get32(net_if.address.bytes + 4 * i));
      iss_secret[i] = h;
    }
    iss_secret_ready = true;
  }
  uint32_t h = iss_secret[0];
  for (unsigned i = 0; i < 4; ++i) {
    mix(&h, net_get32(pcb->local_addr.bytes + 4 * i) ^ iss_secret[i]);
    mix(&h, net_get32(pcb->remote_addr.bytes + 4 * i));
  }
  mix(&h, ((uint32_t)pcb->local_port << 16 | pcb->remote_port) ^ iss_secret[3]);
  return h + (uint32_t)(net_now() / (4 * NS_PER_US));
}

uint16_t tcp_local_mss(const struct tcp_pcb *pcb) {
  uint32_t mtu = ip6_path_mtu(&pcb->remote_addr);
  uint32_t mss = mtu > IP6_HEADER_BYTES + TCP_HEADER ? mtu - IP6_HEADER_BYTES - TCP_HEADER : 0;
  if (pcb->user_mss && pcb->user_mss < mss)
    mss = pcb->user_mss;
  if (mss < TCP_MIN_MSS)
    mss = TCP_MIN_MSS;
  return (uint16_t)min_u32(mss, 65535u);
}

uint8_t tcp_wscale_for(uint32_t rcvbuf) {
  uint8_t shift = 0;
  while (shift < TCP_MAX_WSCALE && (65535u << shift) < rcvbuf)
    ++shift;
  return shift;
}

void tcp_init_connection(struct tcp_pcb *pcb) {
  pcb->mss = tcp_local_mss(pcb);
  pcb->ssthresh = 0x7fffffffu;
  pcb->cwnd = pcb->mss;
  pcb->rto_us = TCP_RTO_INITIAL_US;
  pcb->srtt_us = pcb->rttvar_us = 0;
  pcb->backoff = 0;
  pcb->rcv_wscale = tcp_wscale_for(pcb->rcvbuf);
}

void tcp_established(struct tcp_pcb *pcb) {
  pcb->state = TCP_ESTABLISHED;
  pcb->flags |= TF_WAS_CONNECTED | TF_OPEN_COUNTED;
  ++net_if.counters->tcp_connections;
  ++net_if.counters->tcp_open;
  /* RFC 6928's initial window. */
  uint32_t mss = tcp_effective_mss(pcb);
  pcb->cwnd = min_u32(10 * mss, max_u32(2 * mss, 14600u));
  /* RFC 6582: recover starts at the ISS, so that a loss in the first
   * window is repaired by fast retransmit too (a duplicate ACK there
   * acknowledges the SYN, i.e. covers more than recover). */
  pcb->recover = pcb->iss;
  pcb->high_rxt = pcb->rxt_mark = pcb->lost_below = pcb->snd_una;
  tcp_keepalive_reset(pcb);
}

static void uncount_open(struct tcp_pcb *pcb) {
  if (pcb->flags & TF_OPEN_COUNTED) {
    pcb->flags &= ~TF_OPEN_COUNTED;
    --net_if.counters->tcp_open;
  }
}

/* Takes a listener's child off the listener's queues. */
static void leave_listener(struct tcp_pcb *child) {
  struct tcp_pcb *listener = child->parent;
  if (!listener)
    return;
  struct tcp_pcb **list[2] = {&listener->u.l.half_open, &listener->u.l.accept};
  struct tcp_pcb **tails[2] = {&listener->u.l.half_open_tail, &listener->u.l.accept_tail};
  uint16_t *counts[2] = {&listener->u.l.half_open_count, &listener->u.l.accept_count};
  for (int q = 0; q < 2; ++q) {
    struct tcp_pcb *previous = 0;
    for (struct tcp_pcb **link = list[q]; *link; previous = *link, link = &(*link)->queue_next)
      if (*link == child) {
        *link = child->queue_next;
        if (*tails[q] == child)
          *tails[q] = previous;
        --*counts[q];
        child->queue_next = 0;
        child->parent = 0;
        return;
      }
  }
}

bool tcp_child_ready(struct tcp_pcb *child) {
  struct tcp_pcb *listener = child->parent;
  if (listener->u.l.accept_count > listener->u.l.backlog)
    return false;
  leave_listener(child);
  child->parent = listener;
  if (listener->u.l.accept_tail)
    listener->u.l.accept_tail->queue_next = child;
  else
    listener->u.l.accept = child;
  listener->u.l.accept_tail = child;
  ++listener->u.l.accept_count;
  return true;
}

/* TIME-WAIT blocks kept at most: a fixed cap, and an eighth of the free
 * memory, so that a VM closing connections fast cannot fill its heap with
 * them. Past the limit a connection closes at once, as Linux does past
 * tcp_max_tw_buckets; TIME-WAIT only guards against old duplicates. */
static uint32_t time_wait_count;
static uint32_t time_wait_limit(void) {
  size_t by_memory = net_memory_free() / (8 * sizeof(struct tcp_pcb));
  return by_memory < TCP_MAX_TIME_WAIT ? (uint32_t)by_memory : TCP_MAX_TIME_WAIT;
}

uint32_t tcp_time_wait_count(void) {
  return time_wait_count;
}

void tcp_set_closed(struct tcp_pcb *pcb, int error) {
  if (error)
    pcb->error = (uint8_t)error;
  uncount_open(pcb);
  if (pcb->state == TCP_TIME_WAIT)
    --time_wait_count;
  hash_remove(pcb);
  if (pcb->owner == TCP_OWNER_LISTENER) {
    leave_listener(pcb);
    pcb->owner = TCP_OWNER_NONE;
  }
  if (pcb->state != TCP_LISTEN) {
    /* A reset drops what was received (as Linux), unless the application
     * holds a view into it. */
    if (!(pcb->flags & TF_SEND_VIEW))
      tcp_queue_free(&pcb->u.c.send);
    pcb->snd_queued = 0;
    ooo_free(pcb);
    if (error && !(pcb->flags & TF_RECV_VIEW)) {
      tcp_queue_free(&pcb->u.c.receive);
      pcb->rcv_queued = 0;
    }
  }
  pcb->state = TCP_CLOSED;
  pcb->flags |= TF_DONE;
  pcb->flags &= ~(TF_ACK_NOW | TF_ACK_DELAYED | TF_PERSIST | TF_RTT_TIMING);
  pcb->rtx_deadline = pcb->delack_deadline = pcb->idle_deadline = pcb->probe_deadline = 0;
  if (pcb->owner != TCP_OWNER_SOCKET)
    bury(pcb);
}

void tcp_abort(struct tcp_pcb *pcb, int error) {
  if (pcb->state >= TCP_SYN_RECEIVED && pcb->state != TCP_TIME_WAIT)
    tcp_send_reset(&pcb->local_addr, pcb->local_port, &pcb->remote_addr, pcb->remote_port,
                   pcb->snd_nxt, pcb->rcv_nxt, true);
  tcp_set_closed(pcb, error);
}

void tcp_enter_time_wait(struct tcp_pcb *pcb) {
  uncount_open(pcb);
  if (time_wait_count >= time_wait_limit()) {
    if (pcb->flags & TF_ACK_NOW)
      tcp_send_ack(pcb); /* the peer's FIN still gets its ACK */
    tcp_set_closed(pcb, 0);
    return;
  }
  ++time_wait_count;
  pcb->state = TCP_TIME_WAIT;
  tcp_queue_free(&pcb->u.c.send);
  pcb->snd_queued = 0;
  ooo_free(pcb);
  if (pcb->owner != TCP_OWNER_SOCKET) {
    tcp_queue_free(&pcb->u.c.receive);
    pcb->rcv_queued = 0;
  }
  pcb->flags &= ~(TF_PERSIST | TF_RTT_TIMING | TF_ACK_DELAYED);
  pcb->rtx_deadline = pcb->delack_deadline = pcb->probe_deadline = 0;
  tcp_set_idle(pcb, net_now() + TCP_TIME_WAIT_NS);
}

void tcp_forget_all(void) {
  while (tcp_all) {
    struct tcp_pcb *pcb = tcp_all;
    pcb->owner = TCP_OWNER_NONE;
    pcb->parent = 0;
    uncount_open(pcb);
    pcb->flags &= ~(TF_SEND_VIEW | TF_RECV_VIEW);
    pcb->state = TCP_CLOSED; /* so that bury frees the queues */
    bury(pcb);
  }
  tcp_reap();
  for (unsigned i = 0; i < TCP_HASH_BUCKETS; ++i)
    hash_table[i] = 0;
  listeners = 0;
  time_wait_count = 0;
  tcp_earliest_deadline = INT64_MAX;
  iss_secret_ready = false;
  next_port = 0;
}

/* ---- The API ------------------------------------------------------------------ */

struct tcp_pcb *tcp_new(void) {
  return tcp_alloc();
}

static bool addresses_overlap(const struct net_addr *a, const struct net_addr *b) {
  return net_addr_is_any(a) || net_addr_is_any(b) || net_addr_equal(a, b);
}

/* Whether `pcb` may hold (addr, port) beside the blocks already there:
 * SO_REUSEPORT on both shares it; SO_REUSEADDR shares it with anything
 * but a listener (a TIME-WAIT leftover whatever its options). */
static bool port_conflict(const struct tcp_pcb *pcb, const struct net_addr *addr, uint16_t port) {
  for (const struct tcp_pcb *other = tcp_all; other; other = other->all_next) {
    if (other == pcb || other->local_port != port || !addresses_overlap(&other->local_addr, addr))
      continue;
    if (pcb->flags & other->flags & TF_REUSEPORT)
      continue;
    if ((pcb->flags & TF_REUSEADDR) && other->state != TCP_LISTEN &&
        ((other->flags & TF_REUSEADDR) || other->state == TCP_TIME_WAIT))
      continue;
    return true;
  }
  return false;
}

static uint16_t pick_port(const struct tcp_pcb *pcb, const struct net_addr *addr) {
  uint32_t range = TCP_EPHEMERAL_LAST - TCP_EPHEMERAL_FIRST + 1;
  if (!next_port)
    next_port = tcp_new_iss(pcb) % range + 1;
  for (uint32_t tries = 0; tries < range; ++tries) {
    uint16_t port = (uint16_t)(TCP_EPHEMERAL_FIRST + next_port++ % range);
    if (!port_conflict(pcb, addr, port))
      return port;
  }
  return 0;
}

int tcp_bind(struct tcp_pcb *pcb, const struct net_addr *addr, uint16_t port) {
  if (pcb->local_port || pcb->state != TCP_CLOSED || (pcb->flags & TF_DONE))
    return -NET_EINVAL;
  if (!port) {
    port = pick_port(pcb, addr);
    if (!port)
      return -NET_EADDRINUSE;
  } else if (port_conflict(pcb, addr, port)) {
    return -NET_EADDRINUSE;
  }
  pcb->local_addr = *addr;
  pcb->local_port = port;
  return 0;
}

int tcp_listen(struct tcp_pcb *pcb, int backlog) {
  if (backlog < 0)
    backlog = 0;
  if (backlog > TCP_MAX_BACKLOG)
    backlog = TCP_MAX_BACKLOG;
  if (pcb->state == TCP_LISTEN) {
    pcb->u.l.backlog = (uint16_t)backlog;
    return 0;
  }
  if (pcb->state != TCP_CLOSED || (pcb->flags & TF_DONE))
    return -NET_EINVAL;
  if (!pcb->local_port) {
    struct net_addr any = {{0}};
    int status = tcp_bind(pcb, &any, 0);
    if (status)
      return status;
  }
  /* Binding checked against connections; listeners must not share a port
   * unless both said SO_REUSEPORT. */
  for (const struct tcp_pcb *other = listeners; other; other = other->hash_next)
    if (other->local_port == pcb->local_port &&
        addresses_overlap(&other->local_addr, &pcb->local_addr) &&
        !(pcb->flags & other->flags & TF_REUSEPORT))
      return -NET_EADDRINUSE;
  /* A closed block's queues are empty: the union becomes a listener's. */
  net_zero(&pcb->u, sizeof pcb->u);
  pcb->u.l.backlog = (uint16_t)backlog;
  pcb->state = TCP_LISTEN;
  pcb->hash_next = listeners;
  listeners = pcb;
  pcb->flags |= TF_LISTED;
  return 0;
}

struct tcp_pcb *tcp_accept(struct tcp_pcb *listener) {
  if (listener->state != TCP_LISTEN || !listener->u.l.accept)
    return 0;
  struct tcp_pcb *child = listener->u.l.accept;
  leave_listener(child);
  child->owner = TCP_OWNER_SOCKET;
  return child;
}

int tcp_connect(struct tcp_pcb *pcb, const struct net_addr *addr, uint16_t port) {
  switch (pcb->state) {
  case TCP_CLOSED:
    if (pcb->flags & TF_WAS_CONNECTED)
      return -NET_EISCONN;
    break;
  case TCP_SYN_SENT:
  case TCP_SYN_RECEIVED:
    return -NET_EALREADY;
  default:
    return -NET_EISCONN;
  }
  struct net_addr remote = *addr;
  if (net_addr_is_any(&remote))
    remote = net_loopback; /* as Linux: :: means this host */
  if (remote.bytes[0] == 0xff)
    return -NET_ENETUNREACH;
  if (!net_addr_is_loopback(&remote) && !net_if.up)
    return -NET_ENETUNREACH;
  if (net_addr_is_any(&pcb->local_addr))
    pcb->local_addr = *net_source_for(&remote);
  pcb->remote_addr = remote;
  pcb->remote_port = port;
  if (!pcb->local_port) {
    pcb->local_port = pick_port(pcb, &pcb->local_addr);
    if (!pcb->local_port)
      return -NET_EADDRNOTAVAIL;
  }
  struct tcp_pcb *existing = tcp_lookup(&pcb->local_addr, pcb->local_port, &remote, port);
  if (existing && existing->state != TCP_LISTEN)
    return -NET_EADDRNOTAVAIL;
  pcb->error = 0;
  pcb->flags &= ~TF_DONE;
  tcp_init_connection(pcb);
  pcb->iss = tcp_new_iss(pcb);
  pcb->snd_una = pcb->snd_nxt = pcb->snd_max = pcb->snd_small = pcb->iss;
  pcb->recover = pcb->iss;
  pcb->state = TCP_SYN_SENT;
  tcp_hash_insert(pcb);
  tcp_output(pcb);
  return -NET_EINPROGRESS;
}

int tcp_connect_result(struct tcp_pcb *pcb) {
  switch (pcb->state) {
  case TCP_SYN_SENT:
  case TCP_SYN_RECEIVED:
    return -NET_EALREADY;
  case TCP_CLOSED: {
    int error = tcp_take_error(pcb);
    return error ? -error : -NET_ECONNABORTED;
  }
  default:
    return 0;
  }
}

/* Room in the send buffer, or -errno when sending is not possible now. */
static long send_room(struct tcp_pcb *pcb) {
  if (pcb->error)
    return -(long)tcp_take_error(pcb);
  switch (pcb->state) {
  case TCP_CLOSED:
  case TCP_LISTEN:
    return -NET_EPIPE; /* as Linux, connected or not: nothing can be sent */
  case TCP_SYN_SENT:
  case TCP_SYN_RECEIVED:
    return -NET_EAGAIN; /* the handshake is still under way */
  case TCP_ESTABLISHED:
  case TCP_CLOSE_WAIT:
    if (pcb->flags & TF_FIN_QUEUED)
      return -NET_EPIPE;
    break;
  default:
    return -NET_EPIPE;
  }
  return pcb->sndbuf > pcb->snd_queued ? (long)(pcb->sndbuf - pcb->snd_queued) : 0;
}

/* A new tail chunk for the send queue: as big as the write wants (within
 * bounds), smaller when memory is tight. */
static struct tcp_chunk *send_chunk(struct tcp_pcb *pcb, uint32_t wanted) {
  uint32_t capacity = min_u32(max_u32(wanted, TCP_CHUNK_MIN), TCP_CHUNK_MAX);
  for (;;) {
    struct tcp_chunk *chunk = tcp_chunk_alloc(capacity);
    if (chunk) {
      queue_append(&pcb->u.c.send, chunk);
      return chunk;
    }
    if (capacity <= 256)
      return 0;
    capacity /= 2;
  }
}

long tcp_send(struct tcp_pcb *pcb, const struct lk_iovec *iov, int iov_count) {
  long room = send_room(pcb);
  if (room < 0)
    return room;
  size_t total = 0;
  for (int i = 0; i < iov_count; ++i)
    total += iov[i].length;
  if (!total)
    return 0;
  if (!room)
    return -NET_EAGAIN;
  uint32_t left = (uint32_t)(total < (size_t)room ? total : (size_t)room);
  uint32_t taken = 0;
  for (int i = 0; i < iov_count && taken < left; ++i) {
    const uint8_t *from = (const uint8_t *)iov[i].base;
    size_t piece = iov[i].length;
    while (piece && taken < left) {
      struct tcp_chunk *tail = pcb->u.c.send.tail;
      if (!tail || tail->end == tail->capacity) {
        tail = send_chunk(pcb, left - taken);
        if (!tail)
          goto out_of_memory;
      }
      uint32_t n = min_u32(tail->capacity - tail->end, left - taken);
      if (n > piece)
        n = (uint32_t)piece;
      net_copy(tail->data + tail->end, from, n);
      tail->end += n;
      from += n;
      piece -= n;
      taken += n;
    }
  }
out_of_memory:
  pcb->snd_queued += taken;
  if (!taken)
    return pcb->snd_queued ? -NET_EAGAIN : -NET_ENOMEM;
  tcp_output(pcb);
  return taken;
}

/* 0 at the end of the stream, or -errno, when nothing can be read. */
static long receive_empty(struct tcp_pcb *pcb) {
  if (pcb->error)
    return -(long)tcp_take_error(pcb);
  if (pcb->flags & (TF_FIN_RECEIVED | TF_RCV_SHUT))
    return 0;
  switch (pcb->state) {
  case TCP_CLOSED:
    return (pcb->flags & TF_DONE) ? 0 : -NET_ENOTCONN;
  case TCP_LISTEN:
    return -NET_ENOTCONN;
  default:
    return -NET_EAGAIN;
  }
}

long tcp_recv(struct tcp_pcb *pcb, const struct lk_iovec *iov, int iov_count, int flags) {
  if (pcb->state == TCP_LISTEN)
    return -NET_ENOTCONN;
  if (!pcb->rcv_queued)
    return receive_empty(pcb);
  uint32_t copied = 0;
  struct tcp_chunk *chunk = pcb->u.c.receive.head;
  uint32_t at = chunk ? chunk->start : 0;
  for (int i = 0; i < iov_count && chunk; ++i) {
    uint8_t *to = (uint8_t *)iov[i].base;
    size_t room = iov[i].length;
    while (room && chunk) {
      uint32_t n = chunk->end - at;
      if (n > room)
        n = (uint32_t)room;
      net_copy(to, chunk->data + at, n);
      to += n;
      room -= n;
      copied += n;
      at += n;
      if (at == chunk->end) {
        chunk = chunk->next;
        at = chunk ? chunk->start : 0;
      }
    }
  }
  if (!(flags & NET_MSG_PEEK)) {
    receive_consume(pcb, copied);
    tcp_window_update(pcb);
  }
  return copied;
}

static void queue_fin(struct tcp_pcb *pcb) {
  switch (pcb->state) {
  case TCP_SYN_RECEIVED: /* the FIN follows once the handshake completes */
    pcb->flags |= TF_FIN_QUEUED;
    return;
  case TCP_ESTABLISHED:
    pcb->flags |= TF_FIN_QUEUED;
    pcb->state = TCP_FIN_WAIT_1;
    break;
  case TCP_CLOSE_WAIT:
    pcb->flags |= TF_FIN_QUEUED;
    pcb->state = TCP_LAST_ACK;
    break;
  default:
    return;
  }
  /* The FIN goes out with the last data, Nagle or not. */
  uint32_t saved = pcb->flags;
  pcb->flags |= TF_NODELAY;
  tcp_output(pcb);
  pcb->flags = (pcb->flags & ~TF_NODELAY) | (saved & TF_NODELAY);
}

int tcp_shutdown(struct tcp_pcb *pcb, int how) {
  if (pcb->state == TCP_LISTEN || pcb->state == TCP_CLOSED || pcb->state == TCP_SYN_SENT) {
    if (pcb->state == TCP_SYN_SENT) {
      tcp_set_closed(pcb, 0);
      return 0;
    }
    if (pcb->state == TCP_CLOSED && (pcb->flags & TF_DONE))
      return 0;
    return -NET_ENOTCONN;
  }
  if (how == 0 || how == 2)
    pcb->flags |= TF_RCV_SHUT;
  if (how == 1 || how == 2)
    queue_fin(pcb);
  return 0;
}

static void close_listener(struct tcp_pcb *listener) {
  hash_remove(listener);
  struct tcp_pcb *children[2] = {listener->u.l.half_open, listener->u.l.accept};
  listener->state = TCP_CLOSED;
  net_zero(&listener->u, sizeof listener->u);
  for (int q = 0; q < 2; ++q) {
    struct tcp_pcb *child = children[q];
    while (child) {
      struct tcp_pcb *next = child->queue_next;
      child->parent = 0;
      child->queue_next = 0;
      child->owner = TCP_OWNER_NONE;
      tcp_abort(child, 0);
      child = next;
    }
  }
}

void tcp_close(struct tcp_pcb *pcb) {
  pcb->owner = TCP_OWNER_NONE;
  pcb->flags &= ~(TF_SEND_VIEW | TF_RECV_VIEW);
  switch (pcb->state) {
  case TCP_LISTEN:
    close_listener(pcb);
    bury(pcb);
    break;
  case TCP_CLOSED:
    hash_remove(pcb);
    bury(pcb);
    break;
  case TCP_SYN_SENT:
    tcp_set_closed(pcb, 0);
    break;
  case TCP_TIME_WAIT:
    tcp_queue_free(&pcb->u.c.receive);
    pcb->rcv_queued = 0;
    break;
  default:
    /* Unread data, or SO_LINGER {1, 0}: abort (RFC 2525 2.17, as Linux). */
    if (pcb->rcv_queued || (pcb->flags & TF_LINGER_ZERO)) {
      tcp_abort(pcb, 0);
      break;
    }
    pcb->flags |= TF_RCV_SHUT;
    queue_fin(pcb);
    if (pcb->state == TCP_FIN_WAIT_2)
      tcp_set_idle(pcb, net_now() + TCP_FIN_WAIT_2_NS);
    break;
  }
  tcp_reap();
}

unsigned tcp_poll_events(struct tcp_pcb *pcb) {
  if (pcb->state == TCP_LISTEN)
    return pcb->u.l.accept ? NET_POLLIN : 0;
  unsigned events = 0;
  if (pcb->error)
    events |= NET_POLLERR;
  if (pcb->rcv_queued)
    events |= NET_POLLIN;
  if (pcb->state == TCP_CLOSED) {
    events |= NET_POLLHUP | NET_POLLOUT;
    if (pcb->flags & TF_DONE)
      events |= NET_POLLIN | NET_POLLRDHUP;
    return events;
  }
  if (pcb->flags & TF_FIN_RECEIVED)
    events |= NET_POLLIN | NET_POLLRDHUP;
  if ((pcb->flags & TF_FIN_RECEIVED) && (pcb->flags & TF_FIN_QUEUED))
    events |= NET_POLLHUP;
  if (pcb->state == TCP_SYN_SENT || pcb->state == TCP_SYN_RECEIVED)
    return events;
  if (pcb->flags & TF_FIN_QUEUED) {
    events |= NET_POLLOUT; /* a write fails at once (EPIPE) */
  } else {
    /* Writable while the free room is at least half of what is queued. */
    uint32_t room = pcb->sndbuf > pcb->snd_queued ? pcb->sndbuf - pcb->snd_queued : 0;
    if (room && room >= pcb->snd_queued / 2)
      events |= NET_POLLOUT;
  }
  return events;
}

uint32_t tcp_readable(struct tcp_pcb *pcb) {
  return pcb->state == TCP_LISTEN ? 0 : pcb->rcv_queued;
}

int tcp_take_error(struct tcp_pcb *pcb) {
  int error = pcb->error;
  pcb->error = 0;
  return error;
}

void tcp_local(struct tcp_pcb *pcb, struct net_addr *addr, uint16_t *port) {
  *addr = pcb->local_addr;
  *port = pcb->local_port;
}

int tcp_peer(struct tcp_pcb *pcb, struct net_addr *addr, uint16_t *port) {
  if (pcb->state == TCP_CLOSED || pcb->state == TCP_LISTEN || pcb->state == TCP_SYN_SENT ||
      !pcb->remote_port)
    return -NET_ENOTCONN;
  *addr = pcb->remote_addr;
  *port = pcb->remote_port;
  return 0;
}

/* ---- Options -------------------------------------------------------------------- */

#define SOL_SOCKET 1
#define SO_REUSEADDR 2
#define SO_SNDBUF 7
#define SO_RCVBUF 8
#define SO_KEEPALIVE 9
#define SO_LINGER 13
#define SO_REUSEPORT 15
#define TCP_NODELAY 1
#define TCP_MAXSEG 2
#define TCP_KEEPIDLE 4
#define TCP_KEEPINTVL 5
#define TCP_KEEPCNT 6

struct tcp_linger {
  int on, seconds;
};

static void set_flag(struct tcp_pcb *pcb, uint32_t flag, int on) {
  if (on)
    pcb->flags |= flag;
  else
    pcb->flags &= ~flag;
}

static uint32_t clamp_buffer(int value) {
  if (value < (int)TCP_MIN_BUFFER)
    return TCP_MIN_BUFFER;
  if ((uint32_t)value > TCP_MAX_BUFFER)
    return TCP_MAX_BUFFER;
  return (uint32_t)value;
}

int tcp_setsockopt(struct tcp_pcb *pcb, int level, int name, const void *value, uint32_t length) {
  if (level == SOL_SOCKET && name == SO_LINGER) {
    if (length < sizeof(struct tcp_linger))
      return -NET_EINVAL;
    struct tcp_linger linger;
    net_copy(&linger, value, sizeof linger);
    set_flag(pcb, TF_LINGER_ZERO, linger.on && linger.seconds == 0);
    return 0;
  }
  if ((level != SOL_SOCKET && level != NET_IPPROTO_TCP))
    return -NET_ENOPROTOOPT;
  if (length < sizeof(int))
    return -NET_EINVAL;
  int v;
  net_copy(&v, value, sizeof v);
  if (level == SOL_SOCKET) {
    switch (name) {
    case SO_REUSEADDR:
      set_flag(pcb, TF_REUSEADDR, v);
      return 0;
    case SO_REUSEPORT:
      set_flag(pcb, TF_REUSEPORT, v);
      return 0;
    case SO_SNDBUF:
      pcb->sndbuf = clamp_buffer(v);
      return 0;
    case SO_RCVBUF:
      pcb->rcvbuf = clamp_buffer(v);
      return 0;
    case SO_KEEPALIVE:
      set_flag(pcb, TF_KEEPALIVE, v);
      if (v && (pcb->state == TCP_ESTABLISHED || pcb->state == TCP_CLOSE_WAIT))
        tcp_keepalive_reset(pcb);
      return 0;
    }
    return -NET_ENOPROTOOPT;
  }
  switch (name) {
  case TCP_NODELAY:
    set_flag(pcb, TF_NODELAY, v);
    if (v && pcb->state >= TCP_ESTABLISHED)
      tcp_output(pcb);
    return 0;
  case TCP_MAXSEG:
    if (v < 0 || (v && (v < (int)TCP_MIN_MSS || v > 65535)))
      return -NET_EINVAL;
    pcb->user_mss = (uint16_t)v;
    return 0;
  case TCP_KEEPIDLE:
  case TCP_KEEPINTVL:
    if (v < 1 || v > 32767)
      return -NET_EINVAL;
    if (name == TCP_KEEPIDLE) {
      pcb->keep_idle_s = (uint16_t)v;
      if ((pcb->flags & TF_KEEPALIVE) &&
          (pcb->state == TCP_ESTABLISHED || pcb->state == TCP_CLOSE_WAIT))
        tcp_keepalive_reset(pcb);
    } else {
      pcb->keep_intvl_s = (uint16_t)v;
    }
    return 0;
  case TCP_KEEPCNT:
    if (v < 1 || v > 127)
      return -NET_EINVAL;
    pcb->keep_count = (uint8_t)v;
    return 0;
  }
  return -NET_ENOPROTOOPT;
}

int tcp_getsockopt(struct tcp_pcb *pcb, int level, int name, void *value, uint32_t *length) {
  if (level == SOL_SOCKET && name == SO_LINGER) {
    if (*length < sizeof(struct tcp_linger))
      return -NET_EINVAL;
    struct tcp_linger linger = {(pcb->flags & TF_LINGER_ZERO) != 0, 0};
    net_copy(value, &linger, sizeof linger);
    *length = sizeof linger;
    return 0;
  }
  int v;
  if (level == SOL_SOCKET) {
    switch (name) {
    case SO_REUSEADDR:
      v = (pcb->flags & TF_REUSEADDR) != 0;
      break;
    case SO_REUSEPORT:
      v = (pcb->flags & TF_REUSEPORT) != 0;
      break;
    case SO_KEEPALIVE:
      v = (pcb->flags & TF_KEEPALIVE) != 0;
      break;
    case SO_SNDBUF: /* Linux reports twice what was set (its bookkeeping) */
      v = (int)pcb->sndbuf * 2;
      break;
    case SO_RCVBUF:
      v = (int)pcb->rcvbuf * 2;
      break;
    default:
      return -NET_ENOPROTOOPT;
    }
  } else if (level == NET_IPPROTO_TCP) {
    switch (name) {
    case TCP_NODELAY:
      v = (pcb->flags & TF_NODELAY) != 0;
      break;
    case TCP_MAXSEG:
      v = pcb->state >= TCP_ESTABLISHED ? (int)tcp_effective_mss(pcb)
                                        : (pcb->user_mss ? pcb->user_mss : (int)TCP_DEFAULT_MSS);
      break;
    case TCP_KEEPIDLE:
      v = pcb->keep_idle_s;
      break;
    case TCP_KEEPINTVL:
      v = pcb->keep_intvl_s;
      break;
    case TCP_KEEPCNT:
      v = pcb->keep_count;
      break;
    default:
      return -NET_ENOPROTOOPT;
    }
  } else {
    return -NET_ENOPROTOOPT;
  }
  if (*length < sizeof v)
    return -NET_EINVAL;
  net_copy(value, &v, sizeof v);
  *length = sizeof v;
  return 0;
}

/* ---- Zero copy ------------------------------------------------------------------ */

long tcp_recv_view(struct tcp_pcb *pcb, const void **data) {
  if (pcb->state == TCP_LISTEN)
    return -NET_ENOTCONN;
  if (!pcb->rcv_queued)
    return receive_empty(pcb);
  struct tcp_chunk *chunk = pcb->u.c.receive.head;
  *data = chunk->data + chunk->start;
  pcb->flags |= TF_RECV_VIEW;
  return chunk->end - chunk->start;
}

int tcp_recv_done(struct tcp_pcb *pcb, uint32_t consumed) {
  if (pcb->state == TCP_LISTEN || consumed > pcb->rcv_queued)
    return -NET_EINVAL;
  pcb->flags &= ~TF_RECV_VIEW;
  receive_consume(pcb, consumed);
  if (pcb->state == TCP_CLOSED && pcb->error == 0 && !(pcb->flags & TF_FIN_RECEIVED) &&
      pcb->rcv_queued == 0)
    tcp_queue_free(&pcb->u.c.receive);
  tcp_window_update(pcb);
  return 0;
}

long tcp_send_view(struct tcp_pcb *pcb, void **data, uint32_t wanted) {
  long room = send_room(pcb);
  if (room < 0)
    return room;
  if (!room)
    return -NET_EAGAIN;
  if (!wanted || wanted > (uint32_t)room)
    wanted = (uint32_t)room;
  struct tcp_chunk *tail = pcb->u.c.send.tail;
  uint32_t spare = tail ? tail->capacity - tail->end : 0;
  if (spare < min_u32(wanted, TCP_RECV_CHUNK_MIN)) {
    tail = send_chunk(pcb, wanted);
    if (!tail)
      return pcb->snd_queued ? -NET_EAGAIN : -NET_ENOMEM;
    spare = tail->capacity;
  }
  *data = tail->data + tail->end;
  pcb->flags |= TF_SEND_VIEW;
  return min_u32(spare, wanted);
}

int tcp_send_commit(struct tcp_pcb *pcb, uint32_t length) {
  struct tcp_chunk *tail = pcb->u.c.send.tail;
  bool had_view = (pcb->flags & TF_SEND_VIEW) != 0;
  pcb->flags &= ~TF_SEND_VIEW;
  if (!had_view)
    return -NET_EINVAL;
  long room = send_room(pcb);
  if (room < 0) {
    if (pcb->state == TCP_CLOSED)
      tcp_queue_free(&pcb->u.c.send);
    return (int)room;
  }
  if (!tail || length > tail->capacity - tail->end || length > (uint32_t)room)
    return -NET_EINVAL;
  tail->end += length;
  pcb->snd_queued += length;
  tcp_output(pcb);
  return 0;
}

int tcp_unsent(void) {
  for (struct tcp_pcb *pcb = tcp_all; pcb; pcb = pcb->all_next)
    switch (pcb->state) {
    case TCP_ESTABLISHED:
    case TCP_CLOSE_WAIT:
      if (pcb->snd_una != pcb->snd_max || pcb->snd_queued)
        return 1;
      break;
    case TCP_FIN_WAIT_1:
    case TCP_CLOSING:
    case TCP_LAST_ACK:
      return 1;
    default:
      break;
    }
  return 0;
}
