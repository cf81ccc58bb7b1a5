#include <dirent.h>
#include <errno.h>
#include <fnmatch.h>
#include <glob.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* A growing array of malloc'ed paths. */
struct paths {
  char **items;
  size_t count, capacity;
};

static int add(struct paths *list, char *path) {
  if (!path)
    return -1;
  if (list->count == list->capacity) {
    size_t bigger = list->capacity ? list->capacity * 2 : 8;
    char **grown = realloc(list->items, bigger * sizeof *grown);
    if (!grown) {
      free(path);
      return -1;
    }
    list->items = grown;
    list->capacity = bigger;
  }
  list->items[list->count++] = path;
  return 0;
}

static void drop(struct paths *list) {
  for (size_t i = 0; i < list->count; ++i)
    free(list->items[i]);
  free(list->items);
  *list = (struct paths){0};
}

static char *join(const char *directory, const char *name, size_t name_length) {
  size_t d = strlen(directory);
  int slash = d && directory[d - 1] != '/';
  char *out = malloc(d + slash + name_length + 1);
  if (!out)
    return NULL;
  memcpy(out, directory, d);
  if (slash)
    out[d] = '/';
  memcpy(out + d + slash, name, name_length);
  out[d + slash + name_length] = '\0';
  return out;
}

static int has_magic(const char *part, size_t length, int escapes) {
  for (size_t i = 0; i < length; ++i) {
    if (escapes && part[i] == '\\' && i + 1 < length)
      ++i;
    else if (part[i] == '*' || part[i] == '?' || part[i] == '[')
      return 1;
  }
  return 0;
}

/* A literal component without its backslashes. */
static size_t unescape(char *out, const char *part, size_t length, int escapes) {
  size_t n = 0;
  for (size_t i = 0; i < length; ++i) {
    if (escapes && part[i] == '\\' && i + 1 < length)
      ++i;
    out[n++] = part[i];
  }
  return n;
}

