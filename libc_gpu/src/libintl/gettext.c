#include <libintl.h>

char *gettext(const char *message) {
  return (char *)message;
}
