// thread_local in C++: dynamic initialization, destructors, and their order
// at exit: a VM's thread-locals are destroyed before its statics and atexit
// handlers run, as glibc's exit does for the main thread.
// RUN: %S/Inputs/vs-native %t %s
#include <cstdio>
#include <cstdlib>
#include <string>

static int source() {
  return 4;
}
thread_local int computed = source();
thread_local std::string text = "hello";

struct Noisy {
  const char *name;
  explicit Noisy(const char *n) : name(n) { std::printf("construct %s\n", name); }
  ~Noisy() { std::printf("destroy %s\n", name); }
};

Noisy static_object("static");
thread_local Noisy thread_object("thread_local at namespace scope");

template <typename T> struct Holder { static thread_local T value; };
template <typename T> thread_local T Holder<T>::value = T(7);

static Noisy &local() {
  thread_local Noisy object("thread_local in a function");
  return object;
}

int main() {
  std::atexit([] { std::printf("atexit handler\n"); });
  text += "!";
  Holder<int>::value += 1;
  std::printf("computed %d text %s holder %d local %s thread %s\n", computed, text.c_str(),
              Holder<int>::value, local().name, thread_object.name);
  return 0;
}
