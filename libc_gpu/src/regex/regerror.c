/* glibc's messages for the REG_* codes, copied and cut to errbuf_size as
 * glibc does; the answer is the whole message's size. */
#include <regex.h>
#include <stdlib.h>
#include <string.h>

size_t regerror(int errcode, const regex_t *restrict preg, char *restrict errbuf,
                size_t errbuf_size) {
  static const char *const messages[] = {
      "Success",
      "No match",
      "Invalid regular expression",
      "Invalid collation character",
      "Invalid character class name",
      "Trailing backslash",
      "Invalid back reference",
      "Unmatched [, [^, [:, [., or [=",
      "Unmatched ( or \\(",
      "Unmatched \\{",
      "Invalid content of \\{\\}",
      "Invalid range end",
      "Memory exhausted",
      "Invalid preceding regular expression",
      "Premature end of regular expression",
      "Regular expression too big",
      "Unmatched ) or \\)",
  };
  (void)preg;
  /* glibc treats any other code as the caller's bug and aborts. */
  if (errcode < 0 || (size_t)errcode >= sizeof messages / sizeof messages[0])
    abort();
  const char *message = messages[errcode];
  size_t size = strlen(message) + 1;
  if (errbuf_size) {
    size_t copied = size <= errbuf_size ? size : errbuf_size - 1;
    memcpy(errbuf, message, copied);
    if (copied < size)
      errbuf[copied] = '\0';
  }
  return size;
}
