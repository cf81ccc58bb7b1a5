#include <errno.h>
#include <locale.h>

#include "../__support/locale.h"

/* Locales are constant objects shared by all VMs: nothing is allocated, and
 * base needs no freeing. The categories all follow the name given. */
locale_t newlocale(int category_mask, const char *name, locale_t base) {
  (void)base;
  if (!name || (category_mask & ~LC_ALL_MASK)) {
    errno = EINVAL;
    return NULL;
  }
  const struct __locale_struct *found = __locale_find(name);
  if (!found) {
    errno = ENOENT;
    return NULL;
  }
  return (locale_t)found;
}
