/* The RPC mailbox: one per VM, in memory both the VM and the host see.
 * The VM fills op/arg/payload and sets state to REQUEST; the host serves it
 * and sets state to REPLY (EXIT gets no reply). Shared by host and device. */
#ifndef GPUVM_ABI_MAILBOX_H
#define GPUVM_ABI_MAILBOX_H

#include <stdint.h>

#define GPUVM_MAILBOX_PAYLOAD 960u

enum gpuvm_mailbox_state {
  GPUVM_MAILBOX_IDLE = 0,
  GPUVM_MAILBOX_REQUEST = 1,
  GPUVM_MAILBOX_REPLY = 2,
};

enum gpuvm_rpc_op {
  /* arg[0] = fd (1 stdout, 2 stderr), arg[1] = length (<= payload); data in
   * payload. result = bytes written. */
  GPUVM_RPC_WRITE = 1,
  /* result = host CLOCK_REALTIME in ns, arg[0] (out) = CLOCK_MONOTONIC ns. */
  GPUVM_RPC_CLOCK = 2,
  /* arg[0] = exit status, arg[1] = enum gpuvm_exit_kind. No reply. */
  GPUVM_RPC_EXIT = 3,
};

enum gpuvm_exit_kind {
  GPUVM_EXIT_NORMAL = 0, /* exit() or return from main */
  GPUVM_EXIT_ABORT = 1,  /* abort(), a failed assert, a would-be throw */
  GPUVM_EXIT_CRASH = 2,  /* a fault the runtime caught */
};

struct gpuvm_mailbox {
  uint32_t state; /* enum gpuvm_mailbox_state, written last */
  uint32_t op;    /* enum gpuvm_rpc_op */
  int64_t arg[5];
  int64_t result;
  int64_t error; /* an errno value, 0 on success */
  uint8_t payload[GPUVM_MAILBOX_PAYLOAD];
};

#endif
