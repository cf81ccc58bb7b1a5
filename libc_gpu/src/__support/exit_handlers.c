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

struct handler_list {
  struct handler_block first_block;
  struct handler_block *newest;
};

/* Plain globals: per VM. `newest` is set on first use rather than by an
 * initializer so that it needs no relocation when the VM boots. The VM's
 * one thread's thread_local destructors run before everything atexit and
 * static destructors registered, as glibc's exit runs them. */
static struct handler_list process_handlers;
static struct handler_list thread_handlers;

static struct exit_handler *new_record(struct handler_list *list) {
  if (!list->newest)
    list->newest = &list->first_block;
  if (list->newest->count == HANDLERS_PER_BLOCK) {
    struct handler_block *block = (struct handler_block *)calloc(1, sizeof *block);
    if (!block)
      return NULL;
    block->older = list->newest;
    list->newest = block;
  }
  return &list->newest->handlers[list->newest->count++];
}

static int add(struct handler_list *list, void (*plain)(void), void (*with_argument)(void *),
               void *argument) {
  struct exit_handler *record = new_record(list);
  if (!record)
    return -1;
  record->plain = plain;
  record->with_argument = with_argument;
  record->argument = argument;
  return 0;
}

int __exit_handlers_add_plain(void (*handler)(void)) {
  return add(&process_handlers, handler, NULL, NULL);
}

int __exit_handlers_add_with_argument(void (*handler)(void *), void *argument) {
  return add(&process_handlers, NULL, handler, argument);
}

int __exit_handlers_add_thread(void (*handler)(void *), void *argument) {
  return add(&thread_handlers, NULL, handler, argument);
}

static void run(struct handler_list *list) {
  while (list->newest) {
    struct handler_block *newest = list->newest;
    if (newest->count == 0) {
      list->newest = newest->older;
      if (newest != &list->first_block)
        free(newest);
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

void __exit_handlers_run(void) {
  run(&thread_handlers);
  run(&process_handlers);
}
