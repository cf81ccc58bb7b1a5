#include <stdlib.h>
#include <string.h>

/* glibc's getsubopt: the suboption at *options ("name" or "name=value", up
 * to the next ','), cut off in place. Returns its index in tokens (with
 * *value the text after '=', or NULL), or -1 with *value the whole
 * suboption when no token names it; -1 at the end of the string. */
int getsubopt(char **options, char *const *tokens, char **value) {
  char *start = *options;
  if (*start == '\0')
    return -1;
  char *end = start;
  while (*end && *end != ',')
    ++end;
  char *equals = memchr(start, '=', (size_t)(end - start));
  size_t name_length = (size_t)((equals ? equals : end) - start);

  int found = -1;
  for (int i = 0; tokens[i]; ++i)
    if (!strncmp(start, tokens[i], name_length) && tokens[i][name_length] == '\0') {
      found = i;
      break;
    }
  *value = found < 0 ? start : equals ? equals + 1 : NULL;
  if (*end != '\0')
    *end++ = '\0';
  *options = end;
  return found;
}
