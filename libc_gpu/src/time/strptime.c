/* glibc's strptime in the C locale, a VM's only one: every conversion glibc
 * reads, the same fields filled in, tm_wday and tm_yday computed as glibc
 * computes them from the date fields, and glibc's odd answers kept where a
 * program could see them (noted below), so that text parses as on Linux. */
#include <ctype.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "../__support/calendar.h"

/* glibc decides, the first time a conversion tells them apart, whether the
 * text follows the locale's formats or the C ones. In the C locale they are
 * the same text, but the decision still changes what %E and %O accept (%O
 * decides "locale", which has no alternative digits; %EC and %EY decide
 * "C"), and the matching of %a. */
enum decision { UNDECIDED, LOCALE, RAW };

/* What the conversions found, for the fields computed at the end. */
struct found {
  int have_I, have_wday, have_yday, have_mon, have_mday, have_uweek, have_wweek;
  int is_pm, want_century, want_era, want_xday;
  enum decision decided;
  int week_no;
  int century; /* -1: none */
};

#define DATE_TIME_FORMAT "%a %b %e %H:%M:%S %Y"
#define DATE_FORMAT "%m/%d/%y"
#define TIME_FORMAT "%H:%M:%S"
#define TIME_AMPM_FORMAT "%I:%M:%S %p"

static int is_space(char c) {
  return isspace((unsigned char)c);
}

static int is_digit(char c) {
  return c >= '0' && c <= '9';
}

/* At most `digits` digits after blanks, stopping early once another digit
 * would pass `high`; 0 unless the value is in [low, high]. */
static int number(const char **text, int low, int high, int digits, int *out) {
  const char *at = *text;
  while (is_space(*at))
    ++at;
  if (!is_digit(*at))
    return 0;
  int value = 0;
  do
    value = value * 10 + (*at++ - '0');
  while (--digits > 0 && value * 10 <= high && is_digit(*at));
  *text = at;
  *out = value;
  return value >= low && value <= high;
}

/* %O's number: the C locale has no alternative digits, so the first %O
 * reads plain ones and decides "locale", and any later one fails. */
static int alternative_number(const char **text, struct found *f, int low, int high, int digits,
                              int *out) {
  if (f->decided != RAW) {
    if (f->decided == LOCALE)
      return 0;
    f->decided = LOCALE;
  }
  return number(text, low, high, digits, out);
}

static int starts_with(const char *text, const char *name, size_t length) {
  return strncasecmp(name, text, length) == 0;
}

/* The longest day (weekday) or month name or abbreviation at *text, in any
 * case. glibc's %a, after an abbreviation that is no longer than what it
 * already found, goes on looking 3 bytes further ("Sunmon" reads as
 * Monday), and when it has decided "C" it takes an abbreviation without
 * moving past it: both kept. */
static int name(const char **text, struct found *f, int weekday) {
  const char *const *names = weekday ? __calendar_weekday_names : __calendar_month_names;
  int count = weekday ? 7 : 12;
  const char *at = *text, *longest = NULL;
  int found = -1;
  enum decision decided = f->decided;
  for (int i = 0; i < count; ++i) {
    size_t length = strlen(names[i]);
    if (f->decided != RAW) {
      if (starts_with(at, names[i], length) && (!longest || at + length > longest)) {
        longest = at + length;
        found = i;
      }
      if (starts_with(at, names[i], 3) && (!longest || at + 3 > longest)) {
        longest = at + 3;
        found = i;
      }
    }
    if (f->decided != LOCALE) {
      if (starts_with(at, names[i], length) && (!longest || at + length > longest)) {
        longest = at + length;
        found = i;
        decided = RAW;
      } else if (starts_with(at, names[i], 3)) {
        const char *end = weekday ? at : at + 3;
        if (weekday)
          at += 3;
        if (!longest || end > longest) {
          longest = end;
          found = i;
          decided = RAW;
        }
      }
    }
  }
  if (!longest)
    return -1;
  *text = longest;
  f->decided = decided;
  return found;
}

static const char *parse(const char *text, const char *format, struct tm *tm, struct found *f);

/* A format inside the format (%c, %D...): its fields and findings count
 * only when all of it matched. */
