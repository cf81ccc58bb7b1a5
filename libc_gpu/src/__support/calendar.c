#include "calendar.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>

#define SECONDS_PER_DAY 86400
#define DAYS_PER_400_YEARS 146097 /* 400 * 365 + 97 leap days */
#define DAYS_PER_100_YEARS 36524  /* the century's year 00 is not leap */
#define DAYS_PER_4_YEARS 1461
/* From 0001-01-01, the calendar's first day, to 1970-01-01. */
#define DAYS_BEFORE_1970 719162

const char *const __calendar_weekday_names[7] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                 "Thursday", "Friday", "Saturday"};
const char *const __calendar_month_names[12] = {"January",   "February", "March",    "April",
                                                "May",       "June",     "July",     "August",
                                                "September", "October",  "November", "December"};

const short __calendar_days_before_month[2][13] = {
    {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365},
    {0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335, 366}};

/* Division rounding toward minus infinity; divisor > 0. */
static int64_t floor_div(int64_t value, int64_t divisor) {
  return value / divisor - (value % divisor < 0);
}

int __calendar_is_leap(int64_t year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int __calendar_split(time_t seconds, struct tm *out) {
  int64_t days = floor_div(seconds, SECONDS_PER_DAY);
  int64_t second_of_day = seconds - days * SECONDS_PER_DAY;

  /* Whole 400-year cycles from year 1, then centuries, 4-year spans and
   * years inside the cycle. The last century of a cycle and the last year of
   * a span are a day longer, hence the clamps to 3. */
  int64_t day = days + DAYS_BEFORE_1970;
  int64_t cycles = floor_div(day, DAYS_PER_400_YEARS);
  day -= cycles * DAYS_PER_400_YEARS;
  int64_t centuries = day / DAYS_PER_100_YEARS;
  if (centuries == 4)
    centuries = 3;
  day -= centuries * DAYS_PER_100_YEARS;
  int64_t spans = day / DAYS_PER_4_YEARS;
  day -= spans * DAYS_PER_4_YEARS;
  int64_t years = day / 365;
  if (years == 4)
    years = 3;
  day -= years * 365;
  int64_t year = 1 + cycles * 400 + centuries * 100 + spans * 4 + years;
  if (year - 1900 > INT_MAX || year - 1900 < INT_MIN)
    return -1;

  const short *before = __calendar_days_before_month[__calendar_is_leap(year)];
  int month = 0;
  while (day >= before[month + 1])
    ++month;
  out->tm_year = (int)(year - 1900);
  out->tm_mon = month;
  out->tm_mday = (int)(day - before[month]) + 1;
  out->tm_yday = (int)day;
  out->tm_hour = (int)(second_of_day / 3600);
  out->tm_min = (int)(second_of_day / 60 % 60);
  out->tm_sec = (int)(second_of_day % 60);
  /* 1970-01-01 was a Thursday. */
  out->tm_wday = (int)(days + 4 - floor_div(days + 4, 7) * 7);
  return 0;
}

static int64_t seconds_of(const struct tm *in) {
  int64_t carried_years = floor_div(in->tm_mon, 12);
  int month = (int)(in->tm_mon - carried_years * 12);
  int64_t year = (int64_t)in->tm_year + 1900 + carried_years;
  int64_t past_years = year - 1;
  int64_t days = past_years * 365 + floor_div(past_years, 4) - floor_div(past_years, 100) +
                 floor_div(past_years, 400) - DAYS_BEFORE_1970 +
                 __calendar_days_before_month[__calendar_is_leap(year)][month] + in->tm_mday - 1;
  return days * SECONDS_PER_DAY + (int64_t)in->tm_hour * 3600 + (int64_t)in->tm_min * 60 +
         in->tm_sec;
}

/* Whether the year of that instant fits tm_year. */
static int reachable(int64_t seconds) {
  struct tm scratch;
  return __calendar_split(seconds, &scratch) == 0;
}

int __calendar_join(const struct tm *in, int shift, time_t *out) {
  struct tm clamped = *in;
  clamped.tm_sec = in->tm_sec < 0 ? 0 : in->tm_sec > 59 ? 59 : in->tm_sec;
  /* int fields cannot overflow 64 bits on the way. */
  int64_t seconds = seconds_of(&clamped);
  if (!reachable(seconds) || (shift && !reachable(seconds + shift)))
    return -1;
  *out = seconds + shift + ((int64_t)in->tm_sec - clamped.tm_sec);
  return 0;
}

char *__calendar_text(const struct tm *time, char *out, size_t size) {
  if (!time) {
    errno = EINVAL;
    return NULL;
  }
  if (time->tm_year > INT_MAX - 1900) {
    errno = EOVERFLOW;
    return NULL;
  }
  int wday = time->tm_wday, mon = time->tm_mon;
  int n = snprintf(out, size, "%.3s %.3s%3d %.2d:%.2d:%.2d %d\n",
                   wday >= 0 && wday < 7 ? __calendar_weekday_names[wday] : "???",
                   mon >= 0 && mon < 12 ? __calendar_month_names[mon] : "???", time->tm_mday,
                   time->tm_hour, time->tm_min, time->tm_sec, 1900 + time->tm_year);
  if (n < 0 || (size_t)n >= size) {
    errno = EOVERFLOW;
    return NULL;
  }
  return out;
}
