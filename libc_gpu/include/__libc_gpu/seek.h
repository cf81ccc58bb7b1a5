/* lseek and fseek's origins, which stdio.h, unistd.h and fcntl.h all define. */
#ifndef __LIBC_GPU_SEEK_H
#define __LIBC_GPU_SEEK_H

#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2
/* Linux's: the next data at or after the offset, the next hole. */
#define SEEK_DATA 3
#define SEEK_HOLE 4

#endif
