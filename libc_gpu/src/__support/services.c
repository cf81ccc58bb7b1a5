#include "services.h"

#include <string.h>

#define TCP SERVICE_TCP
#define UDP SERVICE_UDP

/* In port order, as in /etc/services; one service a line. */
/* clang-format off */
static const struct __service services[] = {
    {"echo", 0, 7, TCP | UDP},
    {"discard", "sink", 9, TCP | UDP},
    {"daytime", 0, 13, TCP | UDP},
    {"ftp-data", 0, 20, TCP},
    {"ftp", 0, 21, TCP},
    {"ssh", 0, 22, TCP},
    {"telnet", 0, 23, TCP},
    {"smtp", "mail", 25, TCP},
    {"domain", 0, 53, TCP | UDP},
    {"tftp", 0, 69, UDP},
    {"http", "www", 80, TCP},
    {"pop3", "pop-3", 110, TCP},
    {"ntp", 0, 123, UDP},
    {"imap2", "imap", 143, TCP},
    {"snmp", 0, 161, TCP | UDP},
    {"ldap", 0, 389, TCP | UDP},
    {"https", 0, 443, TCP | UDP},
    {"syslog", 0, 514, UDP},
    {"submission", 0, 587, TCP},
    {"imaps", 0, 993, TCP},
    {"pop3s", 0, 995, TCP},
    {"mysql", 0, 3306, TCP},
    {"sip", 0, 5060, TCP | UDP},
    {"postgresql", "postgres", 5432, TCP},
    {"redis", 0, 6379, TCP},
    {"http-alt", "webcache", 8080, TCP},
};
/* clang-format on */

#define SERVICE_COUNT (sizeof services / sizeof services[0])

const struct __service *__service_by_name(const char *name) {
  for (unsigned i = 0; i < SERVICE_COUNT; ++i)
    if (!strcmp(services[i].name, name) || (services[i].alias && !strcmp(services[i].alias, name)))
      return &services[i];
  return 0;
}

const char *__service_name(unsigned port, int protocol) {
  for (unsigned i = 0; i < SERVICE_COUNT; ++i)
    if (services[i].port == port && (services[i].protocols & protocol))
      return services[i].name;
  return 0;
}
