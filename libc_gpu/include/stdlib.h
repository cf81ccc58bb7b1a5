#ifndef __LIBC_GPU_STDLIB_H
#define __LIBC_GPU_STDLIB_H

#include <__libc_gpu/common.h>
#include <__libc_gpu/locale_t.h>

#define __need_size_t
#define __need_wchar_t
#define __need_NULL
#include <stddef.h>

#define EXIT_SUCCESS 0
#define EXIT_FAILURE 1
#define RAND_MAX 2147483647
/* Every locale here has one-byte characters ("C.UTF-8" is C by another
 * name), so a constant; glibc's macro calls __ctype_get_mb_cur_max. */
#define MB_CUR_MAX ((size_t)1)

__LIBC_BEGIN_DECLS

typedef struct {
  int quot;
  int rem;
} div_t;
typedef struct {
  long quot;
  long rem;
} ldiv_t;
typedef struct {
  long long quot;
  long long rem;
} lldiv_t;

/* Memory: each VM has its own heap inside its own slice. */
void *malloc(size_t size) __LIBC_NOEXCEPT;
void free(void *ptr) __LIBC_NOEXCEPT;
void *calloc(size_t count, size_t size) __LIBC_NOEXCEPT;
void *realloc(void *ptr, size_t size) __LIBC_NOEXCEPT;
void *aligned_alloc(size_t alignment, size_t size) __LIBC_NOEXCEPT;
int posix_memalign(void **out, size_t alignment, size_t size) __LIBC_NOEXCEPT;
void *memalign(size_t alignment, size_t size) __LIBC_NOEXCEPT;
size_t malloc_usable_size(void *ptr) __LIBC_NOEXCEPT;

/* Ending the VM. */
__LIBC_NORETURN void exit(int status);
__LIBC_NORETURN void _Exit(int status) __LIBC_NOEXCEPT;
__LIBC_NORETURN void abort(void) __LIBC_NOEXCEPT;
int atexit(void (*handler)(void)) __LIBC_NOEXCEPT;

char *getenv(const char *name) __LIBC_NOEXCEPT;
/* No shell: system(NULL) is 0, any command -1 with ENOSYS and a note on the
 * VM's console (see fork in unistd.h). */
int system(const char *command) __LIBC_NOEXCEPT;
/* A new file (0600) or directory (0700) named by the template's XXXXXX
 * filled with random letters; EINVAL for a template without them. */
int mkstemp(char *pattern) __LIBC_NOEXCEPT;
int mkostemp(char *pattern, int flags) __LIBC_NOEXCEPT;
int mkstemps(char *pattern, int suffix) __LIBC_NOEXCEPT;
int mkostemps(char *pattern, int suffix, int flags) __LIBC_NOEXCEPT;
char *mkdtemp(char *pattern) __LIBC_NOEXCEPT;
/* The absolute path with every symlink resolved (inside the VM's root),
 * into `resolved` (PATH_MAX bytes) or, when it is NULL, a malloc'ed copy. */
char *realpath(const char *__LIBC_RESTRICT path, char *__LIBC_RESTRICT resolved) __LIBC_NOEXCEPT;
/* The VM's own environment (environ), as glibc changes it: -1 with EINVAL
 * for a NULL or empty name or one with '=', or ENOMEM. Entries that leave
 * the environment are not freed, so what getenv returned stays readable. */
int setenv(const char *name, const char *value, int overwrite) __LIBC_NOEXCEPT;
int unsetenv(const char *name) __LIBC_NOEXCEPT;
/* entry ("NAME=value") itself becomes part of the environment; without '='
 * the variable NAME is removed. */
int putenv(char *entry) __LIBC_NOEXCEPT;
/* Empties the environment (environ = NULL), freeing the array setenv made. */
int clearenv(void) __LIBC_NOEXCEPT;

/* The next "name[=value]" of a comma-separated list, as glibc parses it. */
int getsubopt(char **__LIBC_RESTRICT options, char *const *__LIBC_RESTRICT tokens,
              char **__LIBC_RESTRICT value) __LIBC_NOEXCEPT;

/* Multibyte characters: the C locale's, ASCII bytes (EILSEQ past 0x7f). */
int mbtowc(wchar_t *__LIBC_RESTRICT out, const char *__LIBC_RESTRICT text,
           size_t size) __LIBC_NOEXCEPT;
size_t __ctype_get_mb_cur_max(void) __LIBC_NOEXCEPT;

