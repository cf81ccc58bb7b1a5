; On a GPU one thread's stack overflow ends every VM of the launch, so where
; the light kernel defines __gpuvm_confine_stack (NVPTX), each function of the
; program that may recurse -- in a cycle of direct calls, or called through
; a pointer -- or whose frame is a kilobyte or more asks it first, with its
; frame's size and its name (with its file and line where debug information
; says them), whether the frame still fits; that ends the VM alone.
; Functions that can do neither, and the kernel's own, are left alone.
; RUN: opt -load-pass-plugin=%plugin -passes='gpuvm-confine,gpuvm-confine-late' -S %s \
; RUN:   | FileCheck %s
; Without the kernel's function (the host backend, which has guard pages):
; no calls.
; RUN: sed 's/^define void @__gpuvm_confine_stack.*/declare void @__gpuvm_confine_stack(i64, ptr)/; /^  ret void ; stack$/d; /^} ; stack$/d' %s \
; RUN:   | opt -load-pass-plugin=%plugin -passes='gpuvm-confine,gpuvm-confine-late' -S \
; RUN:   | FileCheck %s --check-prefix=NONE
; NONE-NOT: call void @__gpuvm_confine_stack

target triple = "nvptx64-nvidia-cuda"

; CHECK-DAG: @.gpuvm.site{{.*}} = {{.*}} c"countdown\00"
; A C++ name, demangled; file and line from the function's debug information.
; CHECK-DAG: @.gpuvm.site{{.*}} = {{.*}} c"twice(int) (twice.cpp:7)\00"

; CHECK-LABEL: define i32 @countdown(
; CHECK-NEXT: call void @__gpuvm_confine_stack(i64 0, ptr @.gpuvm.site{{.*}})
define i32 @countdown(i32 %n) {
  %done = icmp eq i32 %n, 0
  br i1 %done, label %out, label %again
again:
  %less = sub i32 %n, 1
  %r = call i32 @countdown(i32 %less)
  ret i32 %r
out:
  ret i32 0
}

; Mutual recursion: both.
; CHECK-LABEL: define i32 @ping(
; CHECK-NEXT: call void @__gpuvm_confine_stack(i64 16, ptr @.gpuvm.site{{.*}})
define i32 @ping(i32 %n) {
  %local = alloca [16 x i8]
  call void @use(ptr %local)
  %r = call i32 @pong(i32 %n)
  ret i32 %r
}
; CHECK-LABEL: define i32 @pong(
; CHECK-NEXT: call void @__gpuvm_confine_stack(i64 0, ptr @.gpuvm.site{{.*}})
define i32 @pong(i32 %n) {
  %r = call i32 @ping(i32 %n)
  ret i32 %r
}

; A large frame, no recursion: the frame must not be set up before the check
; (its first store beyond the stack would fault the launch), so the body
; moves into a function of its own, called once the check has passed.
; CHECK-LABEL: define i32 @big(i32 %n)
; CHECK-NEXT: call void @__gpuvm_confine_stack(i64 4096, ptr @.gpuvm.site{{.*}})
; CHECK-NEXT: [[R:%.*]] = call i32 @big.frame(i32 %n)
; CHECK-NEXT: ret i32 [[R]]
; CHECK-NEXT: }
define i32 @big(i32 %n) {
  %frame = alloca [4096 x i8]
  call void @use(ptr %frame)
  ret i32 %n
}

; Where arguments live in the caller's frame, the body cannot move: checked
; at its entry.
; CHECK-LABEL: define void @big_byval(
; CHECK-NEXT: call void @__gpuvm_confine_stack(i64 2048, ptr @.gpuvm.site{{.*}})
; CHECK-NEXT: %frame = alloca
define void @big_byval(ptr byval([8 x i8]) %p) {
  %frame = alloca [2048 x i8]
  call void @use(ptr %frame)
  ret void
}

; Called through a pointer: it may recurse where the call graph cannot see.
; CHECK-LABEL: define i32 @callback(
; CHECK-NEXT: call void @__gpuvm_confine_stack(i64 0, ptr @.gpuvm.site{{.*}})
define i32 @callback(i32 %x) {
  ret i32 %x
}
define ptr @take() {
  ret ptr @callback
}

; A variable-length array: its size is not known at entry; checked as far
; as the static part goes.
; CHECK-LABEL: define void @vla(
; CHECK-NEXT: call void @__gpuvm_confine_stack(i64 0, ptr @.gpuvm.site{{.*}})
define void @vla(i64 %n) {
  %array = alloca i8, i64 %n
  call void @use(ptr %array)
  ret void
}

; A small frame, no recursion: nothing.
; CHECK-LABEL: define void @small(
; CHECK-NOT: __gpuvm_confine_stack
; CHECK: ret void
define void @small() {
  %frame = alloca [64 x i8]
  call void @use(ptr %frame)
  ret void
}

; The kernel's own functions: nothing, recursive or not.
; CHECK-LABEL: define void @kernel_recurses(
; CHECK-NOT: __gpuvm_confine_stack
; CHECK: ret void
define void @kernel_recurses(i32 %n) #0 {
  call void @kernel_recurses(i32 %n)
  ret void
}

; CHECK-LABEL: define i32 @_Z5twicei(
; CHECK-NEXT: call void @__gpuvm_confine_stack(i64 0, ptr @.gpuvm.site
define i32 @_Z5twicei(i32 %n) !dbg !3 {
  %r = call i32 @_Z5twicei(i32 %n), !dbg !4
  ret i32 %r
}

declare void @use(ptr)

define void @__gpuvm_confine_read(ptr %p, i64 %n, ptr %site) #0 {
  ret void
}
define void @__gpuvm_confine_write(ptr %p, i64 %n, ptr %site) #0 {
  ret void
}
define void @__gpuvm_confine_stack(i64 %frame, ptr %site) #0 {
  ret void ; stack
} ; stack

; The moved body: internal, never inlined back, not a call target.
; CHECK: define internal i32 @big.frame(i32 %n) #[[BODY:[0-9]+]]
; CHECK-NEXT: %frame = alloca [4096 x i8]
; CHECK: attributes #[[BODY]] = { noinline }

attributes #0 = { "gpuvm-kernel" }

!llvm.dbg.cu = !{!0}
!llvm.module.flags = !{!5}
!0 = distinct !DICompileUnit(language: DW_LANG_C_plus_plus, file: !1, emissionKind: FullDebug)
!1 = !DIFile(filename: "twice.cpp", directory: "/src")
!2 = !DISubroutineType(types: !{})
!3 = distinct !DISubprogram(name: "twice", scope: !1, file: !1, line: 7, type: !2, unit: !0, spFlags: DISPFlagDefinition)
!4 = !DILocation(line: 8, scope: !3)
!5 = !{i32 2, !"Debug Info Version", i32 3}
