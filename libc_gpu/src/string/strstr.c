#include <string.h>

char *strstr(const char *haystack, const char *needle) {
  size_t needle_length = strlen(needle);
  if (!needle_length)
    return (char *)haystack;
  /* Quadratic at worst; fine for the short strings servers search. */
  for (; *haystack; ++haystack)
    if (*haystack == *needle && strncmp(haystack, needle, needle_length) == 0)
      return (char *)haystack;
  return NULL;
}
