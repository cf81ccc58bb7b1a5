#include <libintl.h>
#include <stddef.h>

#include "../__support/text_domains.h"

char *bindtextdomain(const char *domain, const char *directory) {
  if (!domain || domain[0] == '\0')
    return NULL;
  return __text_binding(domain, directory, __TEXT_DIRECTORY);
}
