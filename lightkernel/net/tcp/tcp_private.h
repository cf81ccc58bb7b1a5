/* TCP's insides, shared by tcp.c (connection blocks, the API), input.c (a
 * segment arrives), output.c (a segment leaves) and timers.c.
 *
 * A connection block (struct tcp_pcb) holds the RFC 9293 variables and three
 * queues of byte chunks taken from the VM's heap as data comes and given
 * back as it goes: nothing is reserved per connection, so an idle connection
 * costs sizeof(struct tcp_pcb) and nothing else. */
#ifndef LIGHTKERNEL_NET_TCP_TCP_PRIVATE_H
#define LIGHTKERNEL_NET_TCP_TCP_PRIVATE_H

#include "tcp.h"

#include <stdbool.h>

/* ---- Constants ---------------------------------------------------------- */

#define TCP_HEADER 20u
#define TCP_MAX_HEADER 60u
#define IP6_HEADER_BYTES 40u

#define NS_PER_US 1000ll
#define NS_PER_MS 1000000ll
#define NS_PER_S 1000000000ll

/* Maximum segment lifetime. TIME-WAIT lasts 2 MSL; RFC 9293 suggests 2
 * minutes for MSL, Linux waits 60 s in all, and inside one device a segment
 * never lives that long: 30 s. */
#define TCP_MSL_NS (30 * NS_PER_S)
#define TCP_TIME_WAIT_NS (2 * TCP_MSL_NS)
/* TIME-WAIT blocks per VM at most (fewer when memory is short: tcp.c). */
#define TCP_MAX_TIME_WAIT 4096u
/* An orphaned connection (its socket closed) waits this long in FIN-WAIT-2
 * for the peer's FIN (Linux's tcp_fin_timeout). */
#define TCP_FIN_WAIT_2_NS (60 * NS_PER_S)

/* RFC 6298: the RTO starts at 1 s; Linux's 200 ms floor; 120 s ceiling. */
#define TCP_RTO_INITIAL_US 1000000u
#define TCP_RTO_MIN_US 200000u
#define TCP_RTO_MAX_US 120000000u
/* Clock granularity G in RFC 6298's formula. */
#define TCP_CLOCK_GRANULARITY_US 1000u
/* Retransmissions before a connection gives up (Linux's tcp_retries2,
 * tcp_syn_retries and tcp_synack_retries). */
#define TCP_MAX_RETRIES 15
#define TCP_SYN_RETRIES 6
#define TCP_SYNACK_RETRIES 5
/* Persist (zero-window probe) interval bounds. */
#define TCP_PERSIST_MIN_US 200000u
#define TCP_PERSIST_MAX_US 60000000u

/* Delayed ACK (RFC 9293 3.8.6.3, RFC 5681 4.2): at most 40 ms, and every
 * second full-sized segment is acknowledged at once. */
#define TCP_DELACK_NS (40 * NS_PER_MS)

/* Keepalive defaults (Linux's): 2 h idle, then 9 probes 75 s apart. */
#define TCP_DEFAULT_KEEPIDLE_S 7200u
#define TCP_DEFAULT_KEEPINTVL_S 75u
#define TCP_DEFAULT_KEEPCNT 9u

/* Buffers: limits on queued bytes, not reservations. */
#define TCP_DEFAULT_RCVBUF (128u * 1024u)
#define TCP_DEFAULT_SNDBUF (64u * 1024u)
#define TCP_MIN_BUFFER 2048u
#define TCP_MAX_BUFFER (8u * 1024u * 1024u)
/* A connection's window offers at most this fraction of the VM's free
 * memory: the rest is the program's and the other connections'. */
#define TCP_WINDOW_MEMORY_SHARE 4u
/* Chunks of the send queue: small writes share one, big writes get big
 * ones (fewer pieces per segment). */
#define TCP_CHUNK_MIN 2048u
#define TCP_CHUNK_MAX 65536u
/* Receive chunks smaller than this take room for the next small segments. */
#define TCP_RECV_CHUNK_MIN 512u
/* Out-of-order segments kept at most (their bytes also count against the
 * receive buffer): tiny reordered segments cannot pin much memory. */
#define TCP_OOO_MAX_SEGMENTS 64u

/* MSS when the peer sends none: IPv6's minimum MTU less 60 (RFC 9293 3.7.1). */
#define TCP_DEFAULT_MSS 1220u
#define TCP_MIN_MSS 88u

