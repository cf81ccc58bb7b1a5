/* The pthread types, shared by <sys/types.h> and <pthread.h>. Sizes are
 * glibc's on x86-64, so structures that embed them keep Linux's layout. A VM
 * has one thread, so a mutex needs no atomic word: only who holds it and how
 * often. */
#ifndef __LIBC_GPU_PTHREAD_TYPES_H
#define __LIBC_GPU_PTHREAD_TYPES_H

typedef unsigned long pthread_t;
typedef unsigned int pthread_key_t;
typedef int pthread_once_t;

typedef struct {
  int __detach_state;
  int __scope;
  unsigned long __stack_size;
  unsigned long __guard_size;
  int __sched_policy;
  int __sched_priority;
  long __reserved[3];
} pthread_attr_t;

typedef struct {
  unsigned char __type;
  unsigned char __pshared;
  unsigned char __protocol;
  unsigned char __robust;
} pthread_mutexattr_t;

typedef struct {
  int __type;
  unsigned int __depth; /* 0: unlocked; more than 1 only for a recursive mutex */
  long __reserved[4];
} pthread_mutex_t;

typedef struct {
  unsigned short __clock;
  unsigned short __pshared;
} pthread_condattr_t;

typedef struct {
  int __clock;
  int __pshared;
  long __reserved[5];
} pthread_cond_t;

#endif
