#include <wchar.h>

/* The C locale's characters are ASCII, as glibc's are (its C locale gives
 * -1 from 0x80 on too). */
int wcwidth(wchar_t wide) {
  if (wide == 0)
    return 0;
  return wide >= 0x20 && wide < 0x7f ? 1 : -1;
}
