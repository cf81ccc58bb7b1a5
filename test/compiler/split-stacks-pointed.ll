; Which stack objects gpuvm-split-stacks (SplitStacksPass, host images) moves
; to the unsafe stack: every one used otherwise than by loads and stores at
; constant offsets inside it, the only accesses confinement leaves
; unchecked. SafeStack alone would keep some of the others on the hardware
; stack, where a checked write is refused as wild: an in-bounds memset, say.
; RUN: opt -load-pass-plugin=%plugin -passes=gpuvm-split-stacks -S %s | FileCheck %s
; The placeholder that marks them is gone afterwards, and so is the
; attribute SafeStack went by.
; RUN: opt -load-pass-plugin=%plugin -passes=gpuvm-split-stacks -S %s \
; RUN:   | FileCheck %s --check-prefix=CLEAN
; CLEAN-NOT: gpuvm.pointed
; CLEAN-NOT: {{[{ ]safestack[ }]}}
; CLEAN: declare void @use(ptr)

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

%pair = type { i64, i64 }

declare void @use(ptr)
declare void @llvm.memset.p0.i64(ptr, i8, i64, i1)

; CHECK-LABEL: define i8 @constant_offsets(
; CHECK-NEXT: %a = alloca [16 x i8]
; CHECK-NOT: __safestack_unsafe_stack_ptr
; CHECK: ret i8
define i8 @constant_offsets() {
  %a = alloca [16 x i8]
  %p = getelementptr inbounds i8, ptr %a, i64 3
  store i8 1, ptr %p
  %v = load i8, ptr %p
  ret i8 %v
}

; CHECK-LABEL: define void @memset_in_bounds(
; CHECK-NOT: alloca
; CHECK: load ptr, ptr @__safestack_unsafe_stack_ptr
; CHECK: call void @llvm.memset
; CHECK: ret void
define void @memset_in_bounds() {
  %a = alloca [16 x i8]
  call void @llvm.memset.p0.i64(ptr %a, i8 0, i64 16, i1 false)
  ret void
}

; CHECK-LABEL: define i8 @variable_index(
; CHECK-NOT: alloca
; CHECK: load ptr, ptr @__safestack_unsafe_stack_ptr
define i8 @variable_index(i64 %i) {
  %a = alloca [16 x i8]
  %p = getelementptr inbounds [16 x i8], ptr %a, i64 0, i64 %i
  %v = load i8, ptr %p
  ret i8 %v
}

; CHECK-LABEL: define void @past_the_end(
; CHECK-NOT: alloca
; CHECK: load ptr, ptr @__safestack_unsafe_stack_ptr
define void @past_the_end() {
  %a = alloca [16 x i8]
  %p = getelementptr i8, ptr %a, i64 12
  store i64 0, ptr %p
  ret void
}

; CHECK-LABEL: define void @variable_length(
; CHECK-NOT: alloca i8, i64 %n
; CHECK: load ptr, ptr @__safestack_unsafe_stack_ptr
define void @variable_length(i64 %n) {
  %a = alloca i8, i64 %n
  store i8 0, ptr %a
  ret void
}

; A byval argument handed on by address is copied to the unsafe stack.
; CHECK-LABEL: define void @byval_handed_on(
; CHECK: load ptr, ptr @__safestack_unsafe_stack_ptr
; CHECK: call void @llvm.memcpy
; CHECK: call void @use(ptr
define void @byval_handed_on(ptr byval(%pair) %s) {
  call void @use(ptr %s)
  ret void
}

; CHECK-LABEL: define i64 @byval_read(
; CHECK-NOT: __safestack_unsafe_stack_ptr
; CHECK: ret i64
define i64 @byval_read(ptr byval(%pair) %s) {
  %p = getelementptr inbounds i8, ptr %s, i64 8
  %v = load i64, ptr %p
  ret i64 %v
}
