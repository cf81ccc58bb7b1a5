// The VM's wall clock is calibrated against the host's, its monotonic clock
// and clock() advance across a sleep, gettimeofday, time and clock_gettime
// tell the same time, and the calendar (UTC) takes it apart and back.
// RUN: %gpucxx --target=host %s -o %t.img
// RUN: %gpuvm run %t.img --vms 4 --console raw > %t.out
// RUN: python3 -c "import sys, time; lines = open(r'%t.out').read().split(); stamps = [int(w) for w in lines if w.isdigit()]; sys.exit(0 if len(stamps) == 4 and all(abs(s - time.time()) < 30 for s in stamps) else 1)"
// RUN: grep -c "slept-ok" %t.out | FileCheck %s
// RUN: grep -c "clocks-agree" %t.out | FileCheck %s
// RUN: grep -c "cpu-clock-ok" %t.out | FileCheck %s
// RUN: grep -c "calendar-ok" %t.out | FileCheck %s
// CHECK: 4
#include <stdio.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

static long long us_of(const struct timespec *t) {
  return t->tv_sec * 1000000ll + t->tv_nsec / 1000;
}

int main(void) {
  clock_t cpu_start = clock();
  struct timespec before, after;
  clock_gettime(CLOCK_MONOTONIC, &before);
  usleep(20000);
  clock_gettime(CLOCK_MONOTONIC, &after);
  clock_t cpu_end = clock();
  long long elapsed =
      (after.tv_sec - before.tv_sec) * 1000000000ll + (after.tv_nsec - before.tv_nsec);

  // gettimeofday between two readings of the realtime clock, and time()
  // on the same second or the next.
  struct timespec real_before, real_after;
  struct timeval now;
  struct timezone zone = {60, 1};
  clock_gettime(CLOCK_REALTIME, &real_before);
  int result = gettimeofday(&now, &zone);
  clock_gettime(CLOCK_REALTIME, &real_after);
  time_t seconds = time(NULL);
  long long us = now.tv_sec * 1000000ll + now.tv_usec;
  int agree = result == 0 && now.tv_usec >= 0 && now.tv_usec < 1000000 &&
              us_of(&real_before) <= us && us <= us_of(&real_after) && seconds >= now.tv_sec &&
              seconds - now.tv_sec <= 1 && zone.tz_minuteswest == 0 && zone.tz_dsttime == 0;

  struct tm utc, local;
  struct tm *shared = gmtime(&seconds);
  int calendar = gmtime_r(&seconds, &utc) && localtime_r(&seconds, &local) &&
                 shared->tm_sec == utc.tm_sec && utc.tm_year >= 124 &&
                 local.tm_hour == utc.tm_hour && timegm(&utc) == seconds &&
                 mktime(&local) == seconds;

  printf("%lld\n%s\n%s\n%s\n%s\n", (long long)time(NULL),
         elapsed >= 20000000 ? "slept-ok" : "slept-short",
         agree ? "clocks-agree" : "clocks-disagree",
         cpu_end - cpu_start >= CLOCKS_PER_SEC / 50 ? "cpu-clock-ok" : "cpu-clock-short",
         calendar ? "calendar-ok" : "calendar-wrong");
  return 0;
}
