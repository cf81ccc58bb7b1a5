/* The names and descriptions of signals, behind strsignal, sigabbrev_np and
 * sigdescr_np. */
#ifndef LIBC_GPU_SUPPORT_SIGNAL_MESSAGE_H
#define LIBC_GPU_SUPPORT_SIGNAL_MESSAGE_H

/* glibc's description of a signal ("Hangup"), or NULL for a number it has
 * none for (0, 32 and 33, the real-time signals, and past them). */
const char *__signal_description(int signal_number);
/* Its name without "SIG" ("HUP"), or NULL likewise. */
const char *__signal_abbreviation(int signal_number);

#endif
