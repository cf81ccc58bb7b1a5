/* A VM that forges its source address. No socket call can do it, so VM 0
 * calls the kernel's router directly, as a program that reached kernel code
 * could: a UDP datagram to VM 1 "from" VM 2, and the same datagram with its
 * own source. VM 1 listens for 2 s and prints what arrived; the router must
 * have dropped the forgery (counted as drop_spoofed) and passed the other. */
#include "net.h"

#include <gpuvm.h>
#include <sys/time.h>
#include <unistd.h>

struct lk_iovec {
  void *base;
  size_t length;
};
int router_output(const struct lk_iovec *parts, int part_count, uint32_t length);

static void send_from(const char *prefix, unsigned from_vm, const char *text) {
  unsigned char packet[40 + 8 + 64];
  size_t n = strlen(text);
  struct sockaddr_in6 src = vm_address(prefix, from_vm, 0), dst = vm_address(prefix, 1, 9);
  memset(packet, 0, sizeof packet);
  packet[0] = 0x60;
  packet[4] = 0;
  packet[5] = (unsigned char)(8 + n);
  packet[6] = IPPROTO_UDP;
  packet[7] = 64;
  memcpy(packet + 8, &src.sin6_addr, 16);
  memcpy(packet + 24, &dst.sin6_addr, 16);
  unsigned char *udp = packet + 40;
  udp[0] = 0x30, udp[1] = 0x39; /* port 12345 */
  udp[2] = 0, udp[3] = 9;
  udp[5] = (unsigned char)(8 + n);
  memcpy(udp + 8, text, n);
  /* The checksum over the pseudo-header and the datagram. */
  unsigned long sum = 0;
  for (int i = 8; i < 40; i += 2)
    sum += (unsigned)(packet[i] << 8 | packet[i + 1]);
  sum += IPPROTO_UDP + 8 + n;
  for (size_t i = 0; i < 8 + n; i += 2)
    sum += (unsigned)(udp[i] << 8 | (i + 1 < 8 + n ? udp[i + 1] : 0));
  while (sum >> 16)
    sum = (sum & 0xffff) + (sum >> 16);
  udp[6] = (unsigned char)(~sum >> 8), udp[7] = (unsigned char)~sum;
  struct lk_iovec whole = {packet, 40 + 8 + n};
  printf("router_output from vm %u: %d\n", from_vm,
         router_output(&whole, 1, (uint32_t)(40 + 8 + n)));
}

int main(int argc, char **argv) {
  const char *prefix = argc > 1 ? argv[1] : "fd00:6770:766d::";
  if (gpuvm_vm_id() == 1) {
    int fd = socket(AF_INET6, SOCK_DGRAM, 0);
    struct sockaddr_in6 any = vm_address("::", -1, 9);
    struct timeval wait = {2, 0};
    if (fd < 0 || bind(fd, (struct sockaddr *)&any, sizeof any) ||
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &wait, sizeof wait))
      DIE("bind");
    char text[64];
    ssize_t n;
    while ((n = recv(fd, text, sizeof text - 1, 0)) > 0) {
      text[n] = 0;
      printf("vm 1 received: %s\n", text);
    }
    return 0;
  }
  if (gpuvm_vm_id() == 0) {
    usleep(200000); /* VM 1 binds first */
    send_from(prefix, 2, "forged");
    send_from(prefix, 0, "genuine");
  }
  return 0;
}
