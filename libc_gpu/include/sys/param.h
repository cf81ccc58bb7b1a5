/* BSD's old catch-all header, as glibc keeps it: byte order, path and host
 * name limits, and the small arithmetic macros old code expects here. */
#ifndef __LIBC_GPU_SYS_PARAM_H
#define __LIBC_GPU_SYS_PARAM_H

#include <endian.h>
#include <limits.h>
#include <sys/types.h>

#define MAXPATHLEN PATH_MAX
#define MAXHOSTNAMELEN HOST_NAME_MAX
#define MAXSYMLINKS 20
#define NOFILE 256
#define NBBY __CHAR_BIT__

#ifndef MIN
#define MIN(a, b) (((a) < (b)) ? (a) : (b))
#endif
#ifndef MAX
#define MAX(a, b) (((a) > (b)) ? (a) : (b))
#endif
#define howmany(x, y) (((x) + ((y)-1)) / (y))
#define roundup(x, y) ((((x) + ((y)-1)) / (y)) * (y))
#define powerof2(x) ((((x)-1) & (x)) == 0)

#endif
