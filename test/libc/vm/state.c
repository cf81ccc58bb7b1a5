// The C library's hidden state belongs to each VM: rand's seed, strtok's
// position, the environment, errno, the locale, gmtime's and strerror's
// buffers and a half-filled stdout buffer. 64 VMs step through the same
// calls with different values, yielding to each other between every step
// (VMs share worker threads on the host backend, so without privacy one VM's
// step would see another's state); each VM must print exactly what glibc's
// build prints when it runs alone with the same VM number.
// RUN: rm -rf %t && mkdir -p %t/logs %t/expected
// RUN: %glibc-cc %s -o %t/glibc.exe
// RUN: for k in $(seq 0 63); do VM_ROLE=role-$k %t/glibc.exe $k > %t/expected/vm-$k.out; done
// RUN: %gpucxx --target=host -O2 %s -o %t/state.img
// RUN: %gpuvm run %t/state.img --vms 64 --env VM_ROLE=role-{vm} --log-dir %t/logs -- {vm} 2>%t/err
// RUN: for k in $(seq 0 63); do diff %t/expected/vm-$k.out %t/logs/vm-$k.out || echo "vm $k differs"; done > %t/diffs
// RUN: FileCheck %s --input-file=%t/diffs --allow-empty --implicit-check-not=differs
// RUN: FileCheck %s --check-prefix=SUMMARY < %t/err
// SUMMARY: 64 exited with status 0
#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#ifdef __gpuvm__
#include <gpuvm.h>
#else
// Alone on Linux there is nobody to yield to.
static void gpuvm_yield(void) {}
#endif

int main(int argc, char **argv) {
  unsigned vm = argc > 1 ? (unsigned)strtoul(argv[1], NULL, 10) : 0;
  // Full buffering: every line below sits in this VM's stdout buffer across
  // the yields, and must come out whole and in order.
  static char buffer[4096];
  setvbuf(stdout, buffer, _IOFBF, sizeof buffer);

  srand(vm * 7 + 1);
  printf("rand:");
  for (int i = 0; i < 6; ++i) {
    gpuvm_yield();
    printf(" %d", rand() % 100000);
  }
  printf("\n");

  char list[64];
  snprintf(list, sizeof list, "a%u,b%u;;c%u,,d%u", vm, vm, vm, vm);
  printf("strtok:");
  for (char *token = strtok(list, ",;"); token; token = strtok(NULL, ",;")) {
    gpuvm_yield();
    printf(" [%s]", token);
  }
  printf("\n");

  char value[32];
  snprintf(value, sizeof value, "value-%u", vm);
  setenv("VM_SETTING", value, 1);
  gpuvm_yield();
  printf("getenv: VM_ROLE=%s VM_SETTING=%s", getenv("VM_ROLE"), getenv("VM_SETTING"));
  if (vm % 2)
    unsetenv("VM_SETTING");
  gpuvm_yield();
  printf(" after unset(odd)=%s\n", getenv("VM_SETTING") ? getenv("VM_SETTING") : "(none)");

  errno = 0;
  strtol("99999999999999999999999", NULL, 10 + vm % 2);
  int range = errno;
  errno = (int)vm + 1000;
  gpuvm_yield();
  printf("errno: %d then %d\n", range, errno);

  const char *name = setlocale(LC_ALL, vm % 3 == 0 ? "C.UTF-8" : vm % 3 == 1 ? "POSIX" : "C");
  gpuvm_yield();
  printf("locale: set %s, now %s, bad name gives %s\n", name, setlocale(LC_ALL, NULL),
         setlocale(LC_ALL, "xx_YY.nowhere") ? "a locale" : "NULL");

  time_t when = (time_t)vm * 86400 * 40 + 3600 * (time_t)vm;
  struct tm *day = gmtime(&when);
  gpuvm_yield();
  char stamp[64];
  strftime(stamp, sizeof stamp, "%Y-%m-%d %H:%M %a %j", day);
  printf("gmtime: %s\n", stamp);

  const char *message = strerror((int)(vm % 40) + 1);
  gpuvm_yield();
  printf("strerror: %s\n", message);
  fflush(stdout);
  return 0;
}
