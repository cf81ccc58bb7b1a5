/* Capabilities, with the kernel's structures and numbers (Linux 6.1), and
 * capget and capset, which glibc exports with no header of its own. A
 * VM's root is Linux's: while the effective uid is 0 every capability is
 * effective and permitted; other ids have none. capset may drop
 * capabilities (recorded and read back; the VM's checks go by the uid, as
 * they always have) but not gain any (EPERM). Only the VM's own pid is
 * known (ESRCH, EPERM for capset). */
#ifndef __LIBC_GPU_LINUX_CAPABILITY_H
#define __LIBC_GPU_LINUX_CAPABILITY_H

#include <__libc_gpu/common.h>
#include <stdint.h>

#define _LINUX_CAPABILITY_VERSION_1 0x19980330
#define _LINUX_CAPABILITY_U32S_1 1
#define _LINUX_CAPABILITY_VERSION_2 0x20071026
#define _LINUX_CAPABILITY_U32S_2 2
#define _LINUX_CAPABILITY_VERSION_3 0x20080522
#define _LINUX_CAPABILITY_U32S_3 2
#define _LINUX_CAPABILITY_VERSION _LINUX_CAPABILITY_VERSION_1
#define _LINUX_CAPABILITY_U32S _LINUX_CAPABILITY_U32S_1

typedef struct __user_cap_header_struct {
  uint32_t version;
  int pid;
} * cap_user_header_t;

typedef struct __user_cap_data_struct {
  uint32_t effective;
  uint32_t permitted;
  uint32_t inheritable;
} * cap_user_data_t;

#define CAP_CHOWN 0
#define CAP_DAC_OVERRIDE 1
#define CAP_DAC_READ_SEARCH 2
#define CAP_FOWNER 3
#define CAP_FSETID 4
#define CAP_KILL 5
#define CAP_SETGID 6
#define CAP_SETUID 7
#define CAP_SETPCAP 8
#define CAP_LINUX_IMMUTABLE 9
#define CAP_NET_BIND_SERVICE 10
#define CAP_NET_BROADCAST 11
#define CAP_NET_ADMIN 12
#define CAP_NET_RAW 13
#define CAP_IPC_LOCK 14
#define CAP_IPC_OWNER 15
#define CAP_SYS_MODULE 16
#define CAP_SYS_RAWIO 17
#define CAP_SYS_CHROOT 18
#define CAP_SYS_PTRACE 19
#define CAP_SYS_PACCT 20
#define CAP_SYS_ADMIN 21
#define CAP_SYS_BOOT 22
#define CAP_SYS_NICE 23
#define CAP_SYS_RESOURCE 24
#define CAP_SYS_TIME 25
#define CAP_SYS_TTY_CONFIG 26
#define CAP_MKNOD 27
#define CAP_LEASE 28
#define CAP_AUDIT_WRITE 29
#define CAP_AUDIT_CONTROL 30
#define CAP_SETFCAP 31
#define CAP_MAC_OVERRIDE 32
#define CAP_MAC_ADMIN 33
#define CAP_SYSLOG 34
#define CAP_WAKE_ALARM 35
#define CAP_BLOCK_SUSPEND 36
#define CAP_AUDIT_READ 37
#define CAP_PERFMON 38
#define CAP_BPF 39
#define CAP_CHECKPOINT_RESTORE 40
#define CAP_LAST_CAP CAP_CHECKPOINT_RESTORE
#define cap_valid(x) ((x) >= 0 && (x) <= CAP_LAST_CAP)
#define CAP_TO_INDEX(x) ((x) >> 5)
#define CAP_TO_MASK(x) (1u << ((x)&31))

__LIBC_BEGIN_DECLS

/* An unknown version is EINVAL, with the header's version set to
 * _LINUX_CAPABILITY_VERSION_3 (a NULL data pointer asks just that). */
int capget(cap_user_header_t header, cap_user_data_t data) __LIBC_NOEXCEPT;
int capset(cap_user_header_t header, const cap_user_data_t data) __LIBC_NOEXCEPT;

__LIBC_END_DECLS

#endif