static const char *nested(const char *text, const char *format, struct tm *tm, struct found *f) {
  if (!*format)
    return NULL;
  struct tm fields = *tm;
  struct found findings = *f;
  const char *end = parse(text, format, &fields, &findings);
  if (end) {
    *tm = fields;
    *f = findings;
  }
  return end;
}

/* %c, %x, %X, %r and their %E forms: the locale's format, then, when that
 * fails before anything decided "locale", the C one (the same text). */
static const char *locale_format(const char *text, const char *format, struct tm *tm,
                                 struct found *f) {
  if (f->decided != RAW) {
    const char *end = nested(text, format, tm, f);
    if (end || f->decided == LOCALE)
      return end;
    f->decided = RAW;
  }
  return nested(text, format, tm, f);
}

static int year_in_century(const char **text, struct tm *tm, struct found *f) {
  int value;
  if (!number(text, 0, 99, 2, &value))
    return 0;
  /* 69 to 99 are 1969 to 1999, as POSIX says. */
  tm->tm_year = value >= 69 ? value : value + 100;
  f->want_century = 1;
  f->want_xday = 1;
  return 1;
}

/* %s: seconds since the epoch, in the VM's time zone (UTC). Digits past
 * the range of time_t wrap around, as in glibc. */
static int seconds(const char **text, struct tm *tm) {
  const char *at = *text;
  if (!is_digit(*at))
    return 0;
  uint64_t value = 0;
  do
    value = value * 10 + (uint64_t)(*at++ - '0');
  while (is_digit(*at));
  *text = at;
  time_t instant = (time_t)value;
  return localtime_r(&instant, tm) != NULL;
}

/* %z: "Z", or +hh, +hhmm or +hh:mm. */
static int zone_offset(const char **text, struct tm *tm) {
  const char *at = *text;
  while (is_space(*at))
    ++at;
  if (*at == 'Z') {
    *text = at + 1;
    tm->tm_gmtoff = 0;
    return 1;
  }
  if (*at != '+' && *at != '-')
    return 0;
  int negative = *at++ == '-';
  int value = 0, digits = 0;
  while (digits < 4 && is_digit(*at)) {
    value = value * 10 + (*at++ - '0');
    ++digits;
    if (*at == ':' && digits == 2 && is_digit(at[1]))
      ++at;
  }
  *text = at;
  if (digits == 2)
    value *= 100;
  else if (digits != 4 || value % 100 >= 60)
    return 0;
  tm->tm_gmtoff = (value / 100) * 3600 + (value % 100) * 60;
  if (negative)
    tm->tm_gmtoff = -tm->tm_gmtoff;
  return 1;
}

/* %E: the C locale has no era, so the plain conversions, after the era
 * lookups glibc makes: they decide "C", or fail once "locale" is decided;
 * %Ey reads a number for the era's year first, then %y's own. */
static const char *era_conversion(const char *text, const char *before, char c, struct tm *tm,
                                  struct found *f) {
  int value;
  switch (c) {
  case 'c':
    if (!(text = locale_format(before, DATE_TIME_FORMAT, tm, f)))
      return NULL;
    f->want_xday = 1;
    return text;
  case 'C':
    if (f->decided == LOCALE)
      return NULL;
    f->decided = RAW;
    if (!number(&text, 0, 99, 2, &value))
      return NULL;
    f->century = value;
    f->want_xday = 1;
    return text;
  case 'y':
    if (f->decided != RAW) {
      if (!number(&text, 0, 9999, 4, &value))
        return NULL;
      tm->tm_year = value;
      f->want_era = f->want_xday = f->want_century = 1;
      if (f->decided == LOCALE)
        return NULL;
      f->decided = RAW;
    }
    return year_in_century(&text, tm, f) ? text : NULL;
  case 'Y':
    if (f->decided == LOCALE)
      return NULL;
    f->decided = RAW;
    if (!number(&before, 0, 9999, 4, &value))
      return NULL;
    tm->tm_year = value - 1900;
    f->want_century = 0;
    f->want_xday = 1;
    return before;
  case 'x':
    return locale_format(before, DATE_FORMAT, tm, f);
  case 'X':
    return locale_format(before, TIME_FORMAT, tm, f);
  default:
    return NULL;
  }
}