/* Listen queues: the accept queue holds backlog + 1 connections (as Linux);
 * half-open connections (SYN-RECEIVED) per listener are capped, and when
 * full the oldest is dropped, so a SYN flood churns a bounded set. */
#define TCP_MAX_BACKLOG 4096
#define TCP_HALF_OPEN_MIN 64u
#define TCP_HALF_OPEN_MAX 1024u

/* Challenge ACKs (RFC 5961 7) sent per second at most, per VM. */
#define TCP_CHALLENGE_ACK_LIMIT 1000u

/* Ephemeral ports (Linux's range). */
#define TCP_EPHEMERAL_FIRST 32768u
#define TCP_EPHEMERAL_LAST 60999u

#define TCP_HASH_BUCKETS 128u

/* Header flags. */
#define TCP_FIN 0x01u
#define TCP_SYN 0x02u
#define TCP_RST 0x04u
#define TCP_PSH 0x08u
#define TCP_ACK 0x10u
#define TCP_URG 0x20u

/* Options. */
#define TCP_OPT_EOL 0
#define TCP_OPT_NOP 1
#define TCP_OPT_MSS 2
#define TCP_OPT_WSCALE 3
#define TCP_OPT_SACK_PERMITTED 4
#define TCP_OPT_SACK 5
#define TCP_OPT_TIMESTAMP 8
#define TCP_MAX_WSCALE 14

/* ---- Sequence arithmetic (modulo 2^32) ---------------------------------- */

static inline bool seq_lt(uint32_t a, uint32_t b) {
  return (int32_t)(a - b) < 0;
}
static inline bool seq_leq(uint32_t a, uint32_t b) {
  return (int32_t)(a - b) <= 0;
}
static inline bool seq_gt(uint32_t a, uint32_t b) {
  return (int32_t)(a - b) > 0;
}
static inline bool seq_geq(uint32_t a, uint32_t b) {
  return (int32_t)(a - b) >= 0;
}
static inline uint32_t seq_max(uint32_t a, uint32_t b) {
  return seq_gt(a, b) ? a : b;
}
static inline uint32_t min_u32(uint32_t a, uint32_t b) {
  return a < b ? a : b;
}
static inline uint32_t max_u32(uint32_t a, uint32_t b) {
  return a > b ? a : b;
}

/* ---- Byte chunks -------------------------------------------------------- */

/* A piece of a byte stream: bytes data[start, end) are valid. In the
 * out-of-order queue, `seq` is the sequence number of data[start]. */
struct tcp_chunk {
  struct tcp_chunk *next;
  uint32_t seq;
  uint32_t start, end, capacity;
  uint8_t data[];
};

/* A FIFO of chunks. */
struct tcp_queue {
  struct tcp_chunk *head, *tail;
};

/* ---- The connection block ----------------------------------------------- */

/* A range of sequence space [start, end) one end holds (RFC 2018). */
struct tcp_sack_block {
  uint32_t start, end;
};
/* Blocks the sender remembers; a SACK option carries at most 4. */
#define TCP_SACK_SCOREBOARD 6u
/* Blocks a SACK option carries at most (40 option bytes). */
#define TCP_SACK_MAX_REPORT 4u

enum tcp_state {
  TCP_CLOSED,
  TCP_LISTEN,
  TCP_SYN_SENT,
  TCP_SYN_RECEIVED,
  TCP_ESTABLISHED,
  TCP_FIN_WAIT_1,
  TCP_FIN_WAIT_2,
  TCP_CLOSE_WAIT,
  TCP_CLOSING,
  TCP_LAST_ACK,
  TCP_TIME_WAIT,
};

/* Who frees the block once it is CLOSED. */
enum tcp_owner {
  TCP_OWNER_SOCKET,   /* the socket layer holds it (until tcp_close) */
  TCP_OWNER_LISTENER, /* not accepted yet: its listener holds it */
  TCP_OWNER_NONE,     /* orphaned: TCP frees it when it closes */
};

