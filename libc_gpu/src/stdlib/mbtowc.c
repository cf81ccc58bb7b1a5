#include <errno.h>
#include <stdlib.h>

/* The C locale's multibyte characters are its bytes, and ASCII: as in
 * glibc's C locale, a byte from 0x80 on is no character (EILSEQ). No
 * encoding has a state, so mbtowc(NULL, NULL, 0) is 0. */
int mbtowc(wchar_t *restrict out, const char *restrict text, size_t size) {
  if (!text)
    return 0;
  unsigned char byte = (unsigned char)*text;
  /* glibc reads the terminator before it looks at size. */
  if (byte == 0) {
    if (out)
      *out = 0;
    return 0;
  }
  if (size == 0)
    return -1;
  if (byte >= 0x80) {
    errno = EILSEQ;
    return -1;
  }
  if (out)
    *out = byte;
  return 1;
}
