#include <netdb.h>
#include <string.h>

#include "../__support/service_entry.h"

struct servent *getservbyname(const char *name, const char *protocol) {
  int wanted = __service_protocol(protocol);
  const struct __service *found = wanted ? __service_by_name(name) : NULL;
  if (!found || !(found->protocols & wanted))
    return NULL;
  return __service_entry(found, wanted);
}
