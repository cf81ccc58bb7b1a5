// getservbyname, getservbyport and gethostbyname in a VM answer as glibc's
// does from Debian's /etc/services and /etc/hosts for what both know: the
// same program runs natively and in a VM, outputs diffed. Then, in the VM
// alone: its own /etc/hosts, and a name nobody knows (no DNS).
// RUN: rm -rf %t && mkdir -p %t/native %t/hosts/etc
// RUN: gcc -O1 -Wall -Werror -Wno-comment %s -o %t/linux && %t/linux > %t/expected
// RUN: %gpucxx --target=host -O1 %s -o %t/host.img
// RUN: %gpuvm run %t/host.img --vms 1 --console raw > %t/out
// RUN: diff %t/expected %t/out
// RUN: FileCheck %s < %t/expected
// RUN: printf '10.1.2.3 db db.example\n2001:db8::1 db\n' > %t/hosts/etc/hosts
// RUN: %gpuvm run %t/host.img --vms 1 --root %t/hosts -- vm | FileCheck %s --check-prefix=VM
// CHECK: http/tcp: http port 80 tcp alias www
// CHECK: domain/any: domain port 53 tcp
// CHECK: domain/udp: domain port 53 udp
// CHECK: https by port: https tcp
// CHECK: unknown: NULL, wrong protocol: NULL
// CHECK: numeric: 192.0.2.7 type 2 length 4
// CHECK: localhost: 127.0.0.1
// VM: db: 10.1.2.3 name db
// VM: nosuch.invalid: NULL HOST_NOT_FOUND
#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>

static void service(const char *label, struct servent *s) {
  if (!s) {
    printf("%s: NULL\n", label);
    return;
  }
  printf("%s: %s port %d %s", label, s->s_name, ntohs((unsigned short)s->s_port), s->s_proto);
  if (s->s_aliases[0])
    printf(" alias %s", s->s_aliases[0]);
  printf("\n");
}

static const char *address(struct hostent *h) {
  static char text[INET_ADDRSTRLEN];
  return h ? inet_ntop(AF_INET, h->h_addr_list[0], text, sizeof text) : "NULL";
}

int main(int argc, char **argv) {
  if (argc > 1 && strcmp(argv[1], "vm") == 0) {
    struct hostent *h = gethostbyname("db");
    printf("db: %s name %s\n", address(h), h ? h->h_name : "-");
    h = gethostbyname("nosuch.invalid");
    printf("nosuch.invalid: %s %s\n", address(h),
           h_errno == HOST_NOT_FOUND ? "HOST_NOT_FOUND" : "other");
    return 0;
  }
  service("http/tcp", getservbyname("http", "tcp"));
  service("domain/any", getservbyname("domain", NULL));
  service("domain/udp", getservbyname("domain", "udp"));
  struct servent *s = getservbyport(htons(443), "tcp");
  printf("https by port: %s %s\n", s ? s->s_name : "NULL", s ? s->s_proto : "-");
  printf("unknown: %s, wrong protocol: %s\n",
         getservbyname("no-such-service", NULL) ? "found" : "NULL",
         getservbyname("ssh", "udp") ? "found" : "NULL");
  struct hostent *h = gethostbyname("192.0.2.7");
  printf("numeric: %s type %d length %d\n", address(h), h ? h->h_addrtype : -1,
         h ? h->h_length : -1);
  printf("localhost: %s\n", address(gethostbyname("localhost")));
  return 0;
}
