#include <sys/inotify.h>

#include "../../__support/no_process.h"

int inotify_add_watch(int fd, const char *path, uint32_t mask) {
  (void)fd, (void)path, (void)mask;
  return __no_facility("inotify_add_watch", "the host tells a VM nothing of its files' changes");
}
