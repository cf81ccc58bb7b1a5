// Variable length arrays: sized at run time, in a loop (each round's array
// released before the next), in recursion, as a parameter, two-dimensional,
// under sizeof. On NVPTX they are PTX's alloca on the VM's stack.
// RUN: %S/Inputs/vs-native %t %s
#include <stdio.h>
#include <string.h>

static int sum(int n, const int values[n]) {
  int total = 0;
  for (int i = 0; i < n; ++i)
    total += values[i];
  return total;
}

static int depth(int n) {
  if (n == 0)
    return 0;
  char text[n * 3 + 1];
  memset(text, 'a' + n % 26, sizeof text - 1);
  text[n * 3] = 0;
  return (int)strlen(text) + depth(n - 1);
}

int main(int argc, char **argv) {
  (void)argv;
  int total = 0;
  for (int round = 1; round <= 200; ++round) {
    int n = (round * 37) % 97 + argc;
    int values[n];
    for (int i = 0; i < n; ++i)
      values[i] = i * round;
    total += sum(n, values) % 1000 + (int)(sizeof values / sizeof values[0]);
  }
  int rows = 3 + argc, columns = 5;
  double grid[rows][columns];
  for (int r = 0; r < rows; ++r)
    for (int c = 0; c < columns; ++c)
      grid[r][c] = r * 10 + c;
  printf("total %d, depth %d, corner %.0f, sizeof %zu\n", total, depth(20),
         grid[rows - 1][columns - 1], sizeof grid);
  return 0;
}
