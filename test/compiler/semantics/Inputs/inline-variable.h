// Defined in every file that includes it, initialized once.
inline int f() {
  return 3;
}
inline int iv = f();
struct Config {
  static inline int limit = f() * 10;
};
template <int N> inline int scaled = f() * N;
int other_sum();
