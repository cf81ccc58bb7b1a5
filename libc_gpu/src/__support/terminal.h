/* A VM has no terminal: its console is a stream to the host, as a pipe is.
 * The terminal calls answer as Linux's do for an fd that is not one. */
#ifndef LIBC_GPU_SUPPORT_TERMINAL_H
#define LIBC_GPU_SUPPORT_TERMINAL_H

/* -1 with errno ENOTTY, or EBADF when fd is not open. */
int __not_a_terminal(int fd);

#endif
