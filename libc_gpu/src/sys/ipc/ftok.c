#include <sys/ipc.h>
#include <sys/stat.h>

key_t ftok(const char *path, int project) {
  struct stat status;
  if (stat(path, &status) < 0)
    return (key_t)-1;
  /* glibc's mix of the inode, the device and the project. */
  return (key_t)((status.st_ino & 0xffff) | ((status.st_dev & 0xff) << 16) |
                 ((unsigned)(project & 0xff) << 24));
}
