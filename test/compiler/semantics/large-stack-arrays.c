// Arrays larger than a GPU thread's whole stack, as servers keep on Linux's
// 8 MiB one: a 48 KiB buffer, recursion through 8 KiB frames, a 20 KiB
// array in a function called 500 times (its memory given back each time,
// or the VM's heap would run out), an over-aligned page. On NVPTX they live
// in the light kernel's arena in the VM's heap (compiler/passes/StackArrays.h).
// RUN: %S/Inputs/vs-native %t %s
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static unsigned buffer_sum(unsigned seed) {
  unsigned char buffer[48 << 10];
  for (size_t i = 0; i < sizeof buffer; ++i)
    buffer[i] = (unsigned char)(i * seed);
  unsigned total = 0;
  for (size_t i = 0; i < sizeof buffer; i += 7)
    total += buffer[i];
  return total;
}

static unsigned deep(int depth) {
  char frame[8 << 10];
  memset(frame, 'a' + depth, sizeof frame);
  if (!depth)
    return (unsigned char)frame[100];
  return deep(depth - 1) + (unsigned char)frame[sizeof frame - 1 - depth];
}

__attribute__((noinline)) static unsigned scratch(unsigned round) {
  unsigned words[5 << 10];
  for (unsigned i = 0; i < 5 << 10; ++i)
    words[i] = i ^ round;
  return words[round % (5 << 10)] + words[0];
}

static int aligned_page(void) {
  _Alignas(256) char page[8192];
  memset(page, 1, sizeof page);
  return (uintptr_t)page % 256 == 0 && page[8191] == 1;
}

int main(void) {
  printf("buffer %u\n", buffer_sum(3));
  printf("deep %u\n", deep(12));
  unsigned total = 0;
  for (unsigned round = 0; round < 500; ++round)
    total += scratch(round);
  printf("scratch %u\n", total);
  printf("aligned %d\n", aligned_page());
  return 0;
}