static int compare(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Expands one component over every path found so far: a directory listing
 * matched with fnmatch for a pattern, the name joined as it is otherwise
 * (whether it exists is asked at the end). */
static int expand(struct paths *current, const char *part, size_t length, int last, int flags,
                  int (*error_function)(const char *, int), struct paths *next) {
  int escapes = !(flags & GLOB_NOESCAPE);
  char *component = malloc(length + 1);
  if (!component)
    return GLOB_NOSPACE;
  memcpy(component, part, length);
  component[length] = '\0';
  int result = 0;
  if (!has_magic(part, length, escapes)) {
    size_t n = unescape(component, part, length, escapes);
    for (size_t i = 0; i < current->count && !result; ++i)
      if (add(next, join(current->items[i], component, n)))
        result = GLOB_NOSPACE;
    free(component);
    return result;
  }
  int match_flags = (flags & GLOB_PERIOD ? 0 : FNM_PERIOD) | (escapes ? 0 : FNM_NOESCAPE);
  for (size_t i = 0; i < current->count && !result; ++i) {
    const char *directory = *current->items[i] ? current->items[i] : ".";
    DIR *dir = opendir(directory);
    if (!dir) {
      if ((error_function && error_function(directory, errno)) || (flags & GLOB_ERR))
        result = GLOB_ABORTED;
      continue;
    }
    struct dirent *entry;
    while (!result && (entry = readdir(dir))) {
      if (fnmatch(component, entry->d_name, match_flags) != 0)
        continue;
      char *path = join(current->items[i], entry->d_name, strlen(entry->d_name));
      struct stat status;
      /* Only directories lead further. */
      if (path && !last && (stat(path, &status) != 0 || !S_ISDIR(status.st_mode))) {
        free(path);
        continue;
      }
      if (add(next, path))
        result = GLOB_NOSPACE;
    }
    closedir(dir);
  }
  free(component);
  return result;
}

/* Appends the found paths (and the offsets' NULLs the first time) to
 * `found`, which keeps gl_pathv NULL-terminated. */
static int append(glob_t *found, struct paths *paths, int flags) {
  size_t offsets = flags & GLOB_DOOFFS ? found->gl_offs : 0;
  size_t had = found->gl_pathv ? found->gl_pathc : 0;
  char **grown = realloc(found->gl_pathv, (offsets + had + paths->count + 1) * sizeof *grown);
  if (!grown)
    return GLOB_NOSPACE;
  if (!found->gl_pathv)
    for (size_t i = 0; i < offsets; ++i)
      grown[i] = NULL;
  memcpy(grown + offsets + had, paths->items, paths->count * sizeof *grown);
  grown[offsets + had + paths->count] = NULL;
  found->gl_pathv = grown;
  found->gl_pathc = had + paths->count;
  free(paths->items);
  *paths = (struct paths){0};
  return 0;
}

int glob(const char *restrict pattern, int flags, int (*error_function)(const char *, int),
         glob_t *restrict found) {
  if (flags & (GLOB_BRACE | GLOB_TILDE | GLOB_TILDE_CHECK | GLOB_ALTDIRFUNC))
    return GLOB_NOSYS;
  if (!(flags & GLOB_APPEND)) {
    found->gl_pathc = 0;
    found->gl_pathv = NULL;
    if (!(flags & GLOB_DOOFFS))
      found->gl_offs = 0;
  }
  int escapes = !(flags & GLOB_NOESCAPE);
  size_t pattern_length = strlen(pattern);
  int magic = has_magic(pattern, pattern_length, escapes);
  /* A trailing slash names directories only, each with its slash. */
  int directories_only = pattern_length > 1 && pattern[pattern_length - 1] == '/';
  struct paths current = {0}, next = {0};
  int result = add(&current, strdup(*pattern == '/' ? "/" : "")) ? GLOB_NOSPACE : 0;
  int literal_tail = 0;
  const char *at = pattern;
  while (!result) {
    while (*at == '/')
      ++at;
    if (!*at)
      break;
    size_t length = strcspn(at, "/");
    int last = !at[length + strspn(at + length, "/")];
    literal_tail = !has_magic(at, length, escapes);
    result = expand(&current, at, length, last && !directories_only, flags, error_function, &next);
    drop(&current);
    current = next;
    next = (struct paths){0};
    at += length;
  }
  /* Literal components were joined without looking: keep what exists. */
  size_t kept = 0;
  for (size_t i = 0; !result && i < current.count; ++i) {
    struct stat status;
    char *path = current.items[i];
    if (literal_tail && lstat(path, &status) != 0) {
      free(path);
      continue;
    }
    if (literal_tail && directories_only &&
        (stat(path, &status) != 0 || !S_ISDIR(status.st_mode))) {
      free(path);
      continue;
    }
    if ((directories_only ||
         ((flags & GLOB_MARK) && stat(path, &status) == 0 && S_ISDIR(status.st_mode))) &&
        path[strlen(path) - 1] != '/') {
      char *marked = join(path, "", 0); /* "path/" */
      free(path);
      if (!marked) {
        result = GLOB_NOSPACE;
        continue;
      }
      path = marked;
    }
    current.items[kept++] = path;
  }
  current.count = kept;
  if (!result && !current.count) {
    if ((flags & GLOB_NOCHECK) || ((flags & GLOB_NOMAGIC) && !magic))
      result = add(&current, strdup(pattern)) ? GLOB_NOSPACE : 0;
    else
      result = GLOB_NOMATCH;
  }
  if (!result && !(flags & GLOB_NOSORT))
    qsort(current.items, current.count, sizeof *current.items, compare);
  if (!result)
    result = append(found, &current, flags);
  drop(&current);
  if (!result && magic)
    found->gl_flags = flags | GLOB_MAGCHAR;
  else if (!result)
    found->gl_flags = flags;
  return result;
}
