#include "capabilities.h"

#include <errno.h>
#include <linux/capability.h>

#include "identity.h"

#define ALL_CAPABILITIES ((UINT64_C(1) << (CAP_LAST_CAP + 1)) - 1)

/* What capset took away: permitted bits never come back; effective bits
 * stay off while permitted. */
static uint64_t dropped_permitted, dropped_effective, inheritable;

int __capability_words(uint32_t version) {
  if (version == _LINUX_CAPABILITY_VERSION_1)
    return 1;
  if (version == _LINUX_CAPABILITY_VERSION_2 || version == _LINUX_CAPABILITY_VERSION_3)
    return 2;
  return 0;
}

void __capabilities_get(struct __capability_sets *out) {
  const struct __id_triple *user = &__identity.user;
  /* Linux clears the permitted set once no uid is 0, and the effective
   * set while the effective uid is not. */
  uint64_t permitted = user->real == 0 || user->effective == 0 || user->saved == 0
                           ? ALL_CAPABILITIES & ~dropped_permitted
                           : 0;
  out->permitted = permitted;
  out->effective = user->effective == 0 ? permitted & ~dropped_effective : 0;
  out->inheritable = inheritable;
}

int __capabilities_set(const struct __capability_sets *sets) {
  struct __capability_sets now;
  __capabilities_get(&now);
  uint64_t inheritable_limit = now.effective & (UINT64_C(1) << CAP_SETPCAP)
                                   ? ALL_CAPABILITIES
                                   : now.inheritable | now.permitted;
  if ((sets->permitted & ~now.permitted) || (sets->effective & ~sets->permitted) ||
      (sets->inheritable & ~inheritable_limit))
    return EPERM;
  dropped_permitted |= now.permitted & ~sets->permitted;
  dropped_effective = sets->permitted & ~sets->effective;
  inheritable = sets->inheritable;
  return 0;
}
