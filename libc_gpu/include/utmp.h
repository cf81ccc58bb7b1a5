/* Login records, with glibc's struct utmp (x86-64). A VM has no terminals
 * and keeps no utmp or wtmp file: login and logwtmp record nothing, and
 * logout finds no entry (0). */
#ifndef __LIBC_GPU_UTMP_H
#define __LIBC_GPU_UTMP_H

#include <__libc_gpu/common.h>
#include <__libc_gpu/types.h>
#include <stdint.h>

#define UT_LINESIZE 32
#define UT_NAMESIZE 32
#define UT_HOSTSIZE 256

#define EMPTY 0
#define RUN_LVL 1
#define BOOT_TIME 2
#define NEW_TIME 3
#define OLD_TIME 4
#define INIT_PROCESS 5
#define LOGIN_PROCESS 6
#define USER_PROCESS 7
#define DEAD_PROCESS 8
#define ACCOUNTING 9

struct exit_status {
  short e_termination;
  short e_exit;
};

struct utmp {
  short ut_type;
  pid_t ut_pid;
  char ut_line[UT_LINESIZE];
  char ut_id[4];
  char ut_user[UT_NAMESIZE];
  char ut_host[UT_HOSTSIZE];
  struct exit_status ut_exit;
  int32_t ut_session;
  struct {
    int32_t tv_sec;
    int32_t tv_usec;
  } ut_tv;
  int32_t ut_addr_v6[4];
  char __glibc_reserved[20];
};
#define ut_name ut_user
#define ut_time ut_tv.tv_sec
#define ut_xtime ut_tv.tv_sec
#define ut_addr ut_addr_v6[0]

__LIBC_BEGIN_DECLS

void login(const struct utmp *entry) __LIBC_NOEXCEPT;
int logout(const char *line) __LIBC_NOEXCEPT;
void logwtmp(const char *line, const char *name, const char *host) __LIBC_NOEXCEPT;

__LIBC_END_DECLS

#endif
