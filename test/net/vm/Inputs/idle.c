/* Stays in the kernel for argv[1] seconds, so that its stack answers
 * (ping, a closed port) while the test talks to it. */
#include <stdlib.h>
#include <unistd.h>

int main(int argc, char **argv) {
  sleep(argc > 1 ? (unsigned)atoi(argv[1]) : 5);
  return 0;
}
