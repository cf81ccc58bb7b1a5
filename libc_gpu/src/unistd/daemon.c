#include <fcntl.h>
#include <unistd.h>

/* A VM is already detached (no terminal, no parent waiting): daemon()
 * succeeds without forking, changing to / and sending 0-2 to /dev/null as
 * asked, so that a server that daemonizes by default runs unchanged. */
int daemon(int keep_directory, int keep_console) {
  if (!keep_directory && chdir("/") < 0)
    return -1;
  if (!keep_console) {
    int null = open("/dev/null", O_RDWR);
    if (null < 0)
      return -1;
    for (int fd = 0; fd < 3; ++fd)
      dup2(null, fd);
    if (null > 2)
      close(null);
  }
  return 0;
}
