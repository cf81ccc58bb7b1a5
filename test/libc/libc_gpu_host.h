/* libc_gpu's functions as the host tests see them: with the libc_gpu_ prefix
 * that host_rename.h gives them, declared with glibc's types (the ABI is the
 * same). */
#ifndef LIBC_GPU_TEST_LIBC_GPU_HOST_H
#define LIBC_GPU_TEST_LIBC_GPU_HOST_H

#include <inttypes.h>
#include <stdarg.h>
#include <stddef.h>
#include <sys/types.h>

int libc_gpu_snprintf(char *out, size_t size, const char *format, ...);
int libc_gpu_vsnprintf(char *out, size_t size, const char *format, va_list args);
int libc_gpu_sprintf(char *out, const char *format, ...);
int libc_gpu_asprintf(char **out, const char *format, ...);

void *libc_gpu_malloc(size_t size);
void libc_gpu_free(void *ptr);
void *libc_gpu_calloc(size_t count, size_t size);
void *libc_gpu_realloc(void *ptr, size_t size);
void *libc_gpu_aligned_alloc(size_t alignment, size_t size);
int libc_gpu_posix_memalign(void **out, size_t alignment, size_t size);
void *libc_gpu_memalign(size_t alignment, size_t size);
size_t libc_gpu_malloc_usable_size(void *ptr);
void __heap_init(char *start, char *end);
size_t __heap_free_bytes(void);

int libc_gpu_atoi(const char *text);
long libc_gpu_atol(const char *text);
long long libc_gpu_atoll(const char *text);
long libc_gpu_strtol(const char *text, char **end, int base);
long long libc_gpu_strtoll(const char *text, char **end, int base);
unsigned long libc_gpu_strtoul(const char *text, char **end, int base);
unsigned long long libc_gpu_strtoull(const char *text, char **end, int base);
intmax_t libc_gpu_strtoimax(const char *text, char **end, int base);
uintmax_t libc_gpu_strtoumax(const char *text, char **end, int base);
void libc_gpu_qsort(void *base, size_t count, size_t size,
                    int (*compare)(const void *, const void *));
void libc_gpu_qsort_r(void *base, size_t count, size_t size,
                      int (*compare)(const void *, const void *, void *), void *context);
void *libc_gpu_bsearch(const void *key, const void *base, size_t count, size_t size,
                       int (*compare)(const void *, const void *));
int libc_gpu_rand(void);
void libc_gpu_srand(unsigned seed);
int libc_gpu_rand_r(unsigned *state);
long libc_gpu_random(void);
void libc_gpu_srandom(unsigned seed);
void *libc_gpu_reallocarray(void *pointer, size_t count, size_t size);
void *libc_gpu_memmem(const void *haystack, size_t haystack_length, const void *needle,
                      size_t needle_length);
void *libc_gpu_mempcpy(void *dst, const void *src, size_t count);
void *libc_gpu_memrchr(const void *haystack, int byte, size_t count);
char *libc_gpu_strsep(char **text, const char *delims);
char *libc_gpu_strcasestr(const char *haystack, const char *needle);
char *libc_gpu_index(const char *text, int ch);
char *libc_gpu_rindex(const char *text, int ch);

void *libc_gpu_memchr(const void *haystack, int byte, size_t count);
int libc_gpu_memcmp(const void *lhs, const void *rhs, size_t count);
void *libc_gpu_memcpy(void *dst, const void *src, size_t count);
void *libc_gpu_memmove(void *dst, const void *src, size_t count);
void *libc_gpu_memset(void *dst, int byte, size_t count);
char *libc_gpu_strcat(char *dst, const char *src);
char *libc_gpu_stpcpy(char *dst, const char *src);
char *libc_gpu_stpncpy(char *dst, const char *src, size_t count);
int libc_gpu_bcmp(const void *lhs, const void *rhs, size_t count);
char *libc_gpu_strchr(const char *text, int ch);
int libc_gpu_strcmp(const char *lhs, const char *rhs);
char *libc_gpu_strcpy(char *dst, const char *src);
size_t libc_gpu_strcspn(const char *text, const char *reject);
char *libc_gpu_strdup(const char *text);
char *libc_gpu_strerror(int error_number);
size_t libc_gpu_strlen(const char *text);
char *libc_gpu_strncat(char *dst, const char *src, size_t count);
int libc_gpu_strncmp(const char *lhs, const char *rhs, size_t count);
char *libc_gpu_strncpy(char *dst, const char *src, size_t count);
char *libc_gpu_strndup(const char *text, size_t max_len);
size_t libc_gpu_strnlen(const char *text, size_t max_len);
char *libc_gpu_strpbrk(const char *text, const char *accept);
char *libc_gpu_strrchr(const char *text, int ch);
size_t libc_gpu_strspn(const char *text, const char *accept);
char *libc_gpu_strstr(const char *haystack, const char *needle);
char *libc_gpu_strtok(char *text, const char *delims);
char *libc_gpu_strtok_r(char *text, const char *delims, char **state);
int libc_gpu_strcasecmp(const char *lhs, const char *rhs);
int libc_gpu_strncasecmp(const char *lhs, const char *rhs, size_t count);

