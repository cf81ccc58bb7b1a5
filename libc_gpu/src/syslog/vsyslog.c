#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <syslog.h>
#include <unistd.h>

#include "../__support/syslog_state.h"

static const char *const LEVELS[] = {"emerg",   "alert",  "crit", "err",
                                     "warning", "notice", "info", "debug"};

void vsyslog(int priority, const char *format, va_list args) {
  int saved = errno;
  if (__syslog_state.mask && !(__syslog_state.mask & LOG_MASK(LOG_PRI(priority))))
    return;
  /* %m first (it names errno as it was at the call), then the rest */
  char expanded[512];
  size_t n = 0;
  for (const char *f = format; *f && n < sizeof expanded - 1; ++f) {
    if (f[0] == '%' && f[1] == 'm') {
      const char *text = strerror(saved);
      size_t length = strlen(text);
      if (length > sizeof expanded - 1 - n)
        length = sizeof expanded - 1 - n;
      memcpy(expanded + n, text, length);
      n += length;
      ++f;
    } else if (f[0] == '%' && f[1] == '%') {
      expanded[n++] = *f++;
      if (n < sizeof expanded - 1)
        expanded[n++] = *f;
    } else {
      expanded[n++] = *f;
    }
  }
  expanded[n] = '\0';
  char line[1024];
  int at = snprintf(line, sizeof line, "%s", __syslog_state.ident ? __syslog_state.ident : "vm");
  if (__syslog_state.options & LOG_PID)
    at += snprintf(line + at, sizeof line - (size_t)at, "[%d]", getpid());
  at += snprintf(line + at, sizeof line - (size_t)at, ": %s: ", LEVELS[LOG_PRI(priority)]);
  if (at < (int)sizeof line)
    vsnprintf(line + at, sizeof line - (size_t)at, expanded, args);
  size_t length = strlen(line);
  if (length && line[length - 1] == '\n')
    line[--length] = '\0';
  fprintf(stderr, "%s\n", line);
  errno = saved;
}
