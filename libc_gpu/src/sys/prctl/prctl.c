#include <errno.h>
#include <stdarg.h>
#include <string.h>
#include <sys/prctl.h>

#define NAME_BYTES 16

static struct {
  char name[NAME_BYTES];
  int death_signal, dumpable_cleared, no_new_privileges;
} process = {"vm", 0, 0, 0};

int prctl(int option, ...) {
  va_list args;
  va_start(args, option);
  unsigned long value = va_arg(args, unsigned long);
  va_end(args);
  switch (option) {
  case PR_SET_NAME:
    strncpy(process.name, (const char *)value, NAME_BYTES - 1);
    process.name[NAME_BYTES - 1] = '\0';
    return 0;
  case PR_GET_NAME:
    memcpy((char *)value, process.name, NAME_BYTES);
    return 0;
  case PR_SET_PDEATHSIG:
    if (value > 64)
      break;
    process.death_signal = (int)value; /* the runtime never dies first: never sent */
    return 0;
  case PR_GET_PDEATHSIG:
    *(int *)value = process.death_signal;
    return 0;
  case PR_SET_DUMPABLE:
    if (value > 1)
      break;
    process.dumpable_cleared = value == 0;
    return 0;
  case PR_GET_DUMPABLE:
    return !process.dumpable_cleared;
  case PR_SET_NO_NEW_PRIVS:
    if (value != 1)
      break; /* it cannot be unset */
    process.no_new_privileges = 1;
    return 0;
  case PR_GET_NO_NEW_PRIVS:
    return process.no_new_privileges;
  }
  errno = EINVAL;
  return -1;
}
