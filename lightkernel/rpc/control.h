/* What the runtime asks of a running VM, and learns from it, through the
 * VM's mailbox outside the calls: a request to stop (gpuvm stop) and what
 * the VM's limits (gpuvm_launch.limits) refused or delayed. */
#ifndef LIGHTKERNEL_RPC_CONTROL_H
#define LIGHTKERNEL_RPC_CONTROL_H

#include <gpuvm/mailbox.h>

/* Ends the VM (signal 9, "stopped by gpuvm stop") if the runtime asked.
 * The network's poll calls it once a millisecond (every wait polls); so does
 * confined code's run budget. */
void lk_stop_if_asked(void);
/* This VM's counters, which the host reads when it exits. */
struct gpuvm_limit_counters *lk_limit_counters(void);

#endif
