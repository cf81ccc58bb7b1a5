/* The registration table section-array.c walks. */
struct entry {
  const char *name;
  int (*run)(int);
  int order;
};
#define REGISTER(id, function, rank)                                                               \
  static const struct entry entry_##id                                                             \
      __attribute__((used, section("entries"))) = {#id, function, rank}
extern const struct entry __start_entries[], __stop_entries[];
