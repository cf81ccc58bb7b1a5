/* The text of errno values, behind strerror and strerror_r. */
#ifndef LIBC_GPU_SUPPORT_ERROR_MESSAGE_H
#define LIBC_GPU_SUPPORT_ERROR_MESSAGE_H

/* Room for "Unknown error -2147483648" and its NUL. */
#define UNKNOWN_ERROR_SIZE 32

/* glibc's message for error_number, or NULL for a number it has none for. */
const char *__error_message(int error_number);
/* Its name ("EPERM"; "0" for 0), or NULL likewise. */
const char *__error_name(int error_number);
/* Writes "Unknown error N" into out[UNKNOWN_ERROR_SIZE]. */
void __unknown_error_message(char *out, int error_number);

#endif
