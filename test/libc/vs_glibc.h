/* The parts of the libc_gpu-against-glibc test. */
#ifndef LIBC_GPU_TEST_VS_GLIBC_H
#define LIBC_GPU_TEST_VS_GLIBC_H

void format_vs_glibc(void);
void strto_vs_glibc(void);
void string_vs_glibc(void);
void math_vs_glibc(void);
void stdio_vs_glibc(void);
void time_vs_glibc(void);
void env_vs_glibc(void);
void scanf_vs_glibc(void);
void posix_vs_glibc(void);
void getopt_vs_glibc(void);
void misc_vs_glibc(void);
void regex_vs_glibc(void);

#endif
