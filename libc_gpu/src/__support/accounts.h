/* The VM's user and group databases: /etc/passwd and /etc/group as the VM
 * sees them (its root, then the shared data set), or, without the file,
 * the two entries every Linux system has. One reader at a time per
 * database, in static storage, as glibc's non-_r calls. */
#ifndef __LIBC_GPU_SUPPORT_ACCOUNTS_H
#define __LIBC_GPU_SUPPORT_ACCOUNTS_H

#include <grp.h>
#include <pwd.h>

#define __ACCOUNTS_MAX_MEMBERS 64

/* Walks from the first entry: rewind (or nothing: a walk starts itself),
 * then next until NULL. */
void __passwd_rewind(void);
struct passwd *__passwd_next(void);
void __group_rewind(void);
struct group *__group_next(void);
/* Closes what the walks opened. */
void __accounts_close(void);

/* The _r calls' answer: FOUND (NULL: no such entry) copied into OUT and
 * BUFFER, *RESULT set to OUT or NULL; 0, or ERANGE when BUFFER is short. */
int __passwd_result(const struct passwd *found, struct passwd *out, char *buffer, size_t size,
                    struct passwd **result);
int __group_result(const struct group *found, struct group *out, char *buffer, size_t size,
                   struct group **result);

#endif
