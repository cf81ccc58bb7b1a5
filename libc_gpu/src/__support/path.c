#include "path.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* A plain global: per VM. NULL while the working directory is the root, so
 * that paths then go to the kernel as they are, without a copy. */
static char *working_directory;

const char *__path_for_kernel(const char *path, char room[KERNEL_PATH_SIZE]) {
  if (!*path) {
    errno = ENOENT;
    return NULL;
  }
  if (*path == '/' || !working_directory)
    return path;
  size_t directory = strlen(working_directory);
  size_t rest = strlen(path);
  if (directory + 1 + rest + 1 > KERNEL_PATH_SIZE) {
    errno = ENAMETOOLONG;
    return NULL;
  }
  memcpy(room, working_directory, directory);
  room[directory] = '/';
  memcpy(room + directory + 1, path, rest + 1);
  return room;
}

const char *__path_working_directory(void) {
  return working_directory ? working_directory : "/";
}

/* Appends the components of `path` to the absolute path out[0, *length),
 * undoing ".." and dropping "." and empty ones. Returns 0, or -1 when the
 * result would not fit in KERNEL_PATH_SIZE bytes with its NUL. */
static int append_components(char *out, size_t *length, const char *path) {
  while (*path) {
    while (*path == '/')
      ++path;
    size_t size = strcspn(path, "/");
    if (size == 2 && path[0] == '.' && path[1] == '.') {
      while (*length && out[*length - 1] != '/')
        --*length;
      if (*length)
        --*length; /* the slash before the dropped component */
    } else if (size && !(size == 1 && path[0] == '.')) {
      if (*length + 1 + size + 1 > KERNEL_PATH_SIZE)
        return -1;
      out[(*length)++] = '/';
      memcpy(out + *length, path, size);
      *length += size;
    }
    path += size;
  }
  return 0;
}

int __path_change_directory(const char *path) {
  char normal[KERNEL_PATH_SIZE];
  size_t length = 0;
  if ((*path != '/' && append_components(normal, &length, __path_working_directory())) ||
      append_components(normal, &length, path)) {
    errno = ENAMETOOLONG;
    return -1;
  }
  if (length == 0) {
    free(working_directory);
    working_directory = NULL;
    return 0;
  }
  normal[length] = '\0';
  char *copy = strdup(normal);
  if (!copy)
    return -1;
  free(working_directory);
  working_directory = copy;
  return 0;
}
