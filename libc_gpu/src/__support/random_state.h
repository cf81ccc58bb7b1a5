/* The generator behind rand and srand: glibc's default random() (additive
 * feedback over 31 words), so that srand(s) gives the sequence it gives on
 * Linux. The state is a plain global: per VM. */
#ifndef LIBC_GPU_SUPPORT_RANDOM_STATE_H
#define LIBC_GPU_SUPPORT_RANDOM_STATE_H

void __random_seed(unsigned seed);
int __random_next(void);

#endif
