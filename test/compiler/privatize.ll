; The privatizing pass moves every mutable global into the VM's private
; segment, reached through __gpuvm_private_base(); constants stay shared;
; pointers between private globals become offsets with fixups.
; RUN: opt -load-pass-plugin=%plugin -passes='gpuvm-privatize<arch=x86-64>' -S %s | FileCheck %s

target triple = "x86_64-unknown-linux-gnu"

@counter = global i32 5, align 4
@buffer = global [64 x i8] zeroinitializer, align 16
@points_to_counter = global ptr @counter, align 8
@shared_table = constant [2 x i32] [i32 1, i32 2], align 4
@const_pointing_to_private = constant ptr getelementptr (i8, ptr @buffer, i64 4), align 8
@llvm.global_ctors = appending global [1 x { i32, ptr, ptr }] [{ i32, ptr, ptr } { i32 65535, ptr @init, ptr null }]

; Constants stay where they are, one copy for all VMs.
; CHECK-DAG: @shared_table = constant [2 x i32] [i32 1, i32 2]
; Initialized private data forms the template, with pointer fields holding
; segment offsets: counter at 0, points_to_counter at 8 (-> 0),
; const_pointing_to_private at 16 (-> buffer at 32, plus 4).
; CHECK-DAG: @__gpuvm_data_template = constant <{ i32, [4 x i8], ptr, ptr }> <{ i32 5, [4 x i8] zeroinitializer, ptr null, ptr getelementptr (i8, ptr getelementptr (i8, ptr null, i64 32), i64 4) }>, align 16
; CHECK-DAG: @__gpuvm_fixups = constant [2 x i64] [i64 8, i64 16]
; CHECK-DAG: @__gpuvm_ctors = constant [1 x ptr] [ptr @init]
; CHECK-DAG: @__gpuvm_image_info = constant [104 x i8]
; No mutable global survives, and no loader runs the constructors once.
; CHECK-NOT: @counter =
; CHECK-NOT: @buffer =
; CHECK-NOT: @llvm.global_ctors

define i32 @read_counter() {
  %v = load i32, ptr @counter, align 4
  ret i32 %v
}
; CHECK-LABEL: define i32 @read_counter()
; CHECK-NEXT: %vm.base = call ptr @__gpuvm_private_base()
; CHECK-NEXT: %counter.vm = getelementptr i8, ptr %vm.base, i64 0
; CHECK-NEXT: load i32, ptr %counter.vm

define i32 @read_table(i64 %i) {
  %p = getelementptr [2 x i32], ptr @shared_table, i64 0, i64 %i
  %v = load i32, ptr %p, align 4
  ret i32 %v
}
; CHECK-LABEL: define i32 @read_table(
; CHECK-NOT: __gpuvm_private_base
; CHECK: getelementptr [2 x i32], ptr @shared_table

define void @init() {
  store i8 1, ptr getelementptr (i8, ptr @buffer, i64 3), align 1
  ret void
}
; CHECK-LABEL: define void @init()
; CHECK: %buffer.vm = getelementptr i8, ptr %vm.base, i64 32
; CHECK: getelementptr i8, ptr %buffer.vm, i64 3