int libc_gpu_isalnum(int ch);
int libc_gpu_isalpha(int ch);
int libc_gpu_isblank(int ch);
int libc_gpu_iscntrl(int ch);
int libc_gpu_isdigit(int ch);
int libc_gpu_isgraph(int ch);
int libc_gpu_islower(int ch);
int libc_gpu_isprint(int ch);
int libc_gpu_ispunct(int ch);
int libc_gpu_isspace(int ch);
int libc_gpu_isupper(int ch);
int libc_gpu_isxdigit(int ch);
int libc_gpu_tolower(int ch);
int libc_gpu_toupper(int ch);

int *libc_gpu___errno_location(void);
#define libc_gpu_errno (*libc_gpu___errno_location())

/* The environment: libc_gpu's own environ, apart from glibc's. */
extern char **libc_gpu_environ;
char *libc_gpu_getenv(const char *name);
int libc_gpu_setenv(const char *name, const char *value, int overwrite);
int libc_gpu_unsetenv(const char *name);
int libc_gpu_putenv(char *entry);

/* Time, with glibc's struct tm, timespec and timeval (the same layouts). */
struct tm;
struct timespec;
struct timeval;
time_t libc_gpu_time(time_t *now);
clock_t libc_gpu_clock(void);
int libc_gpu_clock_gettime(clockid_t clock, struct timespec *now);
int libc_gpu_clock_getres(clockid_t clock, struct timespec *resolution);
int libc_gpu_gettimeofday(struct timeval *now, void *zone);
double libc_gpu_difftime(time_t end, time_t start);
char *libc_gpu_asctime(const struct tm *time);
char *libc_gpu_asctime_r(const struct tm *time, char *out);
char *libc_gpu_ctime(const time_t *seconds);
char *libc_gpu_ctime_r(const time_t *seconds, char *out);
struct tm *libc_gpu_gmtime(const time_t *seconds);
struct tm *libc_gpu_gmtime_r(const time_t *seconds, struct tm *out);
struct tm *libc_gpu_localtime(const time_t *seconds);
struct tm *libc_gpu_localtime_r(const time_t *seconds, struct tm *out);
time_t libc_gpu_mktime(struct tm *time);
time_t libc_gpu_timegm(struct tm *time);

