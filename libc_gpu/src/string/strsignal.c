#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "../__support/signal_message.h"

/* glibc's text: the description, "Real-time signal N" counted from
 * SIGRTMIN, or "Unknown signal N". */
char *strsignal(int signal_number) {
  const char *description = __signal_description(signal_number);
  if (description)
    return (char *)description;
  /* A plain global: each VM has its own. */
  static char text[32];
  if (signal_number >= SIGRTMIN && signal_number <= SIGRTMAX)
    snprintf(text, sizeof text, "Real-time signal %d", signal_number - SIGRTMIN);
  else
    snprintf(text, sizeof text, "Unknown signal %d", signal_number);
  return text;
}
