/* mkstemp and its kin: the XXXXXX pattern filled with random letters until
 * a name is free. */
#ifndef LIBC_GPU_SUPPORT_TEMPORARY_NAME_H
#define LIBC_GPU_SUPPORT_TEMPORARY_NAME_H

/* The pattern's last `suffix` bytes are kept and the six before them must
 * be "XXXXXX" (EINVAL otherwise). open_flags: extra O_* for a file, or -1
 * to make a directory. Returns the fd (0 for a directory), or -1 with errno
 * (EEXIST once every try found the name taken). */
int __temporary_name(char *pattern, int suffix, int open_flags);

#endif