/* %O with a number: read with alternative_number. */
static const char *alternative_conversion(const char *text, char c, struct tm *tm,
                                          struct found *f) {
  int value;
  switch (c) {
  case 'd':
  case 'e':
    if (!alternative_number(&text, f, 1, 31, 2, &value))
      return NULL;
    tm->tm_mday = value;
    f->have_mday = f->want_xday = 1;
    return text;
  case 'H':
    if (!alternative_number(&text, f, 0, 23, 2, &value))
      return NULL;
    tm->tm_hour = value;
    f->have_I = 0;
    return text;
  case 'I':
    if (!alternative_number(&text, f, 1, 12, 2, &value))
      return NULL;
    tm->tm_hour = value % 12;
    f->have_I = 1;
    return text;
  case 'm':
    if (!alternative_number(&text, f, 1, 12, 2, &value))
      return NULL;
    tm->tm_mon = value - 1;
    f->have_mon = f->want_xday = 1;
    return text;
  case 'M':
    if (!alternative_number(&text, f, 0, 59, 2, &value))
      return NULL;
    tm->tm_min = value;
    return text;
  case 'S':
    if (!alternative_number(&text, f, 0, 61, 2, &value))
      return NULL;
    tm->tm_sec = value;
    return text;
  case 'U':
  case 'W':
    if (!alternative_number(&text, f, 0, 53, 2, &value))
      return NULL;
    f->week_no = value;
    if (c == 'U')
      f->have_uweek = 1;
    else
      f->have_wweek = 1;
    return text;
  case 'V':
    return alternative_number(&text, f, 0, 53, 2, &value) ? text : NULL;
  case 'w':
    if (!alternative_number(&text, f, 0, 6, 1, &value))
      return NULL;
    tm->tm_wday = value;
    f->have_wday = 1;
    return text;
  case 'y':
    if (!alternative_number(&text, f, 0, 99, 2, &value))
      return NULL;
    tm->tm_year = value >= 69 ? value : value + 100;
    f->want_xday = 1;
    return text;
  default:
    return NULL;
  }
}

/* One conversion (after '%' and any flags and width), at text; NULL when
 * the text does not match. */
