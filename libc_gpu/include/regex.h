/* POSIX regular expressions, glibc's regcomp and regexec in the C locale:
 * the same flags, error codes, syntax (GNU escapes included) and answers.
 * regmatch_t is glibc's (two ints); regex_t is ours, and only re_nsub in it
 * is public. */
#ifndef __LIBC_GPU_REGEX_H
#define __LIBC_GPU_REGEX_H

#include <__libc_gpu/common.h>

#define __need_size_t
#include <stddef.h>

/* regcomp's cflags: glibc's values. */
#define REG_EXTENDED 1
#define REG_ICASE (1 << 1)
#define REG_NEWLINE (1 << 2)
#define REG_NOSUB (1 << 3)

/* regexec's eflags. REG_STARTEND: match string[pmatch[0].rm_so,
 * pmatch[0].rm_eo) only, answering offsets from string. */
#define REG_NOTBOL 1
#define REG_NOTEOL (1 << 1)
#define REG_STARTEND (1 << 2)

/* The answers: glibc's numbers. */
#define REG_ENOSYS (-1)
#define REG_NOERROR 0
#define REG_NOMATCH 1
#define REG_BADPAT 2
#define REG_ECOLLATE 3
#define REG_ECTYPE 4
#define REG_EESCAPE 5
#define REG_ESUBREG 6
#define REG_EBRACK 7
#define REG_EPAREN 8
#define REG_EBRACE 9
#define REG_BADBR 10
#define REG_ERANGE 11
#define REG_ESPACE 12
#define REG_BADRPT 13
#define REG_EEND 14
#define REG_ESIZE 15
#define REG_ERPAREN 16 /* never returned by regcomp (REG_EPAREN instead) */

/* An offset into the subject; int, as glibc has it, so that regmatch_t has
 * glibc's layout. */
typedef int regoff_t;

typedef struct {
  regoff_t rm_so; /* start of the match, -1 when the group took no part */
  regoff_t rm_eo; /* one past its end */
} regmatch_t;

typedef struct {
  /* The compiled pattern (libc_gpu/src/__support/regex_program.h). */
  void *__program;
  /* How many parenthesized groups the pattern has. */
  size_t re_nsub;
  int __cflags;
} regex_t;

__LIBC_BEGIN_DECLS

int regcomp(regex_t *__LIBC_RESTRICT preg, const char *__LIBC_RESTRICT pattern,
            int cflags) __LIBC_NOEXCEPT;
int regexec(const regex_t *__LIBC_RESTRICT preg, const char *__LIBC_RESTRICT string, size_t nmatch,
            regmatch_t pmatch[], int eflags) __LIBC_NOEXCEPT;
size_t regerror(int errcode, const regex_t *__LIBC_RESTRICT preg, char *__LIBC_RESTRICT errbuf,
                size_t errbuf_size) __LIBC_NOEXCEPT;
void regfree(regex_t *preg) __LIBC_NOEXCEPT;

__LIBC_END_DECLS

#endif
