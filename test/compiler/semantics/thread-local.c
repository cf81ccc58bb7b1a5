// Thread-locals in C: a VM is one thread, so each is simply the VM's own
// variable: initialized, written, addressed, shared with another file.
// RUN: %S/Inputs/vs-native %t %s %S/Inputs/thread-local-other.c
#include <stdio.h>

__thread int counter = 9;
_Thread_local int table[4] = {1, 2, 3, 4};
extern __thread int shared_with_other;
int bump_other(void);
static __thread const char *name = "initial";

static int next(void) {
  static __thread int calls;
  return ++calls;
}

int main(void) {
  counter += 1;
  int *where = &table[2];
  *where *= 10;
  name = "changed";
  int a = next(), b = next();
  shared_with_other += 5;
  printf("counter %d table %d %d name %s calls %d %d other %d\n", counter, table[2], *where, name,
         a, b, bump_other());
  return counter;
}
