/* What a VM answers to the calls that would make or replace a process: a
 * VM is one process (no fork, no exec). The call fails with ENOSYS and the
 * VM's console says so once per call name, since a server that forks to
 * daemonize or spawns helpers should learn why from its log. Other
 * facilities a VM lacks (System V IPC, asynchronous I/O, inotify) answer
 * the same way, with their own reason. */
#ifndef __LIBC_GPU_SUPPORT_NO_PROCESS_H
#define __LIBC_GPU_SUPPORT_NO_PROCESS_H

/* -1 with errno ENOSYS, after the note. */
int __no_process(const char *call);

/* -1 with errno ENOSYS, after "gpuvm: CALL: REASON (ENOSYS)" once per call
 * name. */
int __no_facility(const char *call, const char *reason);

#endif
