/* openlog's settings and setlogmask's mask, for syslog. */
#ifndef __LIBC_GPU_SUPPORT_SYSLOG_STATE_H
#define __LIBC_GPU_SUPPORT_SYSLOG_STATE_H

struct __syslog_state {
  const char *ident; /* NULL: "vm" */
  int options;
  int mask; /* 0: every priority */
};

extern struct __syslog_state __syslog_state;

#endif
