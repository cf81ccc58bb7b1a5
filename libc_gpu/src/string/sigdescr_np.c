#include <string.h>

#include "../__support/signal_message.h"

const char *sigdescr_np(int signal_number) {
  return __signal_description(signal_number);
}
