#include <netdb.h>
#include <stdlib.h>

void freeaddrinfo(struct addrinfo *list) {
  /* getaddrinfo makes each entry (its address and name too) one block. */
  while (list) {
    struct addrinfo *next = list->ai_next;
    free(list);
    list = next;
  }
}