/* libc_gpu's stdio (its FILE is its own). */
typedef struct __libc_gpu_file LIBC_GPU_FILE;
extern LIBC_GPU_FILE *libc_gpu_stdout;
extern LIBC_GPU_FILE *libc_gpu_stderr;
int libc_gpu_printf(const char *format, ...);
int libc_gpu_fprintf(LIBC_GPU_FILE *stream, const char *format, ...);
int libc_gpu_puts(const char *text);
int libc_gpu_fputs(const char *text, LIBC_GPU_FILE *stream);
int libc_gpu_fputc(int ch, LIBC_GPU_FILE *stream);
int libc_gpu_putchar(int ch);
size_t libc_gpu_fwrite(const void *data, size_t size, size_t count, LIBC_GPU_FILE *stream);
int libc_gpu_fflush(LIBC_GPU_FILE *stream);
int libc_gpu_setvbuf(LIBC_GPU_FILE *stream, char *buffer, int mode, size_t size);
void libc_gpu_perror(const char *prefix);
LIBC_GPU_FILE *libc_gpu_fopen(const char *path, const char *mode);
int libc_gpu_fclose(LIBC_GPU_FILE *stream);
size_t libc_gpu_fread(void *data, size_t size, size_t count, LIBC_GPU_FILE *stream);
char *libc_gpu_fgets(char *out, int size, LIBC_GPU_FILE *stream);
int libc_gpu_fgetc(LIBC_GPU_FILE *stream);
int libc_gpu_ungetc(int ch, LIBC_GPU_FILE *stream);
int libc_gpu_fseek(LIBC_GPU_FILE *stream, long offset, int whence);
long libc_gpu_ftell(LIBC_GPU_FILE *stream);
void libc_gpu_rewind(LIBC_GPU_FILE *stream);
int libc_gpu_feof(LIBC_GPU_FILE *stream);
int libc_gpu_ferror(LIBC_GPU_FILE *stream);
void libc_gpu_clearerr(LIBC_GPU_FILE *stream);
extern LIBC_GPU_FILE *libc_gpu_stdin;
int libc_gpu_sscanf(const char *input, const char *format, ...);
int libc_gpu_vsscanf(const char *input, const char *format, va_list args);
int libc_gpu_fscanf(LIBC_GPU_FILE *stream, const char *format, ...);
int libc_gpu_vfscanf(LIBC_GPU_FILE *stream, const char *format, va_list args);
int libc_gpu_scanf(const char *format, ...);
int libc_gpu_vscanf(const char *format, va_list args);
ssize_t libc_gpu_getdelim(char **line, size_t *size, int delimiter, LIBC_GPU_FILE *stream);
ssize_t libc_gpu_getline(char **line, size_t *size, LIBC_GPU_FILE *stream);
/* libc_gpu's fpos_t: the byte offset alone. */
typedef struct {
  off_t offset;
} libc_gpu_fpos_t;
int libc_gpu_fgetpos(LIBC_GPU_FILE *stream, libc_gpu_fpos_t *position);
int libc_gpu_fsetpos(LIBC_GPU_FILE *stream, const libc_gpu_fpos_t *position);
int libc_gpu_dprintf(int fd, const char *format, ...);
int libc_gpu_vdprintf(int fd, const char *format, va_list args);
int libc_gpu_strerror_r(int error_number, char *out, size_t size);
int libc_gpu_isatty(int fd);
long libc_gpu_sysconf(int name);

/* arpa/inet.h and netdb.h, with glibc's structures (the same layouts). */
struct in_addr;
struct in6_addr;
struct addrinfo;
struct sockaddr;
int libc_gpu_inet_pton(int family, const char *text, void *out);
const char *libc_gpu_inet_ntop(int family, const void *address, char *out, unsigned size);
int libc_gpu_inet_aton(const char *text, struct in_addr *out);
uint32_t libc_gpu_inet_addr(const char *text);
char *libc_gpu_inet_ntoa(struct in_addr address);
uint16_t libc_gpu_htons(uint16_t host);
uint32_t libc_gpu_htonl(uint32_t host);
uint16_t libc_gpu_ntohs(uint16_t network);
uint32_t libc_gpu_ntohl(uint32_t network);
extern const struct in6_addr libc_gpu_in6addr_any;
extern const struct in6_addr libc_gpu_in6addr_loopback;
int libc_gpu_getaddrinfo(const char *host, const char *service, const struct addrinfo *hints,
                         struct addrinfo **result);
void libc_gpu_freeaddrinfo(struct addrinfo *list);
const char *libc_gpu_gai_strerror(int code);
int libc_gpu_getnameinfo(const struct sockaddr *address, unsigned length, char *host,
                         unsigned host_size, char *service, unsigned service_size, int flags);

