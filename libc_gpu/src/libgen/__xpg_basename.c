#include <libgen.h>
#include <string.h>

/* glibc's POSIX basename: the last component, its trailing slashes cut off
 * in place; "." for NULL or "", "/" for a path of slashes only. */
char *__xpg_basename(char *path) {
  if (!path || !*path)
    return (char *)".";
  char *slash = strrchr(path, '/');
  if (!slash)
    return path;
  if (slash[1] != '\0')
    return slash + 1;
  char *end = slash;
  while (end > path && end[-1] == '/')
    --end;
  if (end == path)
    return slash; /* only slashes: the last one, "/" */
  *end = '\0';
  char *start = end;
  while (start > path && start[-1] != '/')
    --start;
  return start;
}
