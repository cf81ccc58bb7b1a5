/* Inline assembly that names a global each VM has its own copy of. */
int g_asm;
int main(void) {
  __asm__ volatile("movl $5, g_asm(%%rip)" ::: "memory");
  return g_asm;
}
