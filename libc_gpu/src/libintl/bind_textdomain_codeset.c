#include <libintl.h>
#include <stddef.h>

#include "../__support/text_domains.h"

char *bind_textdomain_codeset(const char *domain, const char *codeset) {
  if (!domain || domain[0] == '\0')
    return NULL;
  return __text_binding(domain, codeset, __TEXT_CODESET);
}
