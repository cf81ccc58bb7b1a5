; Host images keep return addresses and spilled registers out of every VM's
; reach: LLVM's SafeStack moves each stack object a pointer may reach to an
; unsafe stack, and gpu-c++ checks each move of the unsafe stack pointer
; down (a static frame, a variable-length array) against the stack's end
; with the light kernel's __gpuvm_confine_unsafe_stack, inlined, before the
; frame is set up. Restores (at a return) are not checked; objects used only
; at proven offsets stay where they were.
; RUN: opt -load-pass-plugin=%plugin -passes='function(safe-stack),gpuvm-check-unsafe-stacks' \
; RUN:   -S %s | FileCheck %s
; Without the kernel's check (-nostdlib): split, not checked.
; RUN: sed 's/^define void @__gpuvm_confine_unsafe_stack.*/declare void @__gpuvm_confine_unsafe_stack(ptr)/; /^; check body$/,/^} ; check$/d' %s \
; RUN:   | opt -load-pass-plugin=%plugin -passes='function(safe-stack),gpuvm-check-unsafe-stacks' -S \
; RUN:   | FileCheck %s --check-prefix=NONE
; NONE-LABEL: define void @escapes(
; NONE: store ptr %unsafe_stack_static_top, ptr @__safestack_unsafe_stack_ptr
; NONE-NOT: @end_of_stack

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@__safestack_unsafe_stack_ptr = external thread_local(initialexec) global ptr

define void @__gpuvm_confine_unsafe_stack(ptr %top) alwaysinline {
; check body
  %at = ptrtoint ptr %top to i64
  %past = icmp ult i64 %at, 4096
  br i1 %past, label %bad, label %fine
bad:
  call void @end_of_stack(i64 %at)
  br label %fine
fine:
  ret void
} ; check
declare void @end_of_stack(i64)
declare void @use(ptr)

; CHECK-LABEL: define void @escapes(
; CHECK: %unsafe_stack_ptr = load ptr, ptr @__safestack_unsafe_stack_ptr
; CHECK-NEXT: %unsafe_stack_static_top = getelementptr i8, ptr %unsafe_stack_ptr, i32 -16
; CHECK-NEXT: %[[AT:.*]] = ptrtoint ptr %unsafe_stack_static_top to i64
; CHECK: call void @end_of_stack(i64 %[[AT]])
; CHECK: store ptr %unsafe_stack_static_top, ptr @__safestack_unsafe_stack_ptr
; CHECK-NEXT: %[[A:.*]] = getelementptr i8, ptr %unsafe_stack_ptr, i32 -16
; CHECK-NEXT: call void @use(ptr %[[A]])
; CHECK-NEXT: store ptr %unsafe_stack_ptr, ptr @__safestack_unsafe_stack_ptr
; CHECK-NEXT: ret void
define void @escapes() safestack {
  %a = alloca [16 x i8]
  call void @use(ptr %a)
  ret void
}

; CHECK-LABEL: define i8 @proven(
; CHECK-NEXT: %a = alloca [16 x i8]
; CHECK-NOT: call
; CHECK: ret i8
define i8 @proven() safestack {
  %a = alloca [16 x i8]
  %p = getelementptr [16 x i8], ptr %a, i64 0, i64 3
  store i8 1, ptr %p
  %v = load i8, ptr %p
  ret i8 %v
}

; CHECK-LABEL: define void @dynamic(
; CHECK: %a = inttoptr i64 %[[TOP:.*]] to ptr
; CHECK: icmp ult i64 %[[TOP]], 4096
; CHECK: call void @end_of_stack(i64 %[[TOP]])
; CHECK: store ptr %a, ptr @__safestack_unsafe_stack_ptr
; CHECK-NEXT: call void @use(ptr %a)
define void @dynamic(i64 %n) safestack {
  %a = alloca i8, i64 %n
  call void @use(ptr %a)
  ret void
}

; The copy of a byval argument goes into the frame after the check.
; CHECK-LABEL: define void @byval_argument(
; CHECK: call void @end_of_stack(
; CHECK: store ptr %unsafe_stack_static_top, ptr @__safestack_unsafe_stack_ptr
; CHECK: call void @llvm.memcpy
define void @byval_argument(ptr byval([64 x i8]) %b) safestack {
  call void @use(ptr %b)
  ret void
}
