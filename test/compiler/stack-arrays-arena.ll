; NVIDIA images: fixed-size arrays of 4 KiB or more, and in confined images
; variable-length arrays and alloca(), move from PTX's stack to the light
; kernel's arena (compiler/passes/StackArrays.h): each becomes
; __gpuvm_arena_alloc(bytes), stacksave and stackrestore __gpuvm_arena_save
; and __gpuvm_arena_restore, and a function with such arrays restores the
; arena's top at each return. Smaller fixed-size objects stay where they are.
; RUN: opt -load-pass-plugin=%plugin -passes=gpuvm-move-stack-arrays -S %s \
; RUN:   | FileCheck %s
; Unconfined images: the large fixed-size arrays alone.
; RUN: opt -load-pass-plugin=%plugin -passes=gpuvm-move-large-stack-arrays -S %s \
; RUN:   | FileCheck %s --check-prefix=LARGE
; LARGE-LABEL: define void @in_a_loop(
; LARGE-NEXT: %top = call ptr @llvm.stacksave.p0()
; LARGE-NEXT: %a = alloca i32, i64 %n
; LARGE-LABEL: define void @megabyte(
; LARGE: call ptr @__gpuvm_arena_alloc(i64 1048576)
; Without the kernel's functions (-nostdlib), nothing moves.
; RUN: sed 's/^define \(.*\) @__gpuvm_arena_\([a-z]*\)(\(.*\)) {.*/declare \1 @__gpuvm_arena_\2(\3)/' %s \
; RUN:   | opt -load-pass-plugin=%plugin -passes=gpuvm-move-stack-arrays -S \
; RUN:   | FileCheck %s --check-prefix=NONE
; NONE-LABEL: define void @in_a_loop(
; NONE: alloca i32, i64 %n
; NONE: call void @llvm.stackrestore

target datalayout = "e-p6:32:32-i64:64-i128:128-i256:256-v16:16-v32:32-n16:32:64"
target triple = "nvptx64-nvidia-cuda"

define ptr @__gpuvm_arena_alloc(i64 %bytes) { ret ptr null }
define ptr @__gpuvm_arena_save() { ret ptr null }
define void @__gpuvm_arena_restore(ptr %top) { ret void }
declare void @use(ptr)

; CHECK-LABEL: define void @in_a_loop(
; CHECK-NEXT: %arena.top = call ptr @__gpuvm_arena_save()
; CHECK-NEXT: %top = call ptr @__gpuvm_arena_save()
; CHECK-NEXT: %[[P:.*]] = call { i64, i1 } @llvm.umul.with.overflow.i64(i64 %n, i64 4)
; CHECK: %a = call ptr @__gpuvm_arena_alloc(i64
; CHECK-NEXT: call void @use(ptr %a)
; CHECK-NEXT: call void @__gpuvm_arena_restore(ptr %top)
; CHECK-NEXT: call void @__gpuvm_arena_restore(ptr %arena.top)
; CHECK-NEXT: ret void
define void @in_a_loop(i64 %n) {
  %top = call ptr @llvm.stacksave.p0()
  %a = alloca i32, i64 %n, align 4
  call void @use(ptr %a)
  call void @llvm.stackrestore.p0(ptr %top)
  ret void
}

; An over-aligned array gets room to be rounded up to its alignment.
; CHECK-LABEL: define void @aligned(
; CHECK: call { i64, i1 } @llvm.uadd.with.overflow.i64(i64 %{{.*}}, i64 48)
; CHECK: %[[M:.*]] = call ptr @__gpuvm_arena_alloc(
; CHECK: and i64 %{{.*}}, -64
; CHECK: %a = getelementptr i8, ptr %[[M]]
; CHECK: call void @__gpuvm_arena_restore(ptr %arena.top)
define void @aligned(i32 %n) {
  %a = alloca i8, i32 %n, align 64
  call void @use(ptr %a)
  ret void
}

; CHECK-LABEL: define void @fixed(
; CHECK-NEXT: %a = alloca [1023 x i32]
; CHECK-NOT: __gpuvm_arena
; CHECK: ret void
define void @fixed() {
  %a = alloca [1023 x i32]
  call void @use(ptr %a)
  ret void
}

; A megabyte buffer, as servers keep on Linux's stack: taken from the arena
; at the entry, its lifetime markers gone (they name allocas alone), given
; back at each return.
; CHECK-LABEL: define void @megabyte(
; CHECK-NEXT: %arena.top = call ptr @__gpuvm_arena_save()
; CHECK-NEXT: %buffer = call ptr @__gpuvm_arena_alloc(i64 1048576)
; CHECK-NEXT: %small = alloca [16 x i8]
; CHECK-NOT: llvm.lifetime
; CHECK: call void @use(ptr %buffer)
; CHECK: call void @__gpuvm_arena_restore(ptr %arena.top)
; CHECK-NEXT: ret void
; CHECK: call void @__gpuvm_arena_restore(ptr %arena.top)
; CHECK-NEXT: ret void
define void @megabyte(i1 %early) {
  %buffer = alloca [1048576 x i8], align 1
  %small = alloca [16 x i8]
  call void @llvm.lifetime.start.p0(ptr %buffer)
  call void @use(ptr %small)
  br i1 %early, label %out, label %work
work:
  call void @use(ptr %buffer)
  call void @llvm.lifetime.end.p0(ptr %buffer)
  ret void
out:
  ret void
}

; Over-aligned and exactly the threshold: room to round up, then rounded.
; CHECK-LABEL: define void @aligned_page(
; CHECK: %[[M:.*]] = call ptr @__gpuvm_arena_alloc(i64 4592)
; CHECK: and i64 %{{.*}}, -512
define void @aligned_page() {
  %page = alloca [4096 x i8], align 512
  call void @use(ptr %page)
  ret void
}

declare void @llvm.lifetime.start.p0(ptr)
declare void @llvm.lifetime.end.p0(ptr)
declare ptr @llvm.stacksave.p0()
declare void @llvm.stackrestore.p0(ptr)