/* pcb->flags */
#define TF_ACK_NOW 0x0001u        /* send an ACK at the next output */
#define TF_ACK_DELAYED 0x0002u    /* an ACK is owed; the delayed-ACK timer runs */
#define TF_NODELAY 0x0004u        /* TCP_NODELAY: Nagle off */
#define TF_FIN_QUEUED 0x0008u     /* the application is done sending */
#define TF_RCV_SHUT 0x0010u       /* shutdown(SHUT_RD) */
#define TF_TIMESTAMPS 0x0020u     /* RFC 7323 timestamps agreed */
#define TF_WSCALE 0x0040u         /* RFC 7323 window scaling agreed */
#define TF_SACK_PERMITTED 0x0080u /* both ends agreed on SACK (RFC 2018) */
#define TF_RECOVERY 0x0100u       /* NewReno fast recovery (RFC 6582) */
#define TF_PERSIST 0x0200u        /* the retransmit timer probes a zero window */
#define TF_RTT_TIMING 0x0400u     /* one segment is being timed (no timestamps) */
#define TF_KEEPALIVE 0x0800u      /* SO_KEEPALIVE */
#define TF_REUSEADDR 0x1000u
#define TF_REUSEPORT 0x2000u
#define TF_LINGER_ZERO 0x4000u    /* SO_LINGER {1, 0}: close aborts */
#define TF_OPEN_COUNTED 0x8000u   /* counted in tcp_open */
#define TF_HASHED 0x10000u        /* in the demultiplexing hash */
#define TF_LISTED 0x20000u        /* in the listener list */
#define TF_WAS_CONNECTED 0x40000u /* reached ESTABLISHED once */
#define TF_FIN_RECEIVED 0x80000u  /* the peer is done sending */
#define TF_DONE 0x100000u         /* closed after a connection attempt */
#define TF_SEND_VIEW 0x200000u    /* tcp_send_view handed out the tail chunk */
#define TF_RECV_VIEW 0x400000u    /* tcp_recv_view handed out the head chunk */
#define TF_RTO_SSTHRESH 0x800000u /* ssthresh already cut for this timeout run */

/* tcp_send_segment: a probe (zero window, keepalive), not a retransmission. */
#define TCP_SEND_PROBE 0x100u

struct tcp_pcb {
  /* Every block not yet freed (timers, bind conflicts). */
  struct tcp_pcb *all_prev, *all_next;
  /* The demultiplexing hash chain (connections), or the listener list. */
  struct tcp_pcb *hash_next;
  /* A listener's half-open or accept queue. */
  struct tcp_pcb *queue_next;
  struct tcp_pcb *parent; /* the listener, while owner == LISTENER */

  struct net_addr local_addr, remote_addr;
  uint16_t local_port, remote_port;
  uint8_t state, owner;
  uint8_t error;      /* pending SO_ERROR (errno), 0: none */
  uint8_t soft_error; /* an ICMPv6 error to report if the connection times out */
  uint32_t flags;
  uint8_t snd_wscale, rcv_wscale; /* shifts (RFC 7323 2.2) */

  /* Send sequence space (RFC 9293 3.3.1). snd_nxt falls back to snd_una on
   * a timeout; snd_max is the highest ever sent. */
  uint32_t iss, snd_una, snd_nxt, snd_max;
  uint32_t snd_wnd, snd_wl1, snd_wl2, max_snd_wnd;
  uint32_t snd_queued; /* bytes in the send queue, from snd_una (after the SYN) */
  uint32_t snd_small;  /* the end of the last segment shorter than the MSS */
  uint32_t sndbuf;
  /* Congestion control (RFC 5681, RFC 6582). */
  uint32_t cwnd, ssthresh, recover;
  uint32_t rto_ts; /* our timestamp clock when the last timeout resent */
  /* SACK recovery (RFC 6675): what the peer holds beyond snd_una, sorted
   * and disjoint; the end of the last hole resent (HighRxt); snd_max when it
   * was resent, so that data SACKed past it shows the resend was lost. */
  struct tcp_sack_block sacked[TCP_SACK_SCOREBOARD];
  uint32_t high_rxt, rxt_mark;
  uint32_t lost_below; /* holes below it are lost whatever SACKed them */
  uint8_t sacked_count;
  uint16_t mss;      /* the most data one segment carries (options not counted) */
  uint16_t user_mss; /* TCP_MAXSEG, 0: none */
  uint8_t dupacks, backoff, keep_probes, ooo_count;
  uint8_t loss_probes; /* loss probes sent since the peer last said something */

  /* Receive sequence space. rcv_adv is the right edge advertised. */
  uint32_t irs, rcv_nxt, rcv_adv, last_ack_sent;
  uint32_t rcv_queued; /* bytes readable in order */
  uint32_t ooo_bytes;  /* bytes held out of order */
  uint32_t rcvbuf;
  uint32_t ts_recent;   /* RFC 7323 TS.Recent */
  uint32_t sack_recent; /* where the latest out-of-order segment began */

