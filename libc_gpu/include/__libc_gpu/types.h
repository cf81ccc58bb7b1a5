/* POSIX types shared by several headers; every target is LP64. */
#ifndef __LIBC_GPU_TYPES_H
#define __LIBC_GPU_TYPES_H

typedef long ssize_t;
/* 64 bits on every target, so file offsets need no _FILE_OFFSET_BITS. */
typedef long off_t;
typedef int pid_t;
typedef unsigned int uid_t;
typedef unsigned int gid_t;
typedef unsigned int mode_t;
typedef unsigned int useconds_t;
typedef long suseconds_t;
typedef __INT64_TYPE__ time_t;
typedef int clockid_t;
/* System V IPC's keys (sys/ipc.h), as glibc's sys/types.h has them. */
typedef int key_t;
/* timer_create's timer: a small number, as glibc's (0, 1, ...). */
typedef void *timer_t;
typedef long clock_t;
/* Linux's widths on x86-64, so that struct stat's numbers fit as on Linux. */
typedef unsigned long dev_t;
typedef unsigned long ino_t;
typedef unsigned long nlink_t;
typedef long blksize_t;
typedef long blkcnt_t;

#endif
