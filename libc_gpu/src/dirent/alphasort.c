#include <dirent.h>
#include <string.h>

/* strcoll in glibc: the C locale's order is strcmp's. */
int alphasort(const struct dirent **a, const struct dirent **b) {
  return strcmp((*a)->d_name, (*b)->d_name);
}