  /* Round-trip time (RFC 6298), microseconds. */
  uint32_t srtt_us, rttvar_us, rto_us;
  uint32_t rtt_seq; /* the segment timed when TF_RTT_TIMING */
  uint32_t rtt_start_ms;

  uint16_t keep_idle_s, keep_intvl_s;
  uint8_t keep_count;

  /* Deadlines (ns of net_now; 0: not running). */
  int64_t rtx_deadline;    /* retransmission, or persist when TF_PERSIST */
  int64_t delack_deadline; /* delayed ACK */
  int64_t idle_deadline;   /* keepalive, FIN-WAIT-2 and TIME-WAIT */
  int64_t probe_deadline;  /* loss probe (sack.c), with SACK only */

  union {
    struct { /* a connection */
      struct tcp_queue send, receive;
      struct tcp_chunk *ooo; /* sorted by seq, not overlapping */
    } c;
    struct { /* a listener */
      struct tcp_pcb *half_open, *half_open_tail;
      struct tcp_pcb *accept, *accept_tail;
      uint16_t backlog, half_open_count, accept_count;
    } l;
  } u;
};

/* ---- tcp.c: blocks, demultiplexing, queues ------------------------------- */

extern struct tcp_pcb *tcp_all;
extern int64_t tcp_earliest_deadline;

/* Finds the connection for a 4-tuple, else a listener for the local end. */
struct tcp_pcb *tcp_lookup(const struct net_addr *local, uint16_t local_port,
                           const struct net_addr *remote, uint16_t remote_port);
struct tcp_pcb *tcp_lookup_listener(const struct net_addr *local, uint16_t local_port);
/* Frees every block and forgets all state (the scripted-packet harness,
 * between stacks). */
void tcp_forget_all(void);
struct tcp_pcb *tcp_alloc(void);
/* Gives the block its 4-tuple and puts it in the demultiplexing hash. */
void tcp_hash_insert(struct tcp_pcb *pcb);
/* A connection's initial sequence number (RFC 6528 style). */
uint32_t tcp_new_iss(const struct tcp_pcb *pcb);
/* Initial congestion and timing state once the 4-tuple is known. */
void tcp_init_connection(struct tcp_pcb *pcb);
/* The largest MSS we announce towards the peer (path MTU less 60). */
uint16_t tcp_local_mss(const struct tcp_pcb *pcb);
/* The smallest shift that lets our receive buffer be advertised. */
uint8_t tcp_wscale_for(uint32_t rcvbuf);

/* The connection reached ESTABLISHED (counters, keepalive). */
void tcp_established(struct tcp_pcb *pcb);
/* The connection is over: leaves the hash and its listener's queues, frees
 * its buffers, and is freed later if nobody holds it. `error` is kept for
 * SO_ERROR (0: none). */
void tcp_set_closed(struct tcp_pcb *pcb, int error);
/* Sends a RST for the connection and closes it. */
void tcp_abort(struct tcp_pcb *pcb, int error);
/* Enters TIME-WAIT (buffers freed, 2 MSL timer), or closes at once when
 * too many blocks wait there already. */
void tcp_enter_time_wait(struct tcp_pcb *pcb);
/* Blocks in TIME-WAIT now. */
uint32_t tcp_time_wait_count(void);
/* Frees the blocks closed during this call (see tcp_set_closed). */
void tcp_reap(void);
/* A listener's child completed its handshake: into the accept queue. */
bool tcp_child_ready(struct tcp_pcb *child);

/* Chunks. */
void tcp_queue_free(struct tcp_queue *queue);
void tcp_chunk_free(struct tcp_chunk *chunk);
struct tcp_chunk *tcp_chunk_alloc(uint32_t capacity);
/* Removes `count` bytes from the front of the send queue (acknowledged). */
void tcp_send_queue_drop(struct tcp_pcb *pcb, uint32_t count);
/* Appends bytes to the receive queue; false when memory ran out. */
bool tcp_receive_append(struct tcp_pcb *pcb, const uint8_t *data, uint32_t length);
/* Keeps an out-of-order segment; false if it had to be dropped. */
bool tcp_ooo_insert(struct tcp_pcb *pcb, uint32_t seq, const uint8_t *data, uint32_t length);
/* Moves out-of-order data that now follows rcv_nxt into the receive queue. */
void tcp_ooo_merge(struct tcp_pcb *pcb);

