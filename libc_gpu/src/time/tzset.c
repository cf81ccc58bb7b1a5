#include <time.h>

/* Time in a VM is UTC (localtime is gmtime): there is no zone to read. */
char *tzname[2] = {"UTC", "UTC"};
long timezone = 0;
int daylight = 0;

void tzset(void) {}
