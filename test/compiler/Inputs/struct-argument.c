struct point {
  int x, y;
};

int move_point(struct point point);

int pass_point(void) {
  struct point point = {1, 2};
  int moved = move_point(point);
  return moved + point.x;
}

/* Knows its own address: passed by value, the callee's copy must still
 * point at the caller's variable, not at itself. */
struct link {
  struct link *self;
  int x;
};

int follow(struct link link);

int pass_link(void) {
  struct link link;
  link.self = &link;
  link.x = 1;
  return follow(link);
}
