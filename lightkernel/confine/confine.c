/* Software fault isolation: the checks gpu-c++ puts before each access of a
 * VM's own code that it cannot prove safe (compiler/passes/ConfineMemory.h).
 * Inlined there; an access outside what the VM may touch ends that VM alone,
 * before the access happens, and says where. */
#include <lightkernel/arch.h>
#include <lightkernel/confine.h>
#include <lightkernel/syscall.h>

#include <gpuvm/data_set.h>

static inline int in_own_slice(uintptr_t at, uint64_t len, uint64_t size) {
  return lk_within(at, len, (uintptr_t)__gpuvm_private_base(), size);
}

static void append(char **out, char *end, const char *text) {
  while (*text && *out < end)
    *(*out)++ = *text++;
}

static void append_number(char **out, char *end, uint64_t value, unsigned base) {
  char digits[20];
  int n = 0;
  do {
    digits[n++] = "0123456789abcdef"[value % base];
    value /= base;
  } while (value);
  if (base == 16)
    append(out, end, "0x");
  while (n && *out < end)
    *(*out)++ = digits[--n];
}

_Noreturn __attribute__((noinline, cold)) static void fault(uintptr_t at, uint64_t len, int write,
                                                            const char *site) {
  char reason[192];
  char *out = reason, *end = reason + sizeof reason - 1;
  append(&out, end, write ? "wild write of " : "wild read of ");
  append_number(&out, end, len, 10);
  append(&out, end, len == 1 ? " byte at " : " bytes at ");
  append_number(&out, end, at, 16);
  if (site) {
    append(&out, end, " (");
    append(&out, end, site);
    append(&out, end, ")");
  }
  *out = 0;
  lk_crash(11 /* SIGSEGV */, reason);
}

__attribute__((always_inline)) int lk_may_write(const void *p, uint64_t len) {
  uintptr_t at = (uintptr_t)p;
  if (!len)
    return 1; /* touches nothing, as Linux's write(fd, NULL, 0) */
  /* The top of the slice is the VM's inbound packet ring, which other VMs'
   * routers fill: the VM reads it, only its kernel moves its indices. */
  return __builtin_expect(
             in_own_slice(at, len, __gpuvm_launch.slice_size - __gpuvm_launch.net.rx_ring_bytes),
             1) ||
         arch_in_own_stack(at, len);
}

__attribute__((always_inline)) int lk_may_read(const void *p, uint64_t len) {
  uintptr_t at = (uintptr_t)p;
  if (!len)
    return 1;
  if (__builtin_expect(in_own_slice(at, len, __gpuvm_launch.slice_size), 1) ||
      arch_in_own_stack(at, len) ||
      lk_within(at, len, __gpuvm_launch.confinement.readonly,
                __gpuvm_launch.confinement.readonly_size))
    return 1;
  const struct gpuvm_data_set *set =
      (const struct gpuvm_data_set *)(uintptr_t)__gpuvm_launch.data_set;
  return set && lk_within(at, len, (uintptr_t)set, set->size);
}

int lk_may_use_iovec(const struct lk_iovec *iov, int count, int write) {
  if (count < 0 || !lk_may_read(iov, (uint64_t)count * sizeof *iov))
    return 0;
  for (int i = 0; i < count; ++i)
    if (!(write ? lk_may_write(iov[i].base, iov[i].length)
                : lk_may_read(iov[i].base, iov[i].length)))
      return 0;
  return 1;
}

__attribute__((always_inline)) void __gpuvm_confine_write(void *p, uint64_t len, const char *site) {
  if (!lk_may_write(p, len))
    fault((uintptr_t)p, len, 1, site);
}

__attribute__((always_inline)) void __gpuvm_confine_read(const void *p, uint64_t len,
                                                         const char *site) {
  if (!lk_may_read(p, len))
    fault((uintptr_t)p, len, 0, site);
}
