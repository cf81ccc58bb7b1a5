#include <string.h>

size_t strxfrm_l(char *restrict dst, const char *restrict src, size_t size, locale_t locale) {
  (void)locale;
  return strxfrm(dst, src, size);
}
