; Confined NVIDIA images: variable-length arrays and alloca() move from
; PTX's stack to the light kernel's arena (compiler/passes/VariableLengthArrays.h):
; each dynamic alloca becomes __gpuvm_vla_alloc(bytes), stacksave and
; stackrestore __gpuvm_vla_save and __gpuvm_vla_restore, and a function with
; such arrays restores the arena's top at each return. Fixed-size objects
; stay where they are.
; RUN: opt -load-pass-plugin=%plugin -passes=gpuvm-move-variable-length-arrays -S %s \
; RUN:   | FileCheck %s
; Without the kernel's functions (-nostdlib), nothing moves.
; RUN: sed 's/^define \(.*\) @__gpuvm_vla_\([a-z]*\)(\(.*\)) {.*/declare \1 @__gpuvm_vla_\2(\3)/' %s \
; RUN:   | opt -load-pass-plugin=%plugin -passes=gpuvm-move-variable-length-arrays -S \
; RUN:   | FileCheck %s --check-prefix=NONE
; NONE-LABEL: define void @in_a_loop(
; NONE: alloca i32, i64 %n
; NONE: call void @llvm.stackrestore

target datalayout = "e-p6:32:32-i64:64-i128:128-i256:256-v16:16-v32:32-n16:32:64"
target triple = "nvptx64-nvidia-cuda"

define ptr @__gpuvm_vla_alloc(i64 %bytes) { ret ptr null }
define ptr @__gpuvm_vla_save() { ret ptr null }
define void @__gpuvm_vla_restore(ptr %top) { ret void }
declare void @use(ptr)

; CHECK-LABEL: define void @in_a_loop(
; CHECK-NEXT: %vla.top = call ptr @__gpuvm_vla_save()
; CHECK-NEXT: %top = call ptr @__gpuvm_vla_save()
; CHECK-NEXT: %[[P:.*]] = call { i64, i1 } @llvm.umul.with.overflow.i64(i64 %n, i64 4)
; CHECK: %a = call ptr @__gpuvm_vla_alloc(i64
; CHECK-NEXT: call void @use(ptr %a)
; CHECK-NEXT: call void @__gpuvm_vla_restore(ptr %top)
; CHECK-NEXT: call void @__gpuvm_vla_restore(ptr %vla.top)
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
; CHECK: %[[M:.*]] = call ptr @__gpuvm_vla_alloc(
; CHECK: and i64 %{{.*}}, -64
; CHECK: %a = getelementptr i8, ptr %[[M]]
; CHECK: call void @__gpuvm_vla_restore(ptr %vla.top)
define void @aligned(i32 %n) {
  %a = alloca i8, i32 %n, align 64
  call void @use(ptr %a)
  ret void
}

; CHECK-LABEL: define void @fixed(
; CHECK-NEXT: %a = alloca [4 x i32]
; CHECK-NOT: __gpuvm_vla
; CHECK: ret void
define void @fixed() {
  %a = alloca [4 x i32]
  call void @use(ptr %a)
  ret void
}

declare ptr @llvm.stacksave.p0()
declare void @llvm.stackrestore.p0(ptr)
