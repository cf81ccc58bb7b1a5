// Section arrays: entries the program scatters over its files into one
// named section, walked from __start_NAME to __stop_NAME (registration
// tables, plugin lists), constant and mutable, of several alignments.
// RUN: %S/Inputs/vs-native %t %s %S/Inputs/more-entries.c
#include <stdint.h>
#include <stdio.h>

#include "Inputs/entries.h"

static int run_count;
static int hello(int x) {
  return x + ++run_count;
}
static int twice(int x) {
  return 2 * x;
}
REGISTER(hello, hello, 1);
REGISTER(twice, twice, 2);

/* Mutable counters, each VM its own. */
long counter_a __attribute__((used, section("counters"))) = 100;
long counter_b __attribute__((used, section("counters"))) = 200;
extern long __start_counters[], __stop_counters[];

/* Mixed alignments: a char then a double, placed as a linker places them. */
char small_item __attribute__((used, section("mixed"), aligned(1))) = 'x';
double big_item __attribute__((used, section("mixed"), aligned(8))) = 2.5;
extern char __start_mixed[], __stop_mixed[];

int main(void) {
  int count = 0;
  for (const struct entry *e = __start_entries; e < __stop_entries; ++e, ++count)
    printf("entry %s order %d gives %d\n", e->name, e->order, e->run(10));
  printf("%d entries\n", count);
  for (long *c = __start_counters; c < __stop_counters; ++c)
    *c += 1;
  printf("counters %ld %ld, %d of them\n", counter_a, counter_b,
         (int)(__stop_counters - __start_counters));
  printf("mixed spans %d bytes, big item at offset %d\n", (int)(__stop_mixed - __start_mixed),
         (int)((char *)&big_item - __start_mixed));
  return 0;
}
