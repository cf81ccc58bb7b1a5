// A VM's answers to the system calls servers make at start: prctl keeps
// its name and flags, uname and gethostname describe the VM (its own
// hostname per VM, "vm<id>" or --hostname's with "{vm}" expanded), dlopen and dlsym fail with a dlerror that says why,
// the time zone is UTC, the affinity is one CPU, and syslog writes
// readable lines to the VM's console.
// RUN: %gpucxx --target=host -O1 %s -o %t.img
// RUN: %gpuvm run %t.img --vms 2 > %t.out 2> %t.err
// RUN: FileCheck %s < %t.out
// RUN: FileCheck %s --check-prefix=LOG < %t.err
// RUN: %gpuvm run %t.img --vms 1200 --hostname 'edge-{vm}.{vm}.example' > %t.named
// RUN: FileCheck %s --check-prefix=NAMED < %t.named
// NAMED-DAG: [vm 0] uname: Linux edge-0.0.example 6.1.0-gpuvm x86_64; hostname edge-0.0.example,
// NAMED-DAG: [vm 1199] uname: Linux edge-1199.1199.example 6.1.0-gpuvm x86_64; hostname edge-1199.1199.example,
// NAMED-DAG: [vm 1] sethostname: 0 -> edge-1, as nobody -1 EPERM
// RUN: grep -c 'uname: Linux edge-' %t.named | grep -qx 1200
// CHECK-DAG: [vm 0] prctl: name "worker-0" (long names cut to 15), dumpable 0, no_new_privs 1, unknown -1 EINVAL
// CHECK-DAG: [vm 0] uname: Linux vm0 6.1.0-gpuvm x86_64; hostname vm0, short buffer -1 ENAMETOOLONG
// CHECK-DAG: [vm 1] uname: Linux vm1 6.1.0-gpuvm x86_64; hostname vm1, short buffer -1 ENAMETOOLONG
// CHECK-DAG: [vm 1] sethostname: 0 -> edge-1, as nobody -1 EPERM
// CHECK-DAG: [vm {{[01]}}] dlopen: null; dlerror: dlopen libssl.so.3: gpuvm images are linked statically; nothing can be loaded or looked up at run time; again: (null)
// CHECK-DAG: [vm {{[01]}}] dlsym: null, dladdr 0
// CHECK-DAG: [vm {{[01]}}] tz: UTC UTC 0 0
// CHECK-DAG: [vm {{[01]}}] affinity: count 1, cpu0 1; set {0} 0, set {1} -1 EINVAL, yield 0
// LOG-DAG: [vm 0] kvd[1]: err: cannot bind: Address already in use
// LOG-DAG: [vm 0] kvd[1]: info: 3 workers
// LOG-DAG: [vm 1] vm: warning: plain, 100%
// LOG-NOT: debug: hidden
#include <dlfcn.h>
#include <errno.h>
#include <gpuvm.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/utsname.h>
#include <syslog.h>
#include <time.h>
#include <unistd.h>

static const char *error_name(int error) {
  return error == EINVAL         ? "EINVAL"
         : error == EPERM        ? "EPERM"
         : error == ENAMETOOLONG ? "ENAMETOOLONG"
                                 : strerror(error);
}

int main(void) {
  unsigned vm = gpuvm_vm_id();
  if (vm == 0) {
    char name[16];
    prctl(PR_SET_NAME, "worker-0-with-a-long-name");
    prctl(PR_GET_NAME, name);
    prctl(PR_SET_DUMPABLE, 0);
    prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
    int unknown = prctl(9999, 0), unknown_error = errno;
    printf("prctl: name \"%.8s\" (long names cut to %zu), dumpable %d, no_new_privs %d, unknown "
           "%d %s\n",
           name, strlen(name), prctl(PR_GET_DUMPABLE), prctl(PR_GET_NO_NEW_PRIVS), unknown,
           error_name(unknown_error));
  }

  struct utsname system;
  uname(&system);
  char host[64], tiny[3];
  gethostname(host, sizeof host);
  int short_buffer = gethostname(tiny, sizeof tiny), short_error = errno;
  printf("uname: %s %s %s %s; hostname %s, short buffer %d %s\n", system.sysname, system.nodename,
         system.release, system.machine, host, short_buffer, error_name(short_error));
  if (vm == 1) {
    int set = sethostname("edge-1", 6);
    gethostname(host, sizeof host);
    setuid(65534);
    int refused = sethostname("x", 1), refused_error = errno;
    printf("sethostname: %d -> %s, as nobody %d %s\n", set, host, refused,
           error_name(refused_error));
  }

  void *library = dlopen("libssl.so.3", RTLD_NOW);
  const char *why = dlerror();
  printf("dlopen: %s; dlerror: %s; again: %s\n", library ? "handle" : "null", why,
         dlerror() ? "a message" : "(null)");
  Dl_info info;
  printf("dlsym: %s, dladdr %d\n", dlsym(RTLD_DEFAULT, "main") ? "found" : "null",
         dladdr((void *)main, &info));

  tzset();
  printf("tz: %s %s %ld %d\n", tzname[0], tzname[1], timezone, daylight);

  cpu_set_t cpus;
  sched_getaffinity(0, sizeof cpus, &cpus);
  int count = CPU_COUNT(&cpus), first = CPU_ISSET(0, &cpus);
  CPU_ZERO(&cpus);
  CPU_SET(0, &cpus);
  int set0 = sched_setaffinity(0, sizeof cpus, &cpus);
  CPU_ZERO(&cpus);
  CPU_SET(1, &cpus);
  int set1 = sched_setaffinity(0, sizeof cpus, &cpus), set1_error = errno;
  printf("affinity: count %d, cpu0 %d; set {0} %d, set {1} %d %s, yield %d\n", count, first, set0,
         set1, error_name(set1_error), sched_yield());

  if (vm == 0) {
    openlog("kvd", LOG_PID, LOG_DAEMON);
    errno = EADDRINUSE;
    syslog(LOG_ERR, "cannot bind: %m");
    setlogmask(LOG_UPTO(LOG_INFO));
    syslog(LOG_INFO, "%d workers", 3);
    syslog(LOG_DEBUG, "hidden");
    closelog();
  } else {
    syslog(LOG_WARNING, "plain, 100%%");
  }
  return 0;
}
