/* gettext's state without catalogs: the current text domain and each
 * domain's binding (a directory and a codeset), kept only to be read back.
 * Plain globals: per VM. */
#ifndef LIBC_GPU_SUPPORT_TEXT_DOMAINS_H
#define LIBC_GPU_SUPPORT_TEXT_DOMAINS_H

enum __text_binding { __TEXT_DIRECTORY, __TEXT_CODESET };

/* Sets (value non-NULL) or reads one part of a domain's binding, as
 * bindtextdomain and bind_textdomain_codeset answer: the kept copy, the
 * default when unset (the directory /usr/share/locale, the codeset NULL),
 * NULL with errno ENOMEM when the copy cannot be made. The domain is a
 * non-empty name. */
char *__text_binding(const char *domain, const char *value, enum __text_binding part);

#endif
