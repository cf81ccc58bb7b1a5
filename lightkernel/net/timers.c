/* The stack's clockwork: TCP owns the only timers that run by themselves;
 * ICMPv6's rate limit and timerfds are computed when asked. */
#include "net.h"
#include "tcp/tcp.h"

void net_run_timers(int64_t now) {
  if (now >= tcp_next_deadline())
    tcp_timers(now);
}

int64_t net_next_deadline(void) {
  return tcp_next_deadline();
}
