#include <stdlib.h>
#include <string.h>

#include "../__support/environ.h"

/* Every "NAME=value" setenv made: none is freed, so that what getenv
 * returned stays readable as in glibc, and the same pair is reused rather
 * than made again. A plain global: each VM has its own. */
static char **made;
static size_t made_count, made_capacity;

static char *find_made(const char *name, size_t name_length, const char *value) {
  for (size_t i = 0; i < made_count; ++i)
    if (strncmp(made[i], name, name_length) == 0 && made[i][name_length] == '=' &&
        strcmp(made[i] + name_length + 1, value) == 0)
      return made[i];
  return NULL;
}

int setenv(const char *name, const char *value, int overwrite) {
  size_t name_length;
  if (!__env_valid_name(name, &name_length))
    return -1;
  if (!value)
    value = "";
  if (__env_find(name, name_length) && !overwrite)
    return 0;
  char *entry = find_made(name, name_length, value);
  if (!entry) {
    if (made_count == made_capacity) {
      size_t capacity = made_capacity ? made_capacity * 2 : 8;
      char **list = (char **)realloc(made, capacity * sizeof *list);
      if (!list)
        return -1;
      made = list;
      made_capacity = capacity;
    }
    size_t value_length = strlen(value);
    entry = (char *)malloc(name_length + value_length + 2);
    if (!entry)
      return -1;
    memcpy(entry, name, name_length);
    entry[name_length] = '=';
    memcpy(entry + name_length + 1, value, value_length + 1);
    made[made_count++] = entry;
  }
  return __env_put(entry, name_length);
}
