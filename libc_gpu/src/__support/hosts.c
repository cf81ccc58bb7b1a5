#include "hosts.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "inet_text.h"

static int is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

/* The next blank-separated word of *cursor, NUL-terminated in place; NULL
 * at the end of the line or at a comment. */
static char *next_word(char **cursor) {
  char *p = *cursor;
  while (is_blank(*p))
    ++p;
  if (!*p || *p == '#')
    return NULL;
  char *word = p;
  while (*p && !is_blank(*p) && *p != '#')
    ++p;
  if (*p == '#')
    *p = 0; /* the rest is a comment */
  else if (*p)
    *p++ = 0;
  *cursor = p;
  return word;
}

static void copy_name(char *out, const char *name) {
  size_t length = strlen(name);
  if (length >= HOSTS_NAME_SIZE)
    length = HOSTS_NAME_SIZE - 1;
  memcpy(out, name, length);
  out[length] = 0;
}

/* One line's address: 1 for IPv6, 2 for IPv4, 0 for neither. */
static int line_address(const char *word, uint8_t bytes[16]) {
  if (__inet_parse6(word, bytes))
    return 1;
  if (__inet_parse4(word, bytes))
    return 2;
  return 0;
}

/* Calls visit for each line with an address and at least one name; stops
 * when it returns non-zero. */
static void each_line(const char *path,
                      int (*visit)(void *context, int kind, const uint8_t bytes[16], char *first,
                                   char **rest),
                      void *context) {
  FILE *file = fopen(path, "r");
  if (!file)
    return;
  char *line = NULL;
  size_t size = 0;
  while (getline(&line, &size, file) >= 0) {
    char *cursor = line;
    char *word = next_word(&cursor);
    uint8_t bytes[16];
    int kind = word ? line_address(word, bytes) : 0;
    char *first = kind ? next_word(&cursor) : NULL;
    if (first && visit(context, kind, bytes, first, &cursor))
      break;
  }
  free(line);
  fclose(file);
}

struct by_name {
  const char *name;
  struct __hosts_found *found;
};

static int match_name(void *context, int kind, const uint8_t bytes[16], char *first, char **rest) {
  struct by_name *search = (struct by_name *)context;
  struct __hosts_found *found = search->found;
  int listed = !strcasecmp(first, search->name);
  for (char *alias; !listed && (alias = next_word(rest));)
    listed = !strcasecmp(alias, search->name);
  if (!listed)
    return 0;
  char *canonical = kind == 1 ? found->canonical6 : found->canonical4;
  if (!canonical[0])
    copy_name(canonical, first);
  memcpy(found->addresses[found->count].bytes, bytes, kind == 1 ? 16 : 4);
  found->addresses[found->count].ipv4 = kind == 2;
  return ++found->count == HOSTS_MAX_ADDRESSES;
}

int __hosts_by_name(const char *path, const char *name, struct __hosts_found *found) {
  found->count = 0;
  found->canonical6[0] = found->canonical4[0] = 0;
  struct by_name search = {name, found};
  each_line(path, match_name, &search);
  return found->count;
}

struct by_address {
  const uint8_t *address;
  int kind;
  char *name;
  int found;
};

static int match_address(void *context, int kind, const uint8_t bytes[16], char *first,
                         char **rest) {
  (void)rest;
  struct by_address *search = (struct by_address *)context;
  if (kind != search->kind || memcmp(bytes, search->address, kind == 1 ? 16 : 4))
    return 0;
  copy_name(search->name, first);
  search->found = 1;
  return 1;
}

int __hosts_by_address(const char *path, const uint8_t *address, int ipv4, char *name) {
  struct by_address search = {address, ipv4 ? 2 : 1, name, 0};
  each_line(path, match_address, &search);
  return search.found;
}
