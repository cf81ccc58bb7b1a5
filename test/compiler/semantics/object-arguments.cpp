// C++ objects passed by value, as the Itanium ABI passes them: the callee
// works on the temporary its caller built, and the caller destroys what the
// callee left. clang's NVPTX ABI passed a bitwise copy instead
// (compiler/passes/ObjectArguments.h): a vector of strings grown in the
// callee had its buffer freed twice, and an object that knows its own
// address found another one. Plain structs stay copies: the caller's
// variable does not change.
// RUN: %S/Inputs/vs-native %t %s
#include <cstdio>
#include <string>
#include <vector>

struct Tracked {
  static const Tracked *last_built;
  int value;
  explicit Tracked(int v) : value(v) { last_built = this; }
  Tracked(const Tracked &other) : value(other.value) { last_built = this; }
  ~Tracked() { std::printf("destroyed %d\n", value); }
};
const Tracked *Tracked::last_built;

struct Point {
  int x, y;
};

__attribute__((noinline)) size_t grow(std::vector<std::string> names, int more) {
  for (int i = 0; i < more; ++i)
    names.push_back("a name long enough to live on the heap, number " + std::to_string(i));
  return names.size();
}

__attribute__((noinline)) void keep(Tracked tracked) {
  std::printf("same object: %s\n", &tracked == Tracked::last_built ? "yes" : "no");
  tracked.value += 100; // what the caller then destroys
}

__attribute__((noinline)) int move_point(Point point) {
  point.x += 10;
  return point.x + point.y;
}

int main() {
  std::vector<std::string> names{"first of the names, long enough for the heap", "second"};
  size_t total = 0;
  for (int round = 0; round < 3; ++round)
    total += grow(names, 5 + round);
  std::printf("grown %zu, still %zu: %s\n", total, names.size(), names[0].c_str());
  keep(Tracked(7));
  Point point{1, 2};
  const int sum = move_point(point);
  std::printf("sum %d, point %d %d\n", sum, point.x, point.y);
  return 0;
}