/* Numbers from text. */
int atoi(const char *text) __LIBC_NOEXCEPT;
long atol(const char *text) __LIBC_NOEXCEPT;
long long atoll(const char *text) __LIBC_NOEXCEPT;
long strtol(const char *__LIBC_RESTRICT text, char **__LIBC_RESTRICT end, int base) __LIBC_NOEXCEPT;
unsigned long strtoul(const char *__LIBC_RESTRICT text, char **__LIBC_RESTRICT end,
                      int base) __LIBC_NOEXCEPT;
long long strtoll(const char *__LIBC_RESTRICT text, char **__LIBC_RESTRICT end,
                  int base) __LIBC_NOEXCEPT;
unsigned long long strtoull(const char *__LIBC_RESTRICT text, char **__LIBC_RESTRICT end,
                            int base) __LIBC_NOEXCEPT;

int abs(int value) __LIBC_NOEXCEPT __attribute__((__const__));
long labs(long value) __LIBC_NOEXCEPT __attribute__((__const__));
long long llabs(long long value) __LIBC_NOEXCEPT __attribute__((__const__));
div_t div(int numerator, int denominator) __LIBC_NOEXCEPT __attribute__((__const__));
ldiv_t ldiv(long numerator, long denominator) __LIBC_NOEXCEPT __attribute__((__const__));
lldiv_t lldiv(long long numerator, long long denominator) __LIBC_NOEXCEPT
    __attribute__((__const__));

/* The comparison callbacks are user code, so these two may propagate whatever it does. */
void qsort(void *base, size_t count, size_t size, int (*compare)(const void *, const void *));
/* GNU's order: the context is the comparison's third argument. */
void qsort_r(void *base, size_t count, size_t size,
             int (*compare)(const void *, const void *, void *), void *context);
void *bsearch(const void *key, const void *base, size_t count, size_t size,
              int (*compare)(const void *, const void *));

/* Pseudo-random numbers; the state is per VM, and every VM starts from seed 1. */
int rand(void) __LIBC_NOEXCEPT;
void srand(unsigned seed) __LIBC_NOEXCEPT;
int rand_r(unsigned *state) __LIBC_NOEXCEPT;
/* glibc's: random and rand share one generator, srandom and srand one seed. */
long random(void) __LIBC_NOEXCEPT;
void srandom(unsigned seed) __LIBC_NOEXCEPT;
/* realloc of count * size bytes; NULL and ENOMEM when that overflows. */
void *reallocarray(void *pointer, size_t count, size_t size) __LIBC_NOEXCEPT;

/* Decimal and hexadecimal floating point, "inf", "nan", correctly rounded
 * like glibc's (ERANGE on overflow and on underflow to zero or subnormal). */
double strtod(const char *__LIBC_RESTRICT text, char **__LIBC_RESTRICT end) __LIBC_NOEXCEPT;
float strtof(const char *__LIBC_RESTRICT text, char **__LIBC_RESTRICT end) __LIBC_NOEXCEPT;
long double strtold(const char *__LIBC_RESTRICT text, char **__LIBC_RESTRICT end) __LIBC_NOEXCEPT;
double atof(const char *text) __LIBC_NOEXCEPT;

/* In a given locale (POSIX), which is always the C locale here. */
double strtod_l(const char *__LIBC_RESTRICT text, char **__LIBC_RESTRICT end,
                locale_t locale) __LIBC_NOEXCEPT;
float strtof_l(const char *__LIBC_RESTRICT text, char **__LIBC_RESTRICT end,
               locale_t locale) __LIBC_NOEXCEPT;
long double strtold_l(const char *__LIBC_RESTRICT text, char **__LIBC_RESTRICT end,
                      locale_t locale) __LIBC_NOEXCEPT;
long long strtoll_l(const char *__LIBC_RESTRICT text, char **__LIBC_RESTRICT end, int base,
                    locale_t locale) __LIBC_NOEXCEPT;
unsigned long long strtoull_l(const char *__LIBC_RESTRICT text, char **__LIBC_RESTRICT end,
                              int base, locale_t locale) __LIBC_NOEXCEPT;

/* Random numbers from the host's kernel (getrandom), as glibc 2.36's;
 * arc4random_uniform has no modulo bias. */
__UINT32_TYPE__ arc4random(void) __LIBC_NOEXCEPT;
void arc4random_buf(void *buffer, size_t size) __LIBC_NOEXCEPT;
__UINT32_TYPE__ arc4random_uniform(__UINT32_TYPE__ bound) __LIBC_NOEXCEPT;

/* A VM is one thread that is running when it asks: 1.0 for each of the
 * (at most 3) averages; no history is kept. */
int getloadavg(double averages[], int count) __LIBC_NOEXCEPT;

__LIBC_END_DECLS

#endif
