#include <string.h>
#include <sys/utsname.h>

#include "../../__support/hostname.h"

#if defined(__NVPTX__)
#define MACHINE "nvptx64"
#elif defined(__AMDGPU__)
#define MACHINE "amdgcn"
#else
#define MACHINE "x86_64"
#endif

static void put(char *field, const char *text) {
  strncpy(field, text, _UTSNAME_LENGTH - 1);
  field[_UTSNAME_LENGTH - 1] = '\0';
}

int uname(struct utsname *out) {
  put(out->sysname, "Linux");
  put(out->nodename, __hostname());
  put(out->release, "6.1.0-gpuvm");
  put(out->version, "#1 gpuvm");
  put(out->machine, MACHINE);
  put(out->domainname, "(none)");
  return 0;
}
