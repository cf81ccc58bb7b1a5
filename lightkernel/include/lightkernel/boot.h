/* Boot of one VM, called by each target's entry point. */
#ifndef LIGHTKERNEL_BOOT_H
#define LIGHTKERNEL_BOOT_H

_Noreturn void lk_boot(void);

/* Where the heap starts once boot has placed the arguments. */
extern char *lk_heap_start;

#endif

/* libc_gpu's start: initializes the C library, runs the image's constructors
 * and calls exit(main(argc, argv, envp)). */
_Noreturn void __libc_start_main(int argc, char **argv, char **envp);
