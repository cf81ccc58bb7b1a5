#include "accounts.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One walk per database: the file (or the built-in lines), the line being
 * read, and the entry parsed from it. */
struct walk {
  const char *path;
  const char *const *fallback;
  FILE *file;
  int open; /* rewound and not closed since */
  int next_fallback;
  int missing;
  char line[1024];
};

static const char *const PASSWD_FALLBACK[] = {"root:x:0:0:root:/root:/bin/sh",
                                              "nobody:x:65534:65534:nobody:/nonexistent:"
                                              "/usr/sbin/nologin",
                                              NULL};
static const char *const GROUP_FALLBACK[] = {"root:x:0:", "nogroup:x:65534:", NULL};

static struct walk users = {"/etc/passwd", PASSWD_FALLBACK, NULL, 0, 0, 0, {0}};
static struct walk groups = {"/etc/group", GROUP_FALLBACK, NULL, 0, 0, 0, {0}};

static void rewind_walk(struct walk *w) {
  if (w->file)
    fclose(w->file);
  w->file = fopen(w->path, "r");
  w->missing = w->file == NULL;
  w->next_fallback = 0;
  w->open = 1;
}

/* The next line with its newline cut, or NULL at the end. */
static char *next_line(struct walk *w) {
  if (!w->open)
    rewind_walk(w); /* a walk starts itself, and again after a close */
  if (w->missing) {
    const char *line = w->fallback[w->next_fallback];
    if (!line)
      return NULL;
    ++w->next_fallback;
    strncpy(w->line, line, sizeof w->line - 1);
    return w->line;
  }
  while (fgets(w->line, sizeof w->line, w->file)) {
    size_t n = strlen(w->line);
    if (n && w->line[n - 1] == '\n')
      w->line[--n] = '\0';
    if (n && w->line[0] != '#')
      return w->line;
  }
  return NULL;
}

/* Splits LINE at ':' into up to MAX fields; how many it found. */
static int split(char *line, char **fields, int max) {
  int n = 0;
  fields[n++] = line;
  for (char *c = line; *c && n < max; ++c)
    if (*c == ':') {
      *c = '\0';
      fields[n++] = c + 1;
    }
  return n;
}

static int parse_id(const char *text, unsigned *out) {
  char *end;
  unsigned long v = strtoul(text, &end, 10);
  if (!*text || *end || v > 0xfffffffful)
    return -1;
  *out = (unsigned)v;
  return 0;
}

void __passwd_rewind(void) {
  rewind_walk(&users);
}

struct passwd *__passwd_next(void) {
  static struct passwd entry;
  char *line;
  while ((line = next_line(&users))) {
    char *f[7];
    unsigned uid, gid;
    if (split(line, f, 7) != 7 || parse_id(f[2], &uid) || parse_id(f[3], &gid))
      continue; /* a malformed line is skipped, as glibc skips it */
    entry = (struct passwd){f[0], f[1], uid, gid, f[4], f[5], f[6]};
    return &entry;
  }
  return NULL;
}

void __group_rewind(void) {
  rewind_walk(&groups);
}

struct group *__group_next(void) {
  static struct group entry;
  static char *members[__ACCOUNTS_MAX_MEMBERS + 1];
  char *line;
  while ((line = next_line(&groups))) {
    char *f[4];
    unsigned gid;
    if (split(line, f, 4) != 4 || parse_id(f[2], &gid))
      continue;
    int n = 0;
    for (char *member = f[3]; *member && n < __ACCOUNTS_MAX_MEMBERS;) {
      members[n++] = member;
      char *comma = strchr(member, ',');
      if (!comma)
        break;
      *comma = '\0';
      member = comma + 1;
    }
    members[n] = NULL;
    entry = (struct group){f[0], f[1], gid, members};
    return &entry;
  }
  return NULL;
}

void __accounts_close(void) {
  for (struct walk *w = &users; w; w = w == &users ? &groups : NULL) {
    if (w->file)
      fclose(w->file);
    w->file = NULL;
    w->open = 0;
  }
}

/* Copies TEXT into the buffer at *at; NULL when it does not fit. */
static char *keep(const char *text, char **at, size_t *left) {
  size_t n = strlen(text) + 1;
  if (n > *left)
    return NULL;
  char *copy = memcpy(*at, text, n);
  *at += n;
  *left -= n;
  return copy;
}

static int passwd_copy(const struct passwd *entry, struct passwd *out, char *buffer, size_t size) {
  char *at = buffer;
  size_t left = size;
  *out = *entry;
  if (!(out->pw_name = keep(entry->pw_name, &at, &left)) ||
      !(out->pw_passwd = keep(entry->pw_passwd, &at, &left)) ||
      !(out->pw_gecos = keep(entry->pw_gecos, &at, &left)) ||
      !(out->pw_dir = keep(entry->pw_dir, &at, &left)) ||
      !(out->pw_shell = keep(entry->pw_shell, &at, &left)))
    return ERANGE;
  return 0;
}

static int group_copy(const struct group *entry, struct group *out, char *buffer, size_t size) {
  size_t members = 0;
  while (entry->gr_mem[members])
    ++members;
  /* the member pointers first, aligned, then the strings */
  size_t pointers = (members + 1) * sizeof(char *);
  size_t skew = (size_t)(-(uintptr_t)buffer) & (sizeof(char *) - 1);
  if (size < skew + pointers)
    return ERANGE;
  char **list = (char **)(void *)(buffer + skew);
  char *at = buffer + skew + pointers;
  size_t left = size - skew - pointers;
  *out = *entry;
  out->gr_mem = list;
  if (!(out->gr_name = keep(entry->gr_name, &at, &left)) ||
      !(out->gr_passwd = keep(entry->gr_passwd, &at, &left)))
    return ERANGE;
  for (size_t i = 0; i < members; ++i)
    if (!(list[i] = keep(entry->gr_mem[i], &at, &left)))
      return ERANGE;
  list[members] = NULL;
  return 0;
}

int __passwd_result(const struct passwd *found, struct passwd *out, char *buffer, size_t size,
                    struct passwd **result) {
  int error = found ? passwd_copy(found, out, buffer, size) : 0;
  *result = found && !error ? out : NULL;
  return error;
}

int __group_result(const struct group *found, struct group *out, char *buffer, size_t size,
                   struct group **result) {
  int error = found ? group_copy(found, out, buffer, size) : 0;
  *result = found && !error ? out : NULL;
  return error;
}