/* math.h: libc_gpu's own functions and LLVM libc's, as the host tests build them. */
double libc_gpu_sqrt(double x);
float libc_gpu_sqrtf(float x);
double libc_gpu_fabs(double x);
float libc_gpu_fabsf(float x);
double libc_gpu_copysign(double x, double y);
float libc_gpu_copysignf(float x, float y);
double libc_gpu_trunc(double x);
float libc_gpu_truncf(float x);
double libc_gpu_floor(double x);
float libc_gpu_floorf(float x);
double libc_gpu_ceil(double x);
float libc_gpu_ceilf(float x);
double libc_gpu_rint(double x);
float libc_gpu_rintf(float x);
double libc_gpu_fmin(double x, double y);
float libc_gpu_fminf(float x, float y);
double libc_gpu_fmax(double x, double y);
float libc_gpu_fmaxf(float x, float y);
double libc_gpu_acos(double x);
double libc_gpu_asin(double x);
double libc_gpu_atan(double x);
double libc_gpu_atan2(double y, double x);
double libc_gpu_cos(double x);
double libc_gpu_sin(double x);
double libc_gpu_tan(double x);
double libc_gpu_acosh(double x);
double libc_gpu_asinh(double x);
double libc_gpu_atanh(double x);
double libc_gpu_cosh(double x);
double libc_gpu_sinh(double x);
double libc_gpu_tanh(double x);
double libc_gpu_exp(double x);
double libc_gpu_exp2(double x);
double libc_gpu_exp10(double x);
double libc_gpu_expm1(double x);
double libc_gpu_log(double x);
double libc_gpu_log10(double x);
double libc_gpu_log1p(double x);
double libc_gpu_log2(double x);
double libc_gpu_cbrt(double x);
double libc_gpu_hypot(double x, double y);
double libc_gpu_pow(double x, double y);
double libc_gpu_fmod(double x, double y);
double libc_gpu_erf(double x);
double libc_gpu_erfc(double x);
double libc_gpu_lgamma(double x);
double libc_gpu_tgamma(double x);
extern int libc_gpu_signgam;
float libc_gpu_acosf(float x);
float libc_gpu_asinf(float x);
float libc_gpu_atanf(float x);
float libc_gpu_atan2f(float y, float x);
float libc_gpu_cosf(float x);
float libc_gpu_sinf(float x);
float libc_gpu_tanf(float x);
float libc_gpu_acoshf(float x);
float libc_gpu_asinhf(float x);
float libc_gpu_atanhf(float x);
float libc_gpu_coshf(float x);
float libc_gpu_sinhf(float x);
float libc_gpu_tanhf(float x);
float libc_gpu_expf(float x);
float libc_gpu_exp2f(float x);
float libc_gpu_exp10f(float x);
float libc_gpu_expm1f(float x);
float libc_gpu_logf(float x);
float libc_gpu_log10f(float x);
float libc_gpu_log1pf(float x);
float libc_gpu_log2f(float x);
float libc_gpu_cbrtf(float x);
float libc_gpu_erff(float x);
float libc_gpu_erfcf(float x);
float libc_gpu_lgammaf(float x);
float libc_gpu_tgammaf(float x);
float libc_gpu_hypotf(float x, float y);
float libc_gpu_powf(float x, float y);

/* getopt.h and unistd.h's getopt, with glibc's struct option (the same
 * layout); libc_gpu's own state and globals. */
struct option;
extern char *libc_gpu_optarg;
extern int libc_gpu_optind, libc_gpu_opterr, libc_gpu_optopt;
int libc_gpu_getopt(int argc, char *const argv[], const char *optstring);
int libc_gpu_getopt_long(int argc, char *const argv[], const char *optstring,
                         const struct option *longopts, int *longindex);
int libc_gpu_getopt_long_only(int argc, char *const argv[], const char *optstring,
                              const struct option *longopts, int *longindex);
int libc_gpu_getsubopt(char **options, char *const *tokens, char **value);
char *libc_gpu_strptime(const char *text, const char *format, struct tm *out);
char *libc_gpu_strsignal(int signal_number);
const char *libc_gpu_sigabbrev_np(int signal_number);
const char *libc_gpu_sigdescr_np(int signal_number);
const char *libc_gpu_strerrordesc_np(int error_number);
const char *libc_gpu_strerrorname_np(int error_number);
char *libc_gpu_dirname(char *path);
char *libc_gpu___xpg_basename(char *path);
char *libc_gpu_basename(const char *path);
int libc_gpu_wcwidth(wchar_t wide);
int libc_gpu_mbtowc(wchar_t *out, const char *text, size_t size);
size_t libc_gpu___ctype_get_mb_cur_max(void);
int libc_gpu_clearenv(void);
int libc_gpu_fnmatch(const char *pattern, const char *text, int flags);

/* regex.h. libc_gpu's regex_t is not glibc's: here as libc_gpu/include/
 * regex.h has it. Its regmatch_t has glibc's layout (two ints). The flags and
 * codes are glibc's values. */
typedef struct {
  void *program;
  size_t re_nsub;
  int cflags;
} libc_gpu_regex_t;
typedef struct {
  int rm_so, rm_eo;
} libc_gpu_regmatch_t;
int libc_gpu_regcomp(libc_gpu_regex_t *preg, const char *pattern, int cflags);
int libc_gpu_regexec(const libc_gpu_regex_t *preg, const char *string, size_t nmatch,
                     libc_gpu_regmatch_t *pmatch, int eflags);
size_t libc_gpu_regerror(int errcode, const libc_gpu_regex_t *preg, char *errbuf,
                         size_t errbuf_size);
void libc_gpu_regfree(libc_gpu_regex_t *preg);

#endif
