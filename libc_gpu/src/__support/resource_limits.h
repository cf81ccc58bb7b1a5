/* A VM's resource limits: its real capacity, lowered where the program
 * asks. Plain globals: per VM. */
#ifndef LIBC_GPU_SUPPORT_RESOURCE_LIMITS_H
#define LIBC_GPU_SUPPORT_RESOURCE_LIMITS_H

#include <sys/resource.h>

/* The limit in force for `resource` (valid), or NULL for a bad one. */
struct rlimit *__resource_limit(int resource);
/* getrlimit/setrlimit in one: 0 or an errno value. */
int __resource_limit_change(int resource, const struct rlimit *new_limit, struct rlimit *old_limit);

#endif
