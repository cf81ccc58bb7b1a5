/* TCP (RFC 9293) as the socket layer sees it: connections that never block.
 * The socket layer parks the VM and retries on -EAGAIN; everything here
 * returns at once. Segments arrive through tcp_input (net.h) and leave
 * through ip6_output; timers run from tcp_timers.
 *
 * Files: tcp.c (connections, the state machine's API), input.c (a segment
 * arrives), output.c (a segment leaves), timers.c (RTO, delayed ACK,
 * keepalive, persist, TIME-WAIT). */
#ifndef LIGHTKERNEL_NET_TCP_TCP_H
#define LIGHTKERNEL_NET_TCP_TCP_H

#include "../net.h"

struct tcp_pcb;

/* The reset that answers the TCP segment in PACKET (an IPv6 packet, its
 * whole TCP header in the first LENGTH bytes) for a host whose stack is gone
 * (a VM that exited), as a host answers a segment for a connection that no
 * longer exists: written into OUT, an IPv6 packet from that host; 0 when
 * none is due (not TCP, or itself a reset). */
#define TCP_GONE_RESET_BYTES 60u
uint32_t tcp_reset_for_gone_host(const uint8_t *packet, uint32_t length,
                                 uint8_t out[TCP_GONE_RESET_BYTES]);

/* A new, closed connection block; NULL when the VM's memory is full. */
struct tcp_pcb *tcp_new(void);
/* port 0 picks an ephemeral port. addr may be :: (any). -EADDRINUSE unless
 * reuse is set on both (SO_REUSEADDR/SO_REUSEPORT). */
int tcp_bind(struct tcp_pcb *pcb, const struct net_addr *addr, uint16_t port);
int tcp_listen(struct tcp_pcb *pcb, int backlog);
/* A connection that completed its handshake, or NULL (nothing yet). */
struct tcp_pcb *tcp_accept(struct tcp_pcb *listener);
/* Sends the SYN: returns -EINPROGRESS (the usual answer), or -errno. */
int tcp_connect(struct tcp_pcb *pcb, const struct net_addr *addr, uint16_t port);
/* How the handshake tcp_connect began ended: 0 connected, -EALREADY still
 * under way, or the error (taking it; -ECONNABORTED when none is left). */
int tcp_connect_result(struct tcp_pcb *pcb);
/* Copies what fits into the send buffer and sends what the windows allow.
 * Returns bytes taken (> 0), -EAGAIN when the buffer is full or the
 * handshake is under way, -EPIPE after shutdown or a reset and, as Linux,
 * on a socket never connected. */
long tcp_send(struct tcp_pcb *pcb, const struct lk_iovec *iov, int iov_count);
/* Copies received bytes out (NET_MSG_PEEK leaves them). Returns bytes, 0 at
 * the end of the stream, -EAGAIN when nothing is there yet, -ECONNRESET. */
long tcp_recv(struct tcp_pcb *pcb, const struct lk_iovec *iov, int iov_count, int flags);
/* how: 0 read, 1 write, 2 both (SHUT_*). */
int tcp_shutdown(struct tcp_pcb *pcb, int how);
/* The socket is gone: the connection closes gracefully (or aborts with RST
 * when unread data remains, or per SO_LINGER 0) and frees itself later. */
void tcp_close(struct tcp_pcb *pcb);

/* NET_POLL* bits that hold now. */
unsigned tcp_poll_events(struct tcp_pcb *pcb);
/* Bytes waiting to be read (FIONREAD). */
uint32_t tcp_readable(struct tcp_pcb *pcb);
/* The pending error (SO_ERROR), cleared by reading it. */
int tcp_take_error(struct tcp_pcb *pcb);
void tcp_local(struct tcp_pcb *pcb, struct net_addr *addr, uint16_t *port);
/* -ENOTCONN when there is no peer. */
int tcp_peer(struct tcp_pcb *pcb, struct net_addr *addr, uint16_t *port);

/* Options: level 6 (TCP_NODELAY 1, TCP_MAXSEG 2, TCP_KEEPIDLE 4,
 * TCP_KEEPINTVL 5, TCP_KEEPCNT 6) and SOL_SOCKET's (1) SO_REUSEADDR 2,
 * SO_KEEPALIVE 9, SO_SNDBUF 7, SO_RCVBUF 8, SO_LINGER 13, SO_REUSEPORT 15.
 * value/length as setsockopt/getsockopt; -ENOPROTOOPT for others. */
int tcp_setsockopt(struct tcp_pcb *pcb, int level, int name, const void *value, uint32_t length);
int tcp_getsockopt(struct tcp_pcb *pcb, int level, int name, void *value, uint32_t *length);

/* Zero copy: the longest contiguous run of received bytes (0 at the end of
 * the stream, -EAGAIN when none), released by tcp_recv_done; room in the
 * send buffer, of up to `wanted` bytes, committed by tcp_send_commit. */
long tcp_recv_view(struct tcp_pcb *pcb, const void **data);
int tcp_recv_done(struct tcp_pcb *pcb, uint32_t consumed);
long tcp_send_view(struct tcp_pcb *pcb, void **data, uint32_t wanted);
int tcp_send_commit(struct tcp_pcb *pcb, uint32_t length);

/* Whether any connection still has data or a FIN the peer has not
 * acknowledged (a VM that exits waits for this, as Linux's sockets outlive
 * their process). */
int tcp_unsent(void);

/* Runs every TCP timer that is due at `now`; the earliest next deadline. */
void tcp_timers(int64_t now);
int64_t tcp_next_deadline(void);

#endif
