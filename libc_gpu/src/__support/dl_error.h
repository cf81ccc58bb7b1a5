/* What the dl* calls failed at, for dlerror (cleared when read, as glibc). */
#ifndef __LIBC_GPU_SUPPORT_DL_ERROR_H
#define __LIBC_GPU_SUPPORT_DL_ERROR_H

/* Records why CALL on NAME (may be NULL) failed. */
void __dl_fail(const char *call, const char *name);
/* The message, then nothing until the next failure. */
char *__dl_take_error(void);

#endif
