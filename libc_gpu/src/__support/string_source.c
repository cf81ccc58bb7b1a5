#include "string_source.h"

#include <stdio.h>

#include "scanf_core.h"

struct string_source {
  struct scanf_source source; /* first, so that the engine's pointer is ours */
  const unsigned char *next;
};

static int read_string(struct scanf_source *source) {
  struct string_source *s = (struct string_source *)source;
  /* The NUL is never passed, so that reading on after the end stays there. */
  return *s->next ? *s->next++ : EOF;
}

static void unread_string(struct scanf_source *source, int ch) {
  (void)ch; /* the same character that was read */
  --((struct string_source *)source)->next;
}

int __scan_string(const char *input, const char *format, va_list args) {
  struct string_source s = {{read_string, unread_string}, (const unsigned char *)input};
  return __scanf_core(&s.source, format, args);
}
