#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../__support/path.h"

/* Linux's limit on symlinks followed in one lookup. */
#define MAX_LINKS 40

/* Walks the path one component at a time, asking the host about each
 * prefix (lstat) and splicing in each symlink's text, as the kernel's own
 * lookup does; the host resolves inside the root, so this does too. */
char *realpath(const char *restrict path, char *restrict resolved) {
  if (!path) {
    errno = EINVAL;
    return NULL;
  }
  if (!*path) {
    errno = ENOENT;
    return NULL;
  }
  char out[KERNEL_PATH_SIZE];
  size_t length = 0; /* out[0, length) is absolute, no trailing slash; empty: the root */
  char walk[2 * KERNEL_PATH_SIZE];
  const char *start = *path == '/' ? "" : __path_working_directory();
  if (strlen(start) + 1 + strlen(path) + 1 > sizeof walk) {
    errno = ENAMETOOLONG;
    return NULL;
  }
  strcpy(walk, start);
  strcat(walk, "/");
  strcat(walk, path);
  int links = 0;
  size_t at = 0;
  while (walk[at]) {
    while (walk[at] == '/')
      ++at;
    size_t size = strcspn(walk + at, "/");
    if (!size || (size == 1 && walk[at] == '.')) {
      at += size;
      continue;
    }
    if (size == 2 && walk[at] == '.' && walk[at + 1] == '.') {
      while (length && out[length - 1] != '/')
        --length;
      if (length)
        --length;
      at += size;
      continue;
    }
    size_t before = length;
    if (length + 1 + size + 1 > sizeof out) {
      errno = ENAMETOOLONG;
      return NULL;
    }
    out[length++] = '/';
    memcpy(out + length, walk + at, size);
    length += size;
    out[length] = '\0';
    at += size;
    struct stat status;
    if (lstat(out, &status) < 0)
      return NULL;
    if (S_ISLNK(status.st_mode)) {
      if (++links > MAX_LINKS) {
        errno = ELOOP;
        return NULL;
      }
      char target[KERNEL_PATH_SIZE];
      ssize_t n = readlink(out, target, sizeof target - 1);
      if (n < 0)
        return NULL;
      target[n] = '\0';
      size_t rest = strlen(walk + at);
      if ((size_t)n + 1 + rest + 1 > sizeof walk) {
        errno = ENAMETOOLONG;
        return NULL;
      }
      /* The link's text replaces it: from the root when absolute. */
      memmove(walk + n + 1, walk + at, rest + 1);
      memcpy(walk, target, (size_t)n);
      walk[n] = '/';
      at = 0;
      length = target[0] == '/' ? 0 : before;
    } else if (!S_ISDIR(status.st_mode) && walk[at + strspn(walk + at, "/")]) {
      errno = ENOTDIR;
      return NULL;
    }
  }
  if (!length)
    out[length++] = '/';
  out[length] = '\0';
  if (!resolved)
    return strdup(out);
  if (length + 1 > PATH_MAX) {
    errno = ENAMETOOLONG;
    return NULL;
  }
  return strcpy(resolved, out);
}
