#pragma once
#ifdef __cplusplus
extern "C" {
#endif
unsigned checksum(const char *text);
#ifdef __cplusplus
}
#endif
int describe(const char *text, char *out, int size);
