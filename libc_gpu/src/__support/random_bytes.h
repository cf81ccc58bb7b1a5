/* Bytes for arc4random and its kin, from the host's kernel (getrandom).
 * Each fetch is a call to the host, so a small pool is kept and each byte
 * is erased as it is handed out. Plain globals: per VM. */
#ifndef LIBC_GPU_SUPPORT_RANDOM_BYTES_H
#define LIBC_GPU_SUPPORT_RANDOM_BYTES_H

#include <stddef.h>

/* Ends the VM, as glibc's arc4random aborts, when no entropy comes. */
void __random_bytes(void *out, size_t size);

#endif
