/* POSIX types shared by several headers; every target is LP64. */
#ifndef __LIBC_GPU_TYPES_H
#define __LIBC_GPU_TYPES_H

typedef long ssize_t;
typedef long off_t;
typedef int pid_t;
typedef unsigned int uid_t;
typedef unsigned int gid_t;
typedef unsigned int mode_t;
typedef unsigned int useconds_t;
typedef long suseconds_t;
typedef __INT64_TYPE__ time_t;
typedef int clockid_t;
typedef long clock_t;

#endif
