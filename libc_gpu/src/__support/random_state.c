#include "random_state.h"

#include <stdint.h>

#define STATE_WORDS 31
#define FRONT_LAG 3

static struct {
  int32_t words[STATE_WORDS];
  int front;
  int rear;
  int seeded;
} state;

void __random_seed(unsigned seed) {
  /* Park-Miller minimal standard generator fills the words, as glibc's srandom. */
  int32_t word = seed == 0 ? 1 : (int32_t)seed;
  state.words[0] = word;
  for (int i = 1; i < STATE_WORDS; ++i) {
    int32_t high = word / 127773;
    int32_t low = word % 127773;
    word = 16807 * low - 2836 * high;
    if (word < 0)
      word += 2147483647;
    state.words[i] = word;
  }
  state.front = FRONT_LAG;
  state.rear = 0;
  state.seeded = 1;
  for (int i = 0; i < 10 * STATE_WORDS; ++i)
    __random_next();
}

int __random_next(void) {
  if (!state.seeded)
    __random_seed(1);
  uint32_t sum = (uint32_t)state.words[state.front] + (uint32_t)state.words[state.rear];
  state.words[state.front] = (int32_t)sum;
  state.front = (state.front + 1) % STATE_WORDS;
  state.rear = (state.rear + 1) % STATE_WORDS;
  return (int)(sum >> 1);
}
