; NVPTX cannot emit globals whose initializers name each other ("Circular
; dependency found in global variable set"); RTTI makes such a cycle in
; libc++abi itself: __si_class_type_info's vtable holds its type_info, whose
; vtable pointer is that vtable. gpuvm-break-cycles empties one pointer of
; each cycle, makes its global writable but shared (kept out of the private
; segment), and stores the pointer from a priority-0 constructor that each
; VM runs first. Cycles among private data are left to the privatizing pass.
; RUN: opt -load-pass-plugin=%plugin -passes=gpuvm-break-cycles -S %s | FileCheck %s
; RUN: opt -load-pass-plugin=%plugin -passes='gpuvm-break-cycles,gpuvm-privatize<arch=sm_90>' -S %s \
; RUN:   | FileCheck %s --check-prefix=PRIVATE
; RUN: opt -load-pass-plugin=%plugin -passes='gpuvm-break-cycles,gpuvm-privatize<arch=sm_90>' %s \
; RUN:   | llc -mtriple=nvptx64-nvidia-cuda -mcpu=sm_90 -o - | FileCheck %s --check-prefix=PTX
; Without the cut, code generation stops.
; RUN: not --crash llc -mtriple=nvptx64-nvidia-cuda -mcpu=sm_90 -o /dev/null %s 2>&1 \
; RUN:   | FileCheck %s --check-prefix=CYCLE
; CYCLE: Circular dependency found in global variable set

target datalayout = "e-p6:32:32-i64:64-i128:128-i256:256-v16:16-v32:32-n16:32:64"
target triple = "nvptx64-nvidia-cuda"

; A depth-first walk in module order cuts the edge that closes each cycle
; (the same one in every build): here the type_info's vtable pointer.
@vtable = unnamed_addr constant { [4 x ptr] } { [4 x ptr] [ptr null, ptr @typeinfo, ptr @f, ptr @g] }, align 8
@typeinfo = constant { ptr, ptr } { ptr getelementptr inbounds (ptr, ptr @vtable, i64 2), ptr @name }, align 8
@name = constant [6 x i8] c"shape\00", align 1
; A global that names itself is a cycle too.
@self = constant { ptr, i64 } { ptr getelementptr (i8, ptr @self, i64 8), i64 7 }, align 8
; Mutable globals pointing at each other become private; offsets, no cut.
@a = global ptr @b, align 8
@b = global ptr @a, align 8
@llvm.global_ctors = appending global [1 x { i32, ptr, ptr }] [{ i32, ptr, ptr } { i32 65535, ptr @init, ptr null }]

; CHECK: @vtable = unnamed_addr constant { [4 x ptr] } { [4 x ptr] [ptr null, ptr @typeinfo, ptr @f, ptr @g] }, align 8
; CHECK: @typeinfo = global { ptr, ptr } { ptr null, ptr @name }, section ".gpuvm_shared", align 8
; CHECK: @self = global { ptr, i64 } { ptr null, i64 7 }, section ".gpuvm_shared", align 8
; CHECK: @a = global ptr @b
; CHECK: @b = global ptr @a
; CHECK: @llvm.global_ctors = appending global [2 x { i32, ptr, ptr }] [{ i32, ptr, ptr } { i32 65535, ptr @init, ptr null }, { i32, ptr, ptr } { i32 0, ptr @__gpuvm_break_global_cycles, ptr null }]
; CHECK: define internal void @__gpuvm_break_global_cycles() [[FIXUP:#[0-9]+]]
; CHECK-NEXT: entry:
; CHECK-NEXT: store ptr getelementptr inbounds (ptr, ptr @vtable, i64 2), ptr @typeinfo, align 8
; CHECK-NEXT: store ptr getelementptr (i8, ptr @self, i64 8), ptr @self, align 8
; CHECK-NEXT: ret void
; Not the program's code, and its stores to shared data are meant: the
; kernel's checks would refuse them, so it is trusted.
; CHECK: attributes [[FIXUP]] = { "gpuvm-kernel" "gpuvm-trusted" }

; The cut globals stay shared (no section left on a GPU), and the
; constructor that mends them runs first.
; PRIVATE: @typeinfo = global { ptr, ptr } { ptr null, ptr @name }, align 8
; PRIVATE: @__gpuvm_ctors = constant [2 x ptr] [ptr @__gpuvm_break_global_cycles, ptr @init]
; PRIVATE-NOT: @a =

; PTX-DAG: .global .align 8 .u64 typeinfo[2] = {0, generic(name)};
; PTX-DAG: .global .align 8 .u64 vtable[4] = {0, generic(typeinfo), f, g};
; PTX-DAG: .global .align 8 .u64 __gpuvm_ctors[2] = {__gpuvm_break_global_cycles, init};

define void @f() {
  ret void
}

define void @g() {
  ret void
}

define void @init() {
  ret void
}
