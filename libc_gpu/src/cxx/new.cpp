// The global allocation functions of C++, over the VM's heap. Exceptions are
// off: a failed allocation that would throw std::bad_alloc ends this VM.
//
// libc++ (new.cpp, new_helpers.cpp) and libc++abi (stdlib_new_delete.cpp)
// would define all of this too, over malloc and a new_handler loop that can
// only end in abort without exceptions; our build of them leaves those files
// out, so these are the only definitions, on every target.
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

#include "../__support/heap.h"

// The declarations <new> would give; libc_gpu has no C++ headers of its own.
namespace std {
enum class align_val_t : size_t {};
struct nothrow_t {
  explicit nothrow_t() = default;
};
extern const nothrow_t nothrow;
const nothrow_t nothrow{};

// What libc++'s containers call where a throw of std::bad_alloc would be.
[[noreturn]] void __throw_bad_alloc();
void __throw_bad_alloc() {
  fputs("std::bad_alloc: out of memory\n", stderr);
  abort();
}
} // namespace std

namespace {

[[noreturn]] void out_of_memory(size_t size) {
  fprintf(stderr, "operator new: out of memory (%zu bytes)\n", size);
  abort();
}

void *allocate(size_t size) {
  void *block = __heap_alloc(size);
  if (!block)
    out_of_memory(size);
  return block;
}

void *allocate_aligned(size_t size, std::align_val_t alignment) {
  void *block = __heap_alloc_aligned(static_cast<size_t>(alignment), size);
  if (!block)
    out_of_memory(size);
  return block;
}

} // namespace

void *operator new(size_t size) {
  return allocate(size);
}
void *operator new[](size_t size) {
  return allocate(size);
}
void *operator new(size_t size, std::align_val_t alignment) {
  return allocate_aligned(size, alignment);
}
void *operator new[](size_t size, std::align_val_t alignment) {
  return allocate_aligned(size, alignment);
}

void *operator new(size_t size, const std::nothrow_t &) noexcept {
  return __heap_alloc(size);
}
void *operator new[](size_t size, const std::nothrow_t &) noexcept {
  return __heap_alloc(size);
}
void *operator new(size_t size, std::align_val_t alignment, const std::nothrow_t &) noexcept {
  return __heap_alloc_aligned(static_cast<size_t>(alignment), size);
}
void *operator new[](size_t size, std::align_val_t alignment, const std::nothrow_t &) noexcept {
  return __heap_alloc_aligned(static_cast<size_t>(alignment), size);
}

// Every block, aligned or not, goes back the same way.
void operator delete(void *block) noexcept {
  __heap_free(block);
}
void operator delete[](void *block) noexcept {
  __heap_free(block);
}
void operator delete(void *block, size_t) noexcept {
  __heap_free(block);
}
void operator delete[](void *block, size_t) noexcept {
  __heap_free(block);
}
void operator delete(void *block, std::align_val_t) noexcept {
  __heap_free(block);
}
void operator delete[](void *block, std::align_val_t) noexcept {
  __heap_free(block);
}
void operator delete(void *block, size_t, std::align_val_t) noexcept {
  __heap_free(block);
}
void operator delete[](void *block, size_t, std::align_val_t) noexcept {
  __heap_free(block);
}
void operator delete(void *block, const std::nothrow_t &) noexcept {
  __heap_free(block);
}
void operator delete[](void *block, const std::nothrow_t &) noexcept {
  __heap_free(block);
}
void operator delete(void *block, std::align_val_t, const std::nothrow_t &) noexcept {
  __heap_free(block);
}
void operator delete[](void *block, std::align_val_t, const std::nothrow_t &) noexcept {
  __heap_free(block);
}
