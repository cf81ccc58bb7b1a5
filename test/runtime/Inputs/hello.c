#include <stdio.h>

int main(void) {
  printf("hello from vm %d\n", 0);
  return 0;
}
