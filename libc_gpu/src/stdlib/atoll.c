#include <stdlib.h>

long long atoll(const char *text) {
  return strtoll(text, NULL, 10);
}
