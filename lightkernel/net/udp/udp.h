/* UDP (RFC 768, checksums mandatory over IPv6) as the socket layer sees it:
 * datagrams queued per socket as they arrive, within its receive buffer.
 * Nothing here blocks. */
#ifndef LIGHTKERNEL_NET_UDP_UDP_H
#define LIGHTKERNEL_NET_UDP_UDP_H

#include "../net.h"

struct udp_pcb;

struct udp_pcb *udp_new(void);
/* port 0 picks an ephemeral port; -EADDRINUSE unless both reuse. */
int udp_bind(struct udp_pcb *pcb, const struct net_addr *addr, uint16_t port);
/* Sets the default destination and filters what is received; a port of 0
 * with :: dissolves the association (AF_UNSPEC). */
int udp_connect(struct udp_pcb *pcb, const struct net_addr *addr, uint16_t port);
/* One datagram: to `dst`/`port`, or the connected peer when dst is NULL.
 * -EMSGSIZE when it does not fit one packet (no fragmentation). */
long udp_send(struct udp_pcb *pcb, const struct net_addr *dst, uint16_t port,
              const struct lk_iovec *iov, int iov_count);
/* The oldest datagram: copied out (truncated to iov, *truncated set), its
 * source in from/from_port. Returns its bytes, or -EAGAIN. NET_MSG_PEEK
 * keeps it queued. */
long udp_recv(struct udp_pcb *pcb, const struct lk_iovec *iov, int iov_count, int flags,
              struct net_addr *from, uint16_t *from_port, int *truncated);
unsigned udp_poll_events(struct udp_pcb *pcb);
/* The next datagram's size (FIONREAD on Linux), 0 when none. */
uint32_t udp_readable(struct udp_pcb *pcb);
int udp_take_error(struct udp_pcb *pcb);
void udp_local(struct udp_pcb *pcb, struct net_addr *addr, uint16_t *port);
int udp_peer(struct udp_pcb *pcb, struct net_addr *addr, uint16_t *port);
int udp_setsockopt(struct udp_pcb *pcb, int level, int name, const void *value, uint32_t length);
int udp_getsockopt(struct udp_pcb *pcb, int level, int name, void *value, uint32_t *length);
void udp_close(struct udp_pcb *pcb);

#endif
