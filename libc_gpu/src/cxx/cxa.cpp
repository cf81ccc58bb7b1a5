// The Itanium C++ ABI entry points that belong to the C library's side:
// static destructors and the traps for calls that must never happen.
#include "../__support/exit_handlers.h"
#include "../__support/fatal.h"

extern "C" {

// The image is one module, so one handle identifies it; its address is the key.
__attribute__((visibility("hidden"))) extern void *const __dso_handle = nullptr;

// Destructors of static objects, run by exit in reverse order of construction.
int __cxa_atexit(void (*destructor)(void *), void *object, void *) {
  return __exit_handlers_add_with_argument(destructor, object);
}

// Destructors of thread_local objects: a VM is one thread, whose end is the
// VM's exit.
int __cxa_thread_atexit(void (*destructor)(void *), void *object, void *) {
  return __exit_handlers_add_thread(destructor, object);
}

// There are no shared libraries to unload: exit runs every handler.
void __cxa_finalize(void *) {}

[[noreturn]] void __cxa_pure_virtual() {
  __libc_fatal("pure virtual method called\n");
}

[[noreturn]] void __cxa_deleted_virtual() {
  __libc_fatal("deleted virtual method called\n");
}

} // extern "C"
