#define _GNU_SOURCE
#include <string.h>

/* GNU's basename (<string.h>): what follows the last '/', in place, so ""
 * for a path ending in '/'. <libgen.h> replaces it with POSIX's. */
char *basename(const char *path) {
  const char *slash = strrchr(path, '/');
  return (char *)(slash ? slash + 1 : path);
}
