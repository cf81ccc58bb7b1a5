/* The VM's own /etc/hosts, when its root directory has one: lines of an
 * address and its names ("2001:db8::5 www www.example"), '#' comments. Read
 * afresh at each lookup, as glibc does; no cache to hold per VM. */
#ifndef LIBC_GPU_SUPPORT_HOSTS_H
#define LIBC_GPU_SUPPORT_HOSTS_H

#include <stddef.h>
#include <stdint.h>

#define HOSTS_PATH "/etc/hosts"
#define HOSTS_MAX_ADDRESSES 8
#define HOSTS_NAME_SIZE 256

struct __hosts_found {
  int count;
  struct {
    uint8_t bytes[16]; /* IPv6, or IPv4 in the first 4 */
    int ipv4;
  } addresses[HOSTS_MAX_ADDRESSES];
  /* The first name on the first IPv6 line, and on the first IPv4 line. */
  char canonical6[HOSTS_NAME_SIZE];
  char canonical4[HOSTS_NAME_SIZE];
};

/* Every address (up to HOSTS_MAX_ADDRESSES, in file order) of the lines
 * that list `name`, compared without case. Returns found->count; 0 when
 * the file is missing or unreadable. */
int __hosts_by_name(const char *path, const char *name, struct __hosts_found *found);
/* The first name on the first line for the address (4 bytes when ipv4,
 * else 16) into name (HOSTS_NAME_SIZE bytes). Returns 1, or 0 when no line
 * has it. */
int __hosts_by_address(const char *path, const uint8_t *address, int ipv4, char *name);

#endif
