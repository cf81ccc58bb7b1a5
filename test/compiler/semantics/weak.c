// Weak references: one nobody defines is null, as the native linker makes
// it, for data and functions alike; a weak definition stands until a strong
// one (Inputs/strong.c) replaces it.
// RUN: %S/Inputs/vs-native %t %s %S/Inputs/strong.c
#include <stdio.h>

extern int missing_data __attribute__((weak));
extern int missing_array[] __attribute__((weak));
extern void missing_function(void) __attribute__((weak));
void also_missing(int);
#pragma weak also_missing

int replaced __attribute__((weak)) = 1;
int kept __attribute__((weak)) = 2;
__attribute__((weak)) const char *which(void) {
  return "weak";
}
__attribute__((weak)) int weak_counter(void) {
  static int calls;
  return ++calls;
}

/* A table that may or may not have its entries. */
static void (*const hooks[])(void) = {missing_function, 0};
int *const maybe = &missing_data;

int main(void) {
  printf("missing data %s, array %s, function %s, pragma %s\n", &missing_data ? "set" : "null",
         missing_array ? "set" : "null", missing_function ? "set" : "null",
         also_missing ? "set" : "null");
  if (missing_function)
    missing_function();
  printf("hooks %s, maybe %s\n", hooks[0] ? "set" : "null", maybe ? "set" : "null");
  printf("replaced %d, kept %d, which %s, counter %d %d\n", replaced, kept, which(), weak_counter(),
         weak_counter());
  return 0;
}