static const char *conversion(const char *text, const char **format, struct tm *tm,
                              struct found *f) {
  const char *before = text;
  char c = *(*format)++;
  int value;
  switch (c) {
  case '%':
    return *text == '%' ? text + 1 : NULL;
  case 'a':
  case 'A':
    if ((value = name(&text, f, 1)) < 0)
      return NULL;
    tm->tm_wday = value;
    f->have_wday = 1;
    return text;
  case 'b':
  case 'B':
  case 'h':
    if ((value = name(&text, f, 0)) < 0)
      return NULL;
    tm->tm_mon = value;
    f->have_mon = f->want_xday = 1;
    return text;
  case 'c':
    if (!(text = locale_format(text, DATE_TIME_FORMAT, tm, f)))
      return NULL;
    f->want_xday = 1;
    return text;
  case 'C':
    if (!number(&text, 0, 99, 2, &value))
      return NULL;
    f->century = value;
    f->want_xday = 1;
    return text;
  case 'd':
  case 'e':
    if (!number(&text, 1, 31, 2, &value))
      return NULL;
    tm->tm_mday = value;
    f->have_mday = f->want_xday = 1;
    return text;
  case 'F':
    if (!(text = nested(text, "%Y-%m-%d", tm, f)))
      return NULL;
    f->want_xday = 1;
    return text;
  case 'x':
    if (f->decided != RAW) {
      const char *end = nested(text, DATE_FORMAT, tm, f);
      if (end) {
        f->want_xday = 1;
        return end;
      }
      if (f->decided == LOCALE)
        return NULL;
      f->decided = RAW;
    }
    /* fall through */
  case 'D':
    if (!(text = nested(text, DATE_FORMAT, tm, f)))
      return NULL;
    f->want_xday = 1;
    return text;
  case 'k':
  case 'H':
    if (!number(&text, 0, 23, 2, &value))
      return NULL;
    tm->tm_hour = value;
    f->have_I = 0;
    return text;
  case 'l':
  case 'I':
    if (!number(&text, 1, 12, 2, &value))
      return NULL;
    tm->tm_hour = value % 12;
    f->have_I = 1;
    return text;
  case 'j':
    if (!number(&text, 1, 366, 3, &value))
      return NULL;
    tm->tm_yday = value - 1;
    f->have_yday = 1;
    return text;
  case 'm':
    if (!number(&text, 1, 12, 2, &value))
      return NULL;
    tm->tm_mon = value - 1;
    f->have_mon = f->want_xday = 1;
    return text;
  case 'M':
    if (!number(&text, 0, 59, 2, &value))
      return NULL;
    tm->tm_min = value;
    return text;
  case 'n':
  case 't':
    while (is_space(*text))
      ++text;
    return text;
  case 'p':
    /* The locale's words are the C ones: AM and PM, in any case. */
    if (starts_with(text, "AM", 2)) {
      f->is_pm = 0;
    } else if (starts_with(text, "PM", 2)) {
      f->is_pm = 1;
    } else {
      return NULL;
    }
    return text + 2;
  case 'r':
    return locale_format(text, TIME_AMPM_FORMAT, tm, f);
  case 'R':
    return nested(text, "%H:%M", tm, f);
  case 's':
    return seconds(&text, tm) ? text : NULL;
  case 'S':
    if (!number(&text, 0, 61, 2, &value))
      return NULL;
    tm->tm_sec = value;
    return text;
  case 'X':
    return locale_format(text, TIME_FORMAT, tm, f);
  case 'T':
    return nested(text, TIME_FORMAT, tm, f);
  case 'u':
    if (!number(&text, 1, 7, 1, &value))
      return NULL;
    tm->tm_wday = value % 7;
    f->have_wday = 1;
    return text;
  case 'g':
    /* %g, %G and %V are read but set nothing: without more they name no
     * date. */
    return number(&text, 0, 99, 2, &value) ? text : NULL;
  case 'G':
    if (!is_digit(*text))
      return NULL;
    while (is_digit(*text))
      ++text;
    return text;
  case 'U':
  case 'W':
    if (!number(&text, 0, 53, 2, &value))
      return NULL;
    f->week_no = value;
    if (c == 'U')
      f->have_uweek = 1;
    else
      f->have_wweek = 1;
    return text;
  case 'V':
    return number(&text, 0, 53, 2, &value) ? text : NULL;
  case 'w':
    if (!number(&text, 0, 6, 1, &value))
      return NULL;
    tm->tm_wday = value;
    f->have_wday = 1;
    return text;
  case 'y':
    return year_in_century(&text, tm, f) ? text : NULL;
  case 'Y':
    if (!number(&text, 0, 9999, 4, &value))
      return NULL;
    tm->tm_year = value - 1900;
    f->want_century = 0;
    f->want_xday = 1;
    return text;
  case 'Z':
    /* A zone name is skipped, not read. */
    while (is_space(*text))
      ++text;
    while (*text && !is_space(*text))
      ++text;
    return text;
  case 'z':
    return zone_offset(&text, tm) ? text : NULL;
  case 'E':
    return era_conversion(text, before, *(*format)++, tm, f);
  case 'O':
    c = **format;
    if (c == 'b' || c == 'B' || c == 'h')
      return conversion(text, format, tm, f);
    ++*format;
    return alternative_conversion(text, c, tm, f);
  default:
    return NULL;
  }
}

static const char *parse(const char *text, const char *format, struct tm *tm, struct found *f) {
  while (*format) {
    if (is_space(*format)) {
      /* Blanks in the format match any number of blanks, none included. */
      while (is_space(*text))
        ++text;
      ++format;
      continue;
    }
    if (*format != '%') {
      if (*format++ != *text++)
        return NULL;
      continue;
    }
    ++format;
    /* strftime's flags and field width are read and ignored. */
    while (*format == '-' || *format == '_' || *format == '0' || *format == '^' || *format == '#')
      ++format;
    while (is_digit(*format))
      ++format;
    if (!(text = conversion(text, &format, tm, f)))
      return NULL;
  }
  return text;
}

