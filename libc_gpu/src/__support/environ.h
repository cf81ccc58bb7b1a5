/* Changing the VM's environment, behind setenv, unsetenv and putenv. The
 * array the VM booted with, or one the program put in environ, is written in
 * place but never freed or grown: the first entry added moves the
 * environment into an array of the library's own. */
#ifndef LIBC_GPU_SUPPORT_ENVIRON_H
#define LIBC_GPU_SUPPORT_ENVIRON_H

#include <stddef.h>

/* Whether name (length bytes) is one setenv and unsetenv accept: not empty,
 * without '='. Sets errno = EINVAL when not. */
int __env_valid_name(const char *name, size_t *length);

/* Makes entry, "NAME=value" with a name of name_length bytes, the first entry
 * of that name, or appends it. Returns 0, or -1 with errno = ENOMEM and the
 * environment unchanged. */
int __env_put(char *entry, size_t name_length);

/* Removes every entry of that name. */
void __env_remove(const char *name, size_t length);

/* Empties the environment: environ = NULL, and the array the library made,
 * if any, freed (not the entries: getenv may have returned them). */
void __env_clear(void);

/* The first entry of that name, or NULL. */
char **__env_find(const char *name, size_t length);

#endif
