// libc++ includes <features.h> on Linux targets (gpu-c++'s host target) to
// tell glibc from other C libraries. libc_gpu is not glibc: __GLIBC__ stays
// undefined. It lives beside libc++'s headers rather than libc_gpu's, where
// it would shadow glibc's own for the libc tests that build our sources
// against glibc.
#ifndef __LIBC_GPU_FEATURES_H
#define __LIBC_GPU_FEATURES_H

#define __LIBC_GPU__ 1

#endif
