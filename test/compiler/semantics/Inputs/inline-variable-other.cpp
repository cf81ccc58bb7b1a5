#include "inline-variable.h"

int other_sum() {
  return iv + Config::limit + scaled<3>;
}
