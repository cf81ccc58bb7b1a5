struct point {
  int x, y;
};

int move_point(struct point point);

int pass_point(void) {
  struct point point = {1, 2};
  int moved = move_point(point);
  return moved + point.x;
}
