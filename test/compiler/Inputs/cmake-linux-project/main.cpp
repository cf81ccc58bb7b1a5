#include <pthread.h>
#include <sys/epoll.h>
#include <sys/timerfd.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>

int main() {
  int epoll = epoll_create1(0);
  int timer = timerfd_create(CLOCK_MONOTONIC, 0);
  itimerspec soon{};
  soon.it_value.tv_nsec = 1000000;
  timerfd_settime(timer, 0, &soon, nullptr);
  epoll_event event{};
  event.events = EPOLLIN;
  epoll_ctl(epoll, EPOLL_CTL_ADD, timer, &event);
  epoll_event ready{};
  int count = epoll_wait(epoll, &ready, 1, 1000);
  uint64_t expirations = 0;
  read(timer, &expirations, sizeof expirations);
  std::printf("linux paths: epoll saw %d, timer fired %llu\n", count,
              static_cast<unsigned long long>(expirations));
  return 0;
}
