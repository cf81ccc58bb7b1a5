/* Text the light kernel composes itself (crash reasons, backtraces), into a
 * buffer of its own: no printf, whose state lives in the VM's memory. */
#ifndef LIGHTKERNEL_TEXT_H
#define LIGHTKERNEL_TEXT_H

#include <stdint.h>

/* Appends at *out, never past end, and moves *out on. */
void lk_append(char **out, char *end, const char *text);
/* In base 10, or 16 with "0x". */
void lk_append_number(char **out, char *end, uint64_t value, unsigned base);

#endif
