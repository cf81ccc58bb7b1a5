#include <string.h>

char *strtok_r(char *restrict text, const char *restrict delims, char **restrict state) {
  if (!text)
    text = *state;
  if (!text)
    return NULL; /* strtok(NULL, ...) before any string was given */
  text += strspn(text, delims);
  if (!*text) {
    *state = text;
    return NULL;
  }
  char *token_end = text + strcspn(text, delims);
  if (*token_end)
    *token_end++ = '\0';
  *state = token_end;
  return text;
}
