#include "environ.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Plain globals: each VM has its own environment. The array the library
 * allocated, with room for capacity pointers (the NULL included). */
static char **own_array;
static size_t own_capacity;

int __env_valid_name(const char *name, size_t *length) {
  if (!name || !*name || strchr(name, '=')) {
    errno = EINVAL;
    return 0;
  }
  *length = strlen(name);
  return 1;
}

char **__env_find(const char *name, size_t length) {
  if (!environ)
    return NULL;
  for (char **entry = environ; *entry; ++entry)
    if (strncmp(*entry, name, length) == 0 && (*entry)[length] == '=')
      return entry;
  return NULL;
}

int __env_put(char *entry, size_t name_length) {
  char **found = __env_find(entry, name_length);
  if (found) {
    /* The old entry is not freed: as in glibc, a value getenv returned stays
     * readable. */
    *found = entry;
    return 0;
  }
  size_t count = 0;
  while (environ && environ[count])
    ++count;
  if (environ != own_array || count + 2 > own_capacity) {
    size_t capacity = (count + 2) * 2;
    char **array = (char **)realloc(own_array, capacity * sizeof *array);
    if (!array)
      return -1; /* realloc set ENOMEM */
    /* Another array in environ (the boot one, or the program's) is copied;
     * ours moved with realloc. */
    if (environ != own_array)
      for (size_t i = 0; i < count; ++i)
        array[i] = environ[i];
    own_array = environ = array;
    own_capacity = capacity;
  }
  environ[count] = entry;
  environ[count + 1] = NULL;
  return 0;
}

void __env_remove(const char *name, size_t length) {
  if (!environ)
    return;
  /* In place, keeping the order of the others, as glibc does. */
  char **kept = environ;
  for (char **entry = environ; *entry; ++entry)
    if (!(strncmp(*entry, name, length) == 0 && (*entry)[length] == '='))
      *kept++ = *entry;
  *kept = NULL;
}

void __env_clear(void) {
  /* Not in environ any more, ours is as free to go as __env_put takes it
   * to be free to reuse. */
  free(own_array);
  own_array = NULL;
  own_capacity = 0;
  environ = NULL;
}
