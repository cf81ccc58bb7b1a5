// The scanf family in 20 VMs, each on a file in its own root: fscanf takes
// the fields a VM wrote and leaves the stream on the character after them,
// vfscanf and sscanf agree, %m allocates from the VM's heap, and scanf on
// the console's stdin meets the end of input at once.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gpucxx --target=host %s -o %t.img
// RUN: %gpuvm run %t.img --vms 20 --root %t/root{vm} --console raw > %t.out
// RUN: sort %t.out | uniq -c | FileCheck %s --implicit-check-not=FAIL
// CHECK: 20 ok
#include <errno.h>
#include <gpuvm.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "Inputs/expect.h"

static int scan(FILE *in, const char *format, ...) {
  va_list args;
  va_start(args, format);
  int result = vfscanf(in, format, args);
  va_end(args);
  return result;
}

int main(void) {
  unsigned k = gpuvm_vm_id();
  FILE *out = fopen("fields.txt", "w");
  EXPECT(out != NULL);
  fprintf(out, "vm %u: %g 0x%x name-%u;rest\n-12e3x", k, k + 0.5, k * 16, k);
  EXPECT(fclose(out) == 0);

  FILE *in = fopen("fields.txt", "r");
  EXPECT(in != NULL);
  unsigned id = 99, hex = 99;
  double half = 0;
  char name[16] = "";
  int consumed = 0;
  EXPECT(fscanf(in, "vm %u: %lf %x %15[^;]%n", &id, &half, &hex, name, &consumed) == 4);
  char expected[16];
  snprintf(expected, sizeof expected, "name-%u", k);
  EXPECT(id == k && half == k + 0.5 && hex == k * 16 && strcmp(name, expected) == 0);
  /* The ';' that ended the set is the stream's next character. */
  EXPECT(ftell(in) == consumed && fgetc(in) == ';');
  char *rest = NULL;
  EXPECT(scan(in, "%ms", &rest) == 1 && rest && strcmp(rest, "rest") == 0);
  free(rest);
  /* "-12e3" is a number; the 'x' after it stays in the stream. */
  float number = 0;
  EXPECT(scan(in, "%f", &number) == 1 && number == -12e3f && fgetc(in) == 'x');
  EXPECT(fscanf(in, "%d", &consumed) == EOF && feof(in));
  EXPECT(fclose(in) == 0);

  int a = 0, b = 0;
  EXPECT(sscanf("7 8", "%d %d", &a, &b) == 2 && a == 7 && b == 8);
  errno = 0;
  EXPECT(scanf("%d", &a) == EOF && feof(stdin));
  if (!failures)
    printf("ok\n");
  return failures != 0;
}
