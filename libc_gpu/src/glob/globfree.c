#include <glob.h>
#include <stdlib.h>

void globfree(glob_t *found) {
  if (!found->gl_pathv)
    return;
  for (size_t i = 0; i < found->gl_pathc; ++i)
    free(found->gl_pathv[found->gl_offs + i]);
  free(found->gl_pathv);
  found->gl_pathv = NULL;
}
