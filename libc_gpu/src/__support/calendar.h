/* Dates in the proleptic Gregorian calendar, in UTC (a VM has no time zone):
 * the arithmetic behind gmtime, localtime, mktime and timegm, and the text
 * of asctime and ctime. */
#ifndef LIBC_GPU_SUPPORT_CALENDAR_H
#define LIBC_GPU_SUPPORT_CALENDAR_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

/* The C locale's names of the days (Sunday first) and months: strftime's,
 * strptime's and asctime's; the abbreviations are their first 3 letters. */
extern const char *const __calendar_weekday_names[7];
extern const char *const __calendar_month_names[12];

/* Days before each month, [leap][month]; [leap][12] is the year's length. */
extern const short __calendar_days_before_month[2][13];

int __calendar_is_leap(int64_t year);

/* Fills tm_sec to tm_yday for the instant seconds after 1970-01-01 00:00:00,
 * leaving tm_isdst, tm_gmtoff and tm_zone to the caller. Returns 0, or -1
 * without touching *out when the year does not fit tm_year. */
int __calendar_split(time_t seconds, struct tm *out);

/* mktime's and timegm's instant for the fields of *in, any of which may be
 * out of its range, moved by shift seconds (summer time). As glibc: months
 * carry into years, then days, hours, minutes and seconds add up; but
 * tm_sec is first clamped to [0, 59], that instant and then the shifted one
 * must have a year tm_year holds, and the clamped-off seconds come last.
 * tm_wday, tm_yday and tm_isdst are not read. Returns 0, or -1 when an
 * instant on the way is out of reach (the result's own year is the caller's
 * to check). */
int __calendar_join(const struct tm *in, int shift, time_t *out);

/* asctime's text, "Sun Sep 16 01:03:52 1973\n", into out (size bytes), as
 * glibc writes it: "???" for a day or month out of range, the fields as
 * they are. Returns out, or NULL with EOVERFLOW when it does not fit. */
char *__calendar_text(const struct tm *time, char *out, size_t size);

#endif
