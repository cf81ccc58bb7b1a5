#include <sys/inotify.h>

#include "../../__support/no_process.h"

int inotify_init1(int flags) {
  (void)flags;
  return __no_facility("inotify_init1", "the host tells a VM nothing of its files' changes");
}
