#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

int scandir(const char *path, struct dirent ***list, int (*keep)(const struct dirent *),
            int (*compare)(const struct dirent **, const struct dirent **)) {
  DIR *dir = opendir(path);
  if (!dir)
    return -1;
  struct dirent **entries = NULL;
  size_t count = 0, capacity = 0;
  struct dirent *entry;
  int error = 0;
  errno = 0;
  while ((entry = readdir(dir))) {
    if (keep && !keep(entry))
      continue;
    if (count == capacity) {
      size_t bigger = capacity ? capacity * 2 : 16;
      struct dirent **grown = realloc(entries, bigger * sizeof *grown);
      if (!grown) {
        error = ENOMEM;
        break;
      }
      entries = grown;
      capacity = bigger;
    }
    struct dirent *copy = malloc(sizeof *copy);
    if (!copy) {
      error = ENOMEM;
      break;
    }
    memcpy(copy, entry, sizeof *copy);
    entries[count++] = copy;
    errno = 0;
  }
  if (!error)
    error = errno;
  closedir(dir);
  if (error) {
    while (count)
      free(entries[--count]);
    free(entries);
    errno = error;
    return -1;
  }
  if (compare && count > 1)
    qsort(entries, count, sizeof *entries, (int (*)(const void *, const void *))compare);
  *list = entries;
  return (int)count;
}
