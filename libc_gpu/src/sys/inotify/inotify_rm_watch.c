#include <sys/inotify.h>

#include "../../__support/no_process.h"

int inotify_rm_watch(int fd, int watch) {
  (void)fd, (void)watch;
  return __no_facility("inotify_rm_watch", "the host tells a VM nothing of its files' changes");
}
