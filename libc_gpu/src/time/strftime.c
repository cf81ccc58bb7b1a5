#include <stdio.h>
#include <string.h>
#include <time.h>

#include "../__support/calendar.h"

struct output {
  char *out;
  size_t size;
  size_t length;
};

static void put(struct output *o, const char *text, size_t length) {
  for (size_t i = 0; i < length; ++i, ++o->length)
    if (o->length < o->size)
      o->out[o->length] = text[i];
}

static void put_text(struct output *o, const char *text) {
  put(o, text, strlen(text));
}

static void put_number(struct output *o, long value, int width, char pad) {
  char digits[24];
  int n = pad ? snprintf(digits, sizeof digits, pad == '0' ? "%0*ld" : "%*ld", width, value)
              : snprintf(digits, sizeof digits, "%ld", value);
  put(o, digits, (size_t)n);
}

/* ISO 8601 week number and its year (%V, %G): weeks start on Monday, and
 * week 1 holds the year's first Thursday. */
static int iso_week(const struct tm *t, long *year) {
  long y = t->tm_year + 1900L;
  int wday = (t->tm_wday + 6) % 7; /* Monday 0 */
  int week = (t->tm_yday - wday + 10) / 7;
  if (week < 1) {
    --y;
    int days = 365 + __calendar_is_leap(y);
    week = (t->tm_yday + days - wday + 10) / 7;
  } else if (week == 53) {
    int days = 365 + __calendar_is_leap(y);
    if (t->tm_yday - wday + 3 >= days) {
      week = 1;
      ++y;
    }
  }
  *year = y;
  return week;
}

static void format(struct output *o, const char *f, const struct tm *t);

static void conversion(struct output *o, char c, const struct tm *t) {
  long year = t->tm_year + 1900L;
  switch (c) {
  case 'a':
    put(o, __calendar_weekday_names[(unsigned)t->tm_wday % 7], 3);
    break;
  case 'A':
    put_text(o, __calendar_weekday_names[(unsigned)t->tm_wday % 7]);
    break;
  case 'b':
  case 'h':
    put(o, __calendar_month_names[(unsigned)t->tm_mon % 12], 3);
    break;
  case 'B':
    put_text(o, __calendar_month_names[(unsigned)t->tm_mon % 12]);
    break;
  case 'c':
    format(o, "%a %b %e %H:%M:%S %Y", t);
    break;
  case 'C':
    put_number(o, year / 100, 2, '0');
    break;
  case 'd':
    put_number(o, t->tm_mday, 2, '0');
    break;
  case 'D':
  case 'x':
    format(o, "%m/%d/%y", t);
    break;
  case 'e':
    put_number(o, t->tm_mday, 2, ' ');
    break;
  case 'F':
    format(o, "%Y-%m-%d", t);
    break;
  case 'g':
  case 'G': {
    long iso_year;
    iso_week(t, &iso_year);
    put_number(o, c == 'g' ? iso_year % 100 : iso_year, c == 'g' ? 2 : 0, c == 'g' ? '0' : 0);
    break;
  }
  case 'H':
    put_number(o, t->tm_hour, 2, '0');
    break;
  case 'I':
    put_number(o, t->tm_hour % 12 ? t->tm_hour % 12 : 12, 2, '0');
    break;
  case 'j':
    put_number(o, t->tm_yday + 1, 3, '0');
    break;
  case 'm':
    put_number(o, t->tm_mon + 1, 2, '0');
    break;
  case 'M':
    put_number(o, t->tm_min, 2, '0');
    break;
  case 'n':
    put_text(o, "\n");
    break;
  case 'p':
    put_text(o, t->tm_hour < 12 ? "AM" : "PM");
    break;
  case 'r':
    format(o, "%I:%M:%S %p", t);
    break;
  case 'R':
    format(o, "%H:%M", t);
    break;
  case 'S':
    put_number(o, t->tm_sec, 2, '0');
    break;
  case 't':
    put_text(o, "\t");
    break;
  case 'T':
  case 'X':
    format(o, "%H:%M:%S", t);
    break;
  case 'u':
    put_number(o, t->tm_wday ? t->tm_wday : 7, 0, 0);
    break;
  case 'U':
    put_number(o, (t->tm_yday + 7 - t->tm_wday) / 7, 2, '0');
    break;
  case 'V': {
    long iso_year;
    put_number(o, iso_week(t, &iso_year), 2, '0');
    break;
  }
  case 'w':
    put_number(o, t->tm_wday, 0, 0);
    break;
  case 'W':
    put_number(o, (t->tm_yday + 7 - (t->tm_wday + 6) % 7) / 7, 2, '0');
    break;
  case 'y':
    put_number(o, ((year % 100) + 100) % 100, 2, '0');
    break;
  case 'Y':
    put_number(o, year, 0, 0);
    break;
  case 'z':
    put_text(o, "+0000");
    break;
  case 'Z':
    put_text(o, "UTC");
    break;
  case '%':
    put_text(o, "%");
    break;
  default: /* unknown: copied as it is */
    put(o, "%", 1);
    put(o, &c, 1);
    break;
  }
}

static void format(struct output *o, const char *f, const struct tm *t) {
  for (; *f; ++f) {
    if (*f != '%' || !f[1]) {
      put(o, f, 1);
      continue;
    }
    ++f;
    if (*f == 'E' || *f == 'O') /* alternative forms: the C locale has none */
      if (f[1])
        ++f;
    conversion(o, *f, t);
  }
}

size_t strftime(char *restrict out, size_t size, const char *restrict f,
                const struct tm *restrict t) {
  struct output o = {out, size, 0};
  format(&o, f, t);
  if (o.length >= size) /* did not fit, with its terminator */
    return 0;
  out[o.length] = '\0';
  return o.length;
}
