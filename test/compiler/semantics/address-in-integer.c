// Integers that hold addresses of mutable globals, in every shape a static
// initializer allows: each VM sees its own globals' addresses, as a native
// program sees its own.
// RUN: %S/Inputs/vs-native %t %s
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

int g = 1;
int array[8] = {10, 11, 12, 13, 14, 15, 16, 17};
static int hidden = 3;
uintptr_t address_of_g = (uintptr_t)&g;
const uintptr_t constant_address_of_g = (uintptr_t)&g;
intptr_t past_g = (intptr_t)&g + 8;
uintptr_t before_element = (uintptr_t)&array[5] - 8;
uintptr_t element = (uintptr_t)&array[3];
uintptr_t static_one = (uintptr_t)&hidden;
uintptr_t function = (uintptr_t)&puts; /* shared code: the same in every VM */

struct record {
  char tag;
  uintptr_t where;
  short small;
  uintptr_t pair[2];
};
struct record record = {'r', (uintptr_t)&g, 7, {(uintptr_t)&array[1], (uintptr_t)&hidden}};
struct record records[2][2] = {
    {{'a', (uintptr_t)&array[0], 1, {0, 0}}, {'b', 0, 2, {(uintptr_t)&g, 0}}},
    {{'c', (uintptr_t)&record, 3, {0, 0}}, {'d', (uintptr_t)&records[0][1].small, 4, {0, 0}}}};

/* Packed: the address sits at an odd byte offset. */
struct __attribute__((packed)) packed {
  char c;
  uintptr_t where;
} packed = {'p', (uintptr_t)&array[7]};

/* A node that names itself, and a constant that names a mutable one. */
struct node {
  uintptr_t self;
  int value;
} node = {(uintptr_t)&node, 42};
const struct node *const node_pointer = &node;
const uintptr_t node_address = (uintptr_t)&node.value;

static const char *yes(int ok) {
  return ok ? "yes" : "NO";
}

int main(void) {
  printf("address_of_g %s reads %d\n", yes(address_of_g == (uintptr_t)&g), *(int *)address_of_g);
  printf("constant %s\n", yes(constant_address_of_g == (uintptr_t)&g));
  printf("past_g %s\n", yes(past_g == (intptr_t)&g + 8));
  printf("before_element %s reads %d\n", yes(before_element == (uintptr_t)&array[5] - 8),
         *(int *)(before_element + 8));
  printf("element %s reads %d\n", yes(element == (uintptr_t)&array[3]), *(int *)element);
  printf("static %s reads %d\n", yes(static_one == (uintptr_t)&hidden), *(int *)static_one);
  printf("function %s\n", yes(function == (uintptr_t)&puts));
  printf("record %s %s %s\n", yes(record.where == (uintptr_t)&g),
         yes(record.pair[0] == (uintptr_t)&array[1]), yes(record.pair[1] == (uintptr_t)&hidden));
  printf(
      "records %s %s %s %s reads %d\n", yes(records[0][0].where == (uintptr_t)&array[0]),
      yes(records[0][1].pair[0] == (uintptr_t)&g), yes(records[1][0].where == (uintptr_t)&record),
      yes(records[1][1].where == (uintptr_t)&records[0][1].small), *(short *)records[1][1].where);
  uintptr_t packed_where;
  __builtin_memcpy(&packed_where, (char *)&packed + 1, sizeof packed_where);
  printf("packed %s reads %d\n", yes(packed_where == (uintptr_t)&array[7]), *(int *)packed_where);
  printf("node %s %s %s reads %d\n", yes(node.self == (uintptr_t)&node), yes(node_pointer == &node),
         yes(node_address == (uintptr_t)&node.value), *(int *)node_address);
  /* Writing through the integer reaches this VM's own global. */
  *(int *)address_of_g = 5;
  printf("g after the write %d\n", g);
  return g;
}
