#include <unistd.h>

/* The environment, which __libc_start_main points at the block the VM booted
 * with and setenv may move. A plain global: each VM has its own. */
char **environ;
