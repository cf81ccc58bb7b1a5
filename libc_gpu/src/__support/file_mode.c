#include "file_mode.h"

mode_t __file_mode_mask = 022; /* Linux's usual start */
