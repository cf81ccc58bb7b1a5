#include <string.h>

/* A plain global: the compiler makes it per VM. */
static char *strtok_state;

char *strtok(char *restrict text, const char *restrict delims) {
  return strtok_r(text, delims, &strtok_state);
}
