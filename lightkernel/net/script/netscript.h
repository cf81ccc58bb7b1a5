/* netscript: one VM's network stack run natively, on a virtual clock, for
 * tests, fuzzers and other tools that drive the stack packet by packet.
 *
 * The stack is the light kernel's own code (ipv6/, icmp6/, udp/, tcp/,
 * socket/, the descriptor table and the event files) compiled for the host.
 * This library stands in for what a real VM gives it:
 *   - the clock: virtual, moved only by netscript_advance;
 *   - memory: malloc, with a byte budget so that exhaustion can be tested;
 *   - the router: every packet the stack sends is captured here (collect
 *     them with netscript_collect), except those to the VM itself (::1 or
 *     its own address), which come back in as a real VM's would; a packet
 *     above the MTU gets the router's ICMPv6 Packet Too Big, as on the
 *     device;
 *   - waiting: a call that would block returns -EAGAIN (net_wait cannot
 *     park anything here), so a test makes its socket calls non-blocking
 *     in effect and moves time itself.
 *
 * Socket and epoll calls are the light kernel's own lk_* functions
 * (<lightkernel/syscall.h>): call them directly between netscript calls.
 *
 * The stack's state is the program's globals, as in a VM: ONE stack per
 * process at a time. netscript_destroy closes every descriptor (up to
 * 1024) and frees
 * every TCP block, so a later netscript_create starts clean for TCP; the
 * lower layers' small caches (path MTUs, the ICMPv6 rate limit) live on, so
 * tests that depend on them use a fresh process or different addresses.
 *
 * Nothing here is thread-safe; every call returns at once. */
#ifndef LIGHTKERNEL_NET_SCRIPT_NETSCRIPT_H
#define LIGHTKERNEL_NET_SCRIPT_NETSCRIPT_H

#include <gpuvm/net.h>

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

struct netscript_config {
  uint8_t address[16];  /* the VM's address (PREFIX::100+k) */
  uint32_t mtu;         /* largest IPv6 packet; 0: 1500 */
  size_t memory_budget; /* bytes the stack may hold at once; 0: no limit */
  int64_t start_ns;     /* where the virtual clock starts (e.g. 1 s) */
};

/* Brings a stack up. Returns 0, or -1 when one exists already. */
int netscript_create(const struct netscript_config *config);
/* Closes every descriptor, frees every connection and captured packet. */
void netscript_destroy(void);

/* A packet arrives from outside: the whole IPv6 packet, header included.
 * It is processed at once, at the current virtual time. */
void netscript_inject(const void *packet, uint32_t length);

/* The oldest packet the stack sent that is not collected yet: copies up to
 * `capacity` bytes into `buffer` and returns its whole length (so a short
 * buffer is detectable); 0 when none is waiting. */
uint32_t netscript_collect(void *buffer, uint32_t capacity);
/* Packets waiting to be collected. */
uint32_t netscript_pending(void);
/* Forgets every packet not collected yet. */
void netscript_discard(void);

/* The virtual clock, in nanoseconds. */
int64_t netscript_now(void);
/* Moves the clock forward by `ns`, running every timer at its own deadline
 * on the way (so a retransmission due at t leaves at exactly t). */
void netscript_advance(int64_t ns);
/* The stack's earliest timer deadline (INT64_MAX: none). */
int64_t netscript_next_deadline(void);

/* The VM's counters (struct gpuvm_net_counters). */
const struct gpuvm_net_counters *netscript_counters(void);
/* Bytes the stack holds now, and the failed allocations so far. */
size_t netscript_memory_used(void);
uint64_t netscript_allocation_failures(void);
/* Changes the budget (0: no limit); blocks already held stay. */
void netscript_set_memory_budget(size_t bytes);

#ifdef __cplusplus
}
#endif

#endif
