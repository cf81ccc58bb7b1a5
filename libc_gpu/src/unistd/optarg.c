#include <unistd.h>

/* getopt's results and settings, read and written by the program. Plain
 * globals: each VM has its own. */
char *optarg;
int optind = 1;
int opterr = 1;
int optopt = '?';
