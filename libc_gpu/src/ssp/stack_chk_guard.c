#include <stdint.h>

/* The canary that code built with -fstack-protector compares on targets whose
 * guard is a global (x86-64 reads %fs:0x28 instead). A plain global: per VM,
 * drawn by __libc_start_main before any constructor runs. */
uintptr_t __stack_chk_guard;
