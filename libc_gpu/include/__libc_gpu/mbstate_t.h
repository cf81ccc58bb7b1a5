/* mbstate_t, for uchar.h (and wchar.h when it comes). */
#ifndef __LIBC_GPU_MBSTATE_T_H
#define __LIBC_GPU_MBSTATE_T_H

typedef struct {
  int __count;
  unsigned __value;
} mbstate_t;

#endif
