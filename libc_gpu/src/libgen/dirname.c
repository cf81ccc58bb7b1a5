#include <libgen.h>
#include <string.h>

/* glibc's dirname: path cut before its last component, in place; "." when
 * there is no '/', "/" for the root, and "//" kept when the path starts
 * with exactly two slashes, as POSIX allows. */
char *dirname(char *path) {
  static const char dot[] = ".";
  char *slash = path ? strrchr(path, '/') : NULL;
  /* Trailing slashes belong to the last component: look before them. */
  if (slash && slash != path && slash[1] == '\0') {
    char *end = slash;
    while (end != path && end[-1] == '/')
      --end;
    if (end != path)
      slash = memrchr(path, '/', (size_t)(end - path));
  }
  if (!slash)
    return (char *)dot;
  char *end = slash;
  while (end != path && end[-1] == '/')
    --end;
  if (end == path)
    end = slash == path + 1 ? slash + 1 : path + 1;
  *end = '\0';
  return path;
}
