#include <netdb.h>

void endnetgrent(void) {}
