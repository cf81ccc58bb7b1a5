#include <string.h>
#include <strings.h>

char *strcasestr(const char *haystack, const char *needle) {
  size_t length = strlen(needle);
  for (; *haystack; ++haystack)
    if (strncasecmp(haystack, needle, length) == 0)
      return (char *)haystack;
  return length == 0 ? (char *)haystack : NULL;
}
