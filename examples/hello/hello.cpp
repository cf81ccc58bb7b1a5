// An ordinary C++ program: a global object built at start-up, a static
// counter, heap memory. Every VM gets its own copy of all of them.
#include <gpuvm.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

namespace {

class Greeter {
public:
  Greeter() : greeted_(0) {}
  int greet(const char *who) {
    ++greeted_;
    printf("hello, %s, from vm %u of %u (greeting #%d)\n", who, gpuvm_vm_id(), gpuvm_vm_count(),
           greeted_);
    return greeted_;
  }

private:
  int greeted_;
};

Greeter greeter; // constructed once per VM

} // namespace

int main(int argc, char **argv) {
  const char *who = argc > 1 ? argv[1] : "world";
  char *copy = static_cast<char *>(malloc(strlen(who) + 1));
  if (!copy)
    return 1;
  strcpy(copy, who);
  int count = greeter.greet(copy);
  free(copy);
  return count == 1 ? 0 : 2;
}
