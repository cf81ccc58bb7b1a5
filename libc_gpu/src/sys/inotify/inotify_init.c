#include <sys/inotify.h>

#include "../../__support/no_process.h"

int inotify_init(void) {
  return __no_facility("inotify_init", "the host tells a VM nothing of its files' changes");
}
