#include <lightkernel/confine.h>
#include <lightkernel/text.h>

/* Trusted: the reports of a fault are written with these, and must not
 * fault again in a check of their own. */
LK_TRUSTED void lk_append(char **out, char *end, const char *text) {
  while (*text && *out < end)
    *(*out)++ = *text++;
}

LK_TRUSTED void lk_append_number(char **out, char *end, uint64_t value, unsigned base) {
  char digits[20];
  int n = 0;
  do {
    digits[n++] = "0123456789abcdef"[value % base];
    value /= base;
  } while (value);
  if (base == 16)
    lk_append(out, end, "0x");
  while (n && *out < end)
    *(*out)++ = digits[--n];
}
