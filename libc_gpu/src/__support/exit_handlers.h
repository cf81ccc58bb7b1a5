/* Functions registered with atexit, __cxa_atexit and __cxa_thread_atexit,
 * run by exit. */
#ifndef LIBC_GPU_SUPPORT_EXIT_HANDLERS_H
#define LIBC_GPU_SUPPORT_EXIT_HANDLERS_H

#ifdef __cplusplus
extern "C" {
#endif

/* Returns 0, or -1 when no memory is left for the record. */
int __exit_handlers_add_plain(void (*handler)(void));
int __exit_handlers_add_with_argument(void (*handler)(void *), void *argument);
/* Destructors of the VM's thread-locals: run before all the others. */
int __exit_handlers_add_thread(void (*handler)(void *), void *argument);

/* Runs and forgets every handler, thread-locals' first, then the newest
 * first, including handlers that handlers register while this runs. */
void __exit_handlers_run(void);

#ifdef __cplusplus
}
#endif

#endif
