/* locale_t, which locale.h and the *_l functions of ctype.h, string.h,
 * stdlib.h and time.h share. Its structure is private to the library. */
#ifndef __LIBC_GPU_LOCALE_T_H
#define __LIBC_GPU_LOCALE_T_H

typedef struct __locale_struct *locale_t;

#endif
