#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../__support/path.h"

char *get_current_dir_name(void) {
  return strdup(__path_working_directory());
}
