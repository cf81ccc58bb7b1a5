/* The VM's capability sets, as Linux derives them from the uids: root
 * (effective uid 0) has every capability effective and permitted, other
 * ids none. capset's drops are recorded here and read back by capget;
 * the VM's own checks still go by the uid. Plain globals: per VM. */
#ifndef LIBC_GPU_SUPPORT_CAPABILITIES_H
#define LIBC_GPU_SUPPORT_CAPABILITIES_H

#include <stdint.h>

struct __capability_sets {
  uint64_t effective, permitted, inheritable;
};

/* How many 32-bit words of each set a header's version carries; 0 for a
 * version Linux does not know. */
int __capability_words(uint32_t version);

void __capabilities_get(struct __capability_sets *out);
/* capset's rules: permitted may only shrink, effective must lie within
 * it, inheritable within the old inheritable and permitted sets (or any
 * set, holding CAP_SETPCAP). 0, or EPERM. */
int __capabilities_set(const struct __capability_sets *sets);

#endif
