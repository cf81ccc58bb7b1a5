#include <string.h>

char *strsep(char **text, const char *delims) {
  char *token = *text;
  if (!token)
    return NULL;
  char *end = token + strcspn(token, delims);
  if (*end) {
    *end = '\0';
    *text = end + 1;
  } else {
    *text = NULL;
  }
  return token;
}
