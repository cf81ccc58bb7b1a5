#include "exit_handlers.h"

#include <stdlib.h>

/* C guarantees 32 atexit registrations; C++ registers one per static object
 * with a destructor, so more blocks come from the heap when one fills up. */
#define HANDLERS_PER_BLOCK 32

struct exit_handler {
  /* Calling through the exact type matters on NVPTX, where a call's
   * prototype must match the callee's. */
  void (*plain)(void);
  void (*with_argument)(void *);
  void *argument;
};

struct handler_block {
  struct handler_block *older;
  unsigned count;
  struct exit_handler handlers[HANDLERS_PER_BLOCK];
};

/* Plain globals: per VM. `newest` is set on first use rather than by an
 * initializer so that it needs no relocation when the VM boots. */
static struct handler_block first_block;
static struct handler_block *newest;

static struct exit_handler *new_record(void) {
  if (!newest)
    newest = &first_block;
  if (newest->count == HANDLERS_PER_BLOCK) {
    struct handler_block *block = (struct handler_block *)calloc(1, sizeof *block);
    if (!block)
      return NULL;
    block->older = newest;
    newest = block;
  }
  return &newest->handlers[newest->count++];
}

int __exit_handlers_add_plain(void (*handler)(void)) {
  struct exit_handler *record = new_record();
  if (!record)
    return -1;
  record->plain = handler;
  record->with_argument = NULL;
  record->argument = NULL;
  return 0;
}

int __exit_handlers_add_with_argument(void (*handler)(void *), void *argument) {
  struct exit_handler *record = new_record();
  if (!record)
    return -1;
  record->plain = NULL;
  record->with_argument = handler;
  record->argument = argument;
  return 0;
}

void __exit_handlers_run(void) {
  while (newest) {
    if (newest->count == 0) {
      struct handler_block *done = newest;
      newest = done->older;
      if (done != &first_block)
        free(done);
      continue;
    }
    /* Take the record out before calling it: the handler may register more. */
    struct exit_handler record = newest->handlers[--newest->count];
    if (record.plain)
      record.plain();
    else
      record.with_argument(record.argument);
  }
}