/* Lowers the global earliest deadline. */
static inline void tcp_note_deadline(int64_t deadline) {
  if (deadline && deadline < tcp_earliest_deadline)
    tcp_earliest_deadline = deadline;
}
static inline void tcp_set_rtx(struct tcp_pcb *pcb, int64_t deadline) {
  pcb->rtx_deadline = deadline;
  tcp_note_deadline(deadline);
}
static inline void tcp_set_idle(struct tcp_pcb *pcb, int64_t deadline) {
  pcb->idle_deadline = deadline;
  tcp_note_deadline(deadline);
}
static inline uint32_t tcp_now_ms(void) {
  return (uint32_t)(net_now() / NS_PER_MS);
}

/* ---- output.c ----------------------------------------------------------- */

/* Sends what the windows, Nagle and the state allow, and any ACK owed. */
void tcp_output(struct tcp_pcb *pcb);
/* Sends one segment now: `length` bytes of the send queue at `seq`, with
 * `flags`; SYN segments carry the options. */
int tcp_send_segment(struct tcp_pcb *pcb, uint32_t seq, uint32_t length, unsigned flags);
/* A bare ACK, now. */
void tcp_send_ack(struct tcp_pcb *pcb);
/* An ACK answering an unacceptable RST, SYN or ACK (RFC 5961), rate limited. */
void tcp_send_challenge_ack(struct tcp_pcb *pcb);
/* A RST not tied to a block (closed port, bad ACK in LISTEN or SYN-SENT). */
void tcp_send_reset(const struct net_addr *local, uint16_t local_port,
                    const struct net_addr *remote, uint16_t remote_port, uint32_t seq, uint32_t ack,
                    bool with_ack);
/* The window we advertise now, unscaled (never shrinking the right edge). */
uint32_t tcp_receive_window(struct tcp_pcb *pcb);
/* The reader made room: sends a window update if it grew enough. */
void tcp_window_update(struct tcp_pcb *pcb);
/* The most data per segment, timestamps taken off. */
uint32_t tcp_effective_mss(const struct tcp_pcb *pcb);
/* The retransmission timeout now, backoff included (ns). */
int64_t tcp_rto_ns(const struct tcp_pcb *pcb);

/* ---- sack.c ------------------------------------------------------------- */

/* Receiver: the blocks held out of order to report, at most `room`. */
uint32_t tcp_sack_report(const struct tcp_pcb *pcb, struct tcp_sack_block *out, uint32_t room);
/* Sender: takes the blocks of a SACK option into the scoreboard. */
void tcp_sack_update(struct tcp_pcb *pcb, const struct tcp_sack_block *blocks, uint32_t count);
/* Sender: snd_una moved; forgets what lies below it. */
void tcp_sack_forget_acked(struct tcp_pcb *pcb);
/* The scoreboard says the first unacknowledged segment is lost. */
bool tcp_sack_loss_detected(const struct tcp_pcb *pcb);
/* Bytes in the network by RFC 6675's count. */
uint32_t tcp_sack_pipe(const struct tcp_pcb *pcb);
/* In recovery: resends lost holes while the congestion window allows. */
void tcp_sack_resend(struct tcp_pcb *pcb);
/* Resends the first unacknowledged segment, up to the first SACKed byte. */
void tcp_sack_resend_first(struct tcp_pcb *pcb);
/* Fast retransmit into RFC 6675 recovery. */
void tcp_sack_enter_recovery(struct tcp_pcb *pcb);
/* Starts the loss probe timer if it is not running, or, with `restart`,
 * from now (new data left, or the peer answered). */
void tcp_loss_probe_arm(struct tcp_pcb *pcb, bool restart);
/* The peer said nothing for a probe timeout while data was in flight. */
void tcp_loss_probe_fire(struct tcp_pcb *pcb);

/* ---- timers.c ------------------------------------------------------------- */

/* A round-trip sample (RFC 6298 2.2, 2.3). */
void tcp_rtt_sample(struct tcp_pcb *pcb, uint32_t rtt_us);
/* Restarts the keepalive timer (data arrived). */
void tcp_keepalive_reset(struct tcp_pcb *pcb);
/* Starts the delayed-ACK timer. */
void tcp_delack_start(struct tcp_pcb *pcb);
/* Starts the persist timer, if not already running. */
void tcp_persist_start(struct tcp_pcb *pcb);

#endif