/* glibc's table of days before each month, read as one array of 26 as
 * glibc reads it past a common year's December (%j 366 in a common year). */
static int days_before_index(int index) {
  if (index < 0 || index >= 26)
    return 0; /* past both of glibc's rows: what it reads there is no date */
  return __calendar_days_before_month[index / 13][index % 13];
}

static int leap_row(int64_t year) {
  return __calendar_is_leap(year) * 13;
}

/* glibc's day of the week, with its own arithmetic: exact from year 1 on. */
static void day_of_the_week(struct tm *tm) {
  int corrected_year = 1900 + tm->tm_year - (tm->tm_mon < 2);
  int quads = corrected_year / 4, centuries = quads / 25;
  /* In 32 bits, wrapping as glibc's int arithmetic does. */
  uint32_t days = (uint32_t)-473 + 365u * (uint32_t)(tm->tm_year - 70) + (uint32_t)quads -
                  (uint32_t)centuries + (uint32_t)(quads % 25 < 0) + (uint32_t)(centuries / 4) +
                  (uint32_t)days_before_index(tm->tm_mon) + (uint32_t)tm->tm_mday - 1u;
  int day = (int)days;
  tm->tm_wday = ((day % 7) + 7) % 7;
}

static void day_of_the_year(struct tm *tm) {
  tm->tm_yday =
      days_before_index(leap_row(1900 + (int64_t)tm->tm_year) + tm->tm_mon) + tm->tm_mday - 1;
}

/* Month and day of month from tm_yday, where they are not given. */
static void date_of_yday(struct tm *tm, const struct found *f) {
  int row = leap_row(1900 + (int64_t)tm->tm_year), month = 0;
  while (row + month < 26 && days_before_index(row + month) <= tm->tm_yday)
    ++month;
  if (!f->have_mon)
    tm->tm_mon = month - 1;
  if (!f->have_mday)
    tm->tm_mday = tm->tm_yday - days_before_index(row + month - 1) + 1;
}

char *strptime(const char *restrict text, const char *restrict format, struct tm *restrict tm) {
  struct found f = {.century = -1};
  const char *end = parse(text, format, tm, &f);
  if (!end)
    return NULL;

  if (f.have_I && f.is_pm)
    tm->tm_hour += 12;
  if (f.century != -1) {
    if (f.want_century)
      tm->tm_year = tm->tm_year % 100 + (f.century - 19) * 100;
    else
      tm->tm_year = (f.century - 19) * 100; /* a century alone: its year 00 */
  } else if (f.want_era && f.want_century && tm->tm_year < 69) {
    tm->tm_year += 100;
  }

  if (f.want_xday && !f.have_wday) {
    if (!(f.have_mon && f.have_mday) && f.have_yday) {
      date_of_yday(tm, &f);
      f.have_mon = f.have_mday = 1;
    }
    if (f.have_mon || (unsigned)tm->tm_mon <= 11)
      day_of_the_week(tm);
  }
  if (f.want_xday && !f.have_yday && (f.have_mon || (unsigned)tm->tm_mon <= 11))
    day_of_the_year(tm);

  /* A week number (%U: weeks from Sunday, %W: from Monday) and a weekday
   * give the day of the year, and from it the date. */
  if ((f.have_uweek || f.have_wweek) && f.have_wday) {
    int weekday = tm->tm_wday, mday = tm->tm_mday, mon = tm->tm_mon;
    int first_day = f.have_uweek ? 0 : 1;
    tm->tm_mday = 1;
    tm->tm_mon = 0;
    day_of_the_week(tm);
    if (f.have_mday)
      tm->tm_mday = mday;
    if (f.have_mon)
      tm->tm_mon = mon;
    if (!f.have_yday)
      tm->tm_yday =
          (7 - (tm->tm_wday - first_day)) % 7 + (f.week_no - 1) * 7 + (weekday - first_day + 7) % 7;
    if (!f.have_mday || !f.have_mon)
      date_of_yday(tm, &f);
    tm->tm_wday = weekday;
  }
  return (char *)end;
}
