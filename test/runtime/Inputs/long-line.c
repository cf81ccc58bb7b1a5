// A line of 200,000 bytes written 1,000 at a time, then its end: the console
// holds at most 64 KiB of it before cutting. Then a line of exactly 64 KiB,
// which comes out whole.
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(void) {
  char chunk[1000];
  memset(chunk, 'x', sizeof chunk);
  for (int i = 0; i < 200; ++i)
    write(1, chunk, sizeof chunk);
  printf("end\n");
  fflush(stdout);
  for (int i = 0; i < 65; ++i)
    write(1, chunk, sizeof chunk);
  write(1, chunk, 65536 - 65 * sizeof chunk);
  write(1, "\n", 1);
  return 0;
}
