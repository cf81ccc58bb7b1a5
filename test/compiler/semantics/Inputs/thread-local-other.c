/* The thread-local thread-local.c reaches by extern. */
__thread int shared_with_other = 100;
int bump_other(void) {
  return ++shared_with_other;
}
