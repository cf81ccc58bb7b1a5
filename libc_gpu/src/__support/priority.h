/* The VM's nice value (getpriority/setpriority): recorded, since a VM's
 * thread is not scheduled by priority. */
#ifndef LIBC_GPU_SUPPORT_PRIORITY_H
#define LIBC_GPU_SUPPORT_PRIORITY_H

extern int __priority_nice;

/* 0 when (which, who) names this VM, else the errno value. */
int __priority_check(int which, unsigned who);

#endif
