#include <libintl.h>
#include <stdlib.h>
#include <string.h>

static char default_domain[] = "messages";
static char *current = default_domain;

char *textdomain(const char *domain) {
  if (!domain)
    return current;
  if (domain[0] == '\0' || strcmp(domain, default_domain) == 0) {
    if (current != default_domain)
      free(current);
    current = default_domain;
    return current;
  }
  if (strcmp(domain, current) == 0)
    return current;
  char *copy = strdup(domain);
  if (!copy)
    return NULL;
  if (current != default_domain)
    free(current);
  current = copy;
  return current;
}
