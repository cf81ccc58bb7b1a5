/* System calls that the host serves through the VM's mailbox. */
#include <lightkernel/arch.h>
#include <lightkernel/backtrace.h>
#include <lightkernel/confine.h>
#include <lightkernel/syscall.h>

#include "control.h"
#include "host.h"

#include "../fd/fd.h"
#include "../net/net.h"

static struct gpuvm_mailbox *my_mailbox(void) {
  return (struct gpuvm_mailbox *)(uintptr_t)__gpuvm_launch.mailboxes + arch_vm_id();
}

size_t host_bulk_chunk(const void *buf, size_t len) {
  if (!__gpuvm_launch.bulk_max || len <= GPUVM_MAILBOX_PAYLOAD ||
      !lk_within((uintptr_t)buf, len, (uintptr_t)__gpuvm_private_base(), __gpuvm_launch.slice_size))
    return 0;
  return (size_t)__gpuvm_launch.bulk_max;
}

long host_write(int fd, const void *buf, size_t len, int64_t at) {
  if (fd < 1)
    return -9; /* EBADF */
  struct gpuvm_mailbox *box = my_mailbox();
  const unsigned char *src = (const unsigned char *)buf;
  const size_t bulk = host_bulk_chunk(buf, len);
  size_t done = 0;
  while (done < len) {
    size_t chunk = len - done;
    if (chunk > (bulk ? bulk : GPUVM_MAILBOX_PAYLOAD))
      chunk = bulk ? bulk : GPUVM_MAILBOX_PAYLOAD;
    if (!bulk)
      net_copy(box->payload, src + done, chunk);
    box->op = GPUVM_RPC_WRITE;
    box->arg[0] = fd;
    box->arg[1] = (int64_t)chunk;
    box->arg[2] = bulk ? (int64_t)(uintptr_t)(src + done) : 0;
    box->arg[3] = at < 0 ? -1 : at + (int64_t)done;
    lk_wait_begin();
    arch_rpc(box);
    lk_wait_end();
    if (box->error)
      return done ? (long)done : -box->error;
    done += (size_t)box->result;
    if ((size_t)box->result < chunk)
      break; /* a short write (disk full): report what was written */
  }
  return (long)done;
}

void lk_stop_if_asked(void) {
  /* Once the VM is on its way out, what it does (closing, lingering) may
   * wait, and must not be stopped a second time. */
  if (!lk_private()->leaving && __atomic_load_n(&my_mailbox()->stop, __ATOMIC_RELAXED))
    lk_crash(9 /* SIGKILL */, "stopped by gpuvm stop");
}

struct gpuvm_limit_counters *lk_limit_counters(void) {
  return &my_mailbox()->limits;
}

/* GPUs: the bridge's device thread runs until every VM has left. */
LK_TRUSTED static void count_exit(void) {
  if (__gpuvm_launch.net.exited)
    __atomic_fetch_add((uint32_t *)(uintptr_t)__gpuvm_launch.net.exited, 1u, __ATOMIC_RELEASE);
}

/* Copies what of `text` the VM may read into the mailbox's payload, after
 * its first *len bytes. */
static void put_reason(struct gpuvm_mailbox *box, size_t *len, const char *text) {
  for (size_t i = 0;
       text && *len < GPUVM_MAILBOX_PAYLOAD - 1 && lk_may_read(text + i, 1) && text[i]; ++i)
    box->payload[(*len)++] = text[i];
  box->payload[*len] = 0;
}

static _Noreturn void leave(int status, int kind, const char *reason) {
  /* As a process's exit on Linux: descriptors close, and connections still
   * deliver what they were given. Once: a crash in that cleanup (the
   * kernel's state overwritten by the VM) leaves without it, and where
   * a crash began the leaving, that first crash is the one reported, the
   * second said after it. */
  struct lk_private *own = lk_private();
  const char *then = 0;
  if (!own->leaving) {
    own->leaving = 1;
    own->leaving_status = status;
    own->leaving_kind = kind;
    own->leaving_reason = reason; /* in a frame below this one, alive until the VM ends */
    /* Where it was, unless it was only told to stop. */
    if (kind != GPUVM_EXIT_NORMAL && status != 128 + 9 /* SIGKILL */)
      lk_print_backtrace();
    lk_fd_close_all();
    net_linger();
    net_exited();
  } else if (own->leaving_kind == GPUVM_EXIT_CRASH) {
    then = reason;
    reason = own->leaving_reason;
    status = own->leaving_status;
    kind = own->leaving_kind;
  }
  count_exit();
  struct gpuvm_mailbox *box = my_mailbox();
  size_t len = 0;
  put_reason(box, &len, reason);
  if (then) {
    put_reason(box, &len, "; as it left, ");
    put_reason(box, &len, then);
  }
  box->op = GPUVM_RPC_EXIT;
  box->arg[0] = status;
  box->arg[1] = kind;
  box->arg[2] = (int64_t)len;
  arch_rpc(box);
  arch_exit();
}

_Noreturn void lk_exit(int status, int kind) {
  leave(status, kind, 0);
}

_Noreturn void lk_crash(int signal, const char *reason) {
  leave(128 + signal, GPUVM_EXIT_CRASH, reason);
}

/* The offset between the host's wall clock and this VM's local clock,
 * measured once per VM. */
static int64_t realtime_offset;
static int calibrated;

static void calibrate(void) {
  struct gpuvm_mailbox *box = my_mailbox();
  box->op = GPUVM_RPC_CLOCK;
  int64_t before = arch_clock_ns();
  arch_rpc(box);
  int64_t after = arch_clock_ns();
  realtime_offset = box->result - (before + (after - before) / 2);
  calibrated = 1;
}

int64_t lk_clock_realtime_ns(void) {
  if (!calibrated)
    calibrate();
  return arch_clock_ns() + realtime_offset;
}

int64_t lk_clock_monotonic_ns(void) {
  return arch_clock_ns();
}
