/* The strong definitions weak.c's weak ones give way to. */
int replaced = 10;
const char *which(void) {
  return "strong";
}
