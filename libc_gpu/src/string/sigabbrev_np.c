#include <string.h>

#include "../__support/signal_message.h"

const char *sigabbrev_np(int signal_number) {
  return __signal_abbreviation(signal_number);
}
