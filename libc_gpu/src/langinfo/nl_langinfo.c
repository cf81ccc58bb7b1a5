#include <langinfo.h>

char *nl_langinfo(nl_item item) {
  switch (item) {
  case CODESET:
    return "ANSI_X3.4-1968"; /* glibc's name of ASCII, the C locale's */
  case RADIXCHAR:
    return ".";
  case D_T_FMT:
    return "%a %b %e %H:%M:%S %Y";
  case D_FMT:
    return "%m/%d/%y";
  case T_FMT:
    return "%H:%M:%S";
  case T_FMT_AMPM:
    return "%I:%M:%S %p";
  case AM_STR:
    return "AM";
  case PM_STR:
    return "PM";
  case YESEXPR:
    return "^[yY]";
  case NOEXPR:
    return "^[nN]";
  case CRNCYSTR:
    return "-";
  default:
    return "";
  }
}
