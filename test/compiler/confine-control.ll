; Confinement of control flow: an indirect call of the program's own code is
; checked against the functions it may reach, which the pass marks and, after
; optimization, lists in the image's table; every loop of the program's own
; code counts its iterations and calls the light kernel's budget check every
; 4096 of them. The light kernel's own functions are checked against the
; kernel's own checks, and their indirect calls as the program's; its
; loops have no budget. Its trusted functions, and the inline helpers only
; they call, stay as they are.
; RUN: opt -load-pass-plugin=%plugin -passes='gpuvm-confine' -S %s | FileCheck %s
; RUN: opt -load-pass-plugin=%plugin -passes='gpuvm-confine,gpuvm-confine-late' -S %s \
; RUN:   | FileCheck %s --check-prefix=LATE
; An unconfined module gets neither the table nor the counters.
; RUN: opt -load-pass-plugin=%plugin -passes='gpuvm-confine-late' -S %s \
; RUN:   | FileCheck %s --check-prefix=UNCONFINED
; UNCONFINED-NOT: gpuvm_function_entries
; UNCONFINED-NOT: gpuvm.budget

target triple = "x86_64-unknown-linux-gnu"

; What an indirect call may reach: a function whose address the program
; takes, one that a global names, a light-kernel function the program names
; (a callback it hands on) or the kernel itself does (its state, where such
; pointers sit, is in the VM's slice), and a constructor libc's start calls
; through the image's table, the light kernel's too (NVPTX's cycle breaker)
; -- not one only called directly, nor a trusted one whatever names it.
; LATE-DAG: @__gpuvm_function_entries = constant [5 x ptr] [ptr @taken, ptr @in_table, ptr @kernel_callback, ptr @kernel_constructor, ptr @kernel_internal]
; LATE-DAG: @llvm.compiler.used = {{.*}}@__gpuvm_confine_budget

@callbacks = constant [1 x ptr] [ptr @in_table]
@llvm.global_ctors = appending global [1 x { i32, ptr, ptr }] [{ i32, ptr, ptr } { i32 0, ptr @kernel_constructor, ptr null }]

; CHECK-LABEL: define i32 @dispatch(
; CHECK: call void @__gpuvm_confine_call(ptr %fn, ptr null)
; CHECK-NEXT: %a = call i32 %fn(i32 1)
; CHECK-NEXT: %b = call i32 @direct(i32 2)
define i32 @dispatch(ptr %fn) {
  %a = call i32 %fn(i32 1)
  %b = call i32 @direct(i32 2)
  %c = add i32 %a, %b
  ret i32 %c
}

define i32 @direct(i32 %x) {
  ret i32 %x
}
define i32 @taken(i32 %x) {
  ret i32 %x
}
define i32 @in_table(i32 %x) {
  ret i32 %x
}
define ptr @take() {
  ret ptr @taken
}
define ptr @take_kernel_callback() {
  ret ptr @kernel_callback
}

; LATE-LABEL: define void @spin(
; LATE: loop:
; LATE-NEXT: %gpuvm.budget = phi i32 [ %[[NEXT:[0-9]+]], %[[LATCH:[0-9]+]] ], [ 0, %entry ]
; LATE: %[[NEXT]] = add i32 %gpuvm.budget, 1
; LATE-NEXT: %[[LOW:[0-9]+]] = and i32 %[[NEXT]], 4095
; LATE-NEXT: %[[DUE:[0-9]+]] = icmp eq i32 %[[LOW]], 0
; LATE-NEXT: br i1 %[[DUE]], label %[[THEN:[0-9]+]], label %[[LATCH]]
; LATE: [[THEN]]:
; LATE-NEXT: call void @__gpuvm_confine_budget()
; LATE: [[LATCH]]:
; LATE: br i1 %done, label %exit, label %loop
define void @spin(i64 %n) {
entry:
  br label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %next, %loop ]
  %next = add i64 %i, 1
  %done = icmp eq i64 %next, %n
  br i1 %done, label %exit, label %loop
exit:
  ret void
}

; CHECK-LABEL: define i32 @kernel_dispatch(
; CHECK-NEXT: call void @__gpuvm_confine_kernel_read(ptr %state, i64 8, ptr null)
; CHECK-NEXT: %fn = load ptr, ptr %state
; CHECK-NEXT: call void @__gpuvm_confine_call(ptr %fn, ptr null)
; CHECK-NEXT: %a = call i32 %fn(i32 1)
; LATE-LABEL: define void @kernel_loop(
; LATE-NOT: gpuvm.budget
; LATE: ret void
define i32 @kernel_dispatch(ptr %state) #0 {
  %fn = load ptr, ptr %state
  %a = call i32 %fn(i32 1)
  ret i32 %a
}

; CHECK-LABEL: define void @kernel_trusted(
; CHECK-NOT: __gpuvm_confine
; CHECK: ret void
; CHECK-LABEL: define internal void @trusted_inline_helper(
; CHECK-NOT: __gpuvm_confine
; CHECK: ret void
; CHECK-LABEL: define internal void @trusted_callee(
; CHECK-NEXT: call void @__gpuvm_confine_kernel_write(ptr %p, i64 4, ptr null)
define void @kernel_trusted(ptr %ring, ptr %fn) #1 {
  store i32 1, ptr %ring
  call void @trusted_inline_helper(ptr %ring)
  call void @trusted_callee(ptr %ring)
  %a = call i32 %fn(i32 1)
  ret void
}
define ptr @kernel_names_trusted() #0 {
  ret ptr @kernel_trusted
}
define internal void @trusted_inline_helper(ptr %p) #2 {
  store i32 2, ptr %p
  ret void
}
define internal void @trusted_callee(ptr %p) #0 {
  store i32 3, ptr %p
  ret void
}
define void @kernel_loop(i64 %n) #0 {
entry:
  br label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %next, %loop ]
  %next = add i64 %i, 1
  %done = icmp eq i64 %next, %n
  br i1 %done, label %exit, label %loop
exit:
  ret void
}
define i32 @kernel_callback(i32 %x) #0 {
  ret i32 %x
}
define void @kernel_constructor() #0 {
  ret void
}
define i32 @kernel_internal(i32 %x) #0 {
  ret i32 %x
}
define ptr @kernel_takes() #0 {
  ret ptr @kernel_internal
}

define void @__gpuvm_confine_read(ptr %p, i64 %n, ptr %site) #0 {
  ret void
}
define void @__gpuvm_confine_write(ptr %p, i64 %n, ptr %site) #0 {
  ret void
}
define void @__gpuvm_confine_call(ptr %fn, ptr %site) #0 {
  ret void
}
define void @__gpuvm_confine_budget() #0 {
  ret void
}
define void @__gpuvm_confine_kernel_read(ptr %p, i64 %n, ptr %site) #0 {
  ret void
}
define void @__gpuvm_confine_kernel_write(ptr %p, i64 %n, ptr %site) #0 {
  ret void
}

attributes #0 = { "gpuvm-kernel" }
attributes #1 = { "gpuvm-kernel" "gpuvm-trusted" }
attributes #2 = { "gpuvm-kernel" inlinehint }
