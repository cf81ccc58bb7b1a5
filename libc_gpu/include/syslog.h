#ifndef __LIBC_GPU_SYSLOG_H
#define __LIBC_GPU_SYSLOG_H

#include <__libc_gpu/common.h>

#include <stdarg.h>

#define LOG_EMERG 0
#define LOG_ALERT 1
#define LOG_CRIT 2
#define LOG_ERR 3
#define LOG_WARNING 4
#define LOG_NOTICE 5
#define LOG_INFO 6
#define LOG_DEBUG 7
#define LOG_PRIMASK 0x07
#define LOG_PRI(p) ((p)&LOG_PRIMASK)
#define LOG_MAKEPRI(facility, priority) ((facility) | (priority))

#define LOG_KERN (0 << 3)
#define LOG_USER (1 << 3)
#define LOG_MAIL (2 << 3)
#define LOG_DAEMON (3 << 3)
#define LOG_AUTH (4 << 3)
#define LOG_SYSLOG (5 << 3)
#define LOG_LPR (6 << 3)
#define LOG_NEWS (7 << 3)
#define LOG_UUCP (8 << 3)
#define LOG_CRON (9 << 3)
#define LOG_AUTHPRIV (10 << 3)
#define LOG_FTP (11 << 3)
#define LOG_LOCAL0 (16 << 3)
#define LOG_LOCAL1 (17 << 3)
#define LOG_LOCAL2 (18 << 3)
#define LOG_LOCAL3 (19 << 3)
#define LOG_LOCAL4 (20 << 3)
#define LOG_LOCAL5 (21 << 3)
#define LOG_LOCAL6 (22 << 3)
#define LOG_LOCAL7 (23 << 3)
#define LOG_FACMASK 0x03f8

#define LOG_MASK(priority) (1 << (priority))
#define LOG_UPTO(priority) ((1 << ((priority) + 1)) - 1)

#define LOG_PID 0x01
#define LOG_CONS 0x02
#define LOG_ODELAY 0x04
#define LOG_NDELAY 0x08
#define LOG_NOWAIT 0x10
#define LOG_PERROR 0x20

__LIBC_BEGIN_DECLS

/* A VM has no syslog daemon: its messages go to its own console (stderr,
 * or its --log-dir file), one line each, "IDENT[PID]: LEVEL: message"
 * (the pid with LOG_PID), %m as strerror(errno). */
void openlog(const char *ident, int option, int facility) __LIBC_NOEXCEPT;
void syslog(int priority, const char *format, ...) __LIBC_NOEXCEPT
    __attribute__((__format__(__printf__, 2, 3)));
void vsyslog(int priority, const char *format, va_list args) __LIBC_NOEXCEPT
    __attribute__((__format__(__printf__, 2, 0)));
void closelog(void) __LIBC_NOEXCEPT;
int setlogmask(int mask) __LIBC_NOEXCEPT;

__LIBC_END_DECLS

#endif
