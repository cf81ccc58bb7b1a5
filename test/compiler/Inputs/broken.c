// A compile error the user must see with its file and line.

int f(void) {
  return undeclared_thing;
}
