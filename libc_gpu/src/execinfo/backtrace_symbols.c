#include <execinfo.h>
#include <stdio.h>
#include <stdlib.h>

/* "[0x" and 16 digits, "]" and the NUL. */
#define NAME_BYTES 22

char **backtrace_symbols(void *const *buffer, int size) {
  if (size < 0)
    size = 0;
  char **names = malloc((size_t)size * (sizeof(char *) + NAME_BYTES) + 1);
  if (!names)
    return NULL;
  /* Images are linked statically with no symbol table to search: each
   * address as glibc names one it finds no symbol for. */
  char *text = (char *)(names + size);
  for (int i = 0; i < size; ++i) {
    names[i] = text;
    text += snprintf(text, NAME_BYTES, "[%p]", buffer[i]) + 1;
  }
  return names;
}
