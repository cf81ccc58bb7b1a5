#include <inttypes.h>

imaxdiv_t imaxdiv(intmax_t numerator, intmax_t denominator) {
  imaxdiv_t result = {numerator / denominator, numerator % denominator};
  return result;
}
