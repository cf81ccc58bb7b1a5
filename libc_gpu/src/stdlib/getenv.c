#include <stdlib.h>
#include <string.h>
#include <unistd.h>

char *getenv(const char *name) {
  size_t length = strlen(name);
  if (!environ || length == 0 || strchr(name, '='))
    return NULL;
  for (char **entry = environ; *entry; ++entry)
    if (strncmp(*entry, name, length) == 0 && (*entry)[length] == '=')
      return *entry + length + 1;
  return NULL;
}
