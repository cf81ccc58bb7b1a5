#include "text_domains.h"

#include <stdlib.h>
#include <string.h>

/* glibc's LOCALEDIR on Debian. */
static char default_directory[] = "/usr/share/locale";

struct binding {
  struct binding *next;
  char *parts[2];
  char domain[];
};

static struct binding *bindings;

static struct binding *binding_of(const char *domain, int create) {
  for (struct binding *b = bindings; b; b = b->next)
    if (strcmp(b->domain, domain) == 0)
      return b;
  if (!create)
    return NULL;
  size_t length = strlen(domain) + 1;
  struct binding *b = malloc(sizeof *b + length);
  if (!b)
    return NULL;
  memcpy(b->domain, domain, length);
  b->parts[0] = b->parts[1] = NULL;
  b->next = bindings;
  bindings = b;
  return b;
}

char *__text_binding(const char *domain, const char *value, enum __text_binding part) {
  struct binding *b = binding_of(domain, value != NULL);
  if (!value) {
    if (b && b->parts[part])
      return b->parts[part];
    return part == __TEXT_DIRECTORY ? default_directory : NULL;
  }
  char *copy = b ? strdup(value) : NULL;
  if (!copy)
    return NULL;
  free(b->parts[part]);
  b->parts[part] = copy;
  return copy;
}
