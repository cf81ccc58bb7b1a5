; Integers that hold the address of private data, at any depth of structs
; and arrays, and at odd offsets in packed structs, get fix-ups like pointers
; do; a difference of two such addresses needs none; an address no
; relocation can express is an error that names its holder.
; RUN: opt -load-pass-plugin=%plugin -passes='gpuvm-privatize<arch=x86-64>' -S %s | FileCheck %s
; RUN: not opt -load-pass-plugin=%plugin -passes='gpuvm-privatize<arch=x86-64>' -disable-output %S/Inputs/unrelocatable.ll 2>&1 | FileCheck %s --check-prefix=BAD

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@g = global i32 1, align 4
@as_integer = global i64 ptrtoint (ptr @g to i64), align 8
@plus_eight = global i64 add (i64 ptrtoint (ptr @g to i64), i64 8), align 8
@in_struct = global { i8, [2 x { i16, i64 }] } { i8 1, [2 x { i16, i64 }] [{ i16, i64 } { i16 2, i64 0 }, { i16, i64 } { i16 3, i64 ptrtoint (ptr @g to i64) }] }, align 8
@packed = global <{ i8, i64 }> <{ i8 1, i64 ptrtoint (ptr @g to i64) }>, align 1
@difference = global i64 sub (i64 ptrtoint (ptr @plus_eight to i64), i64 ptrtoint (ptr @g to i64)), align 8

; Layout: g at 0, as_integer 8, plus_eight 16, in_struct 24 (its last i64
; at 24 + 8 + 16 + 8 = 56), packed 64 (its i64 at 65), difference 72.
; CHECK-DAG: @__gpuvm_fixups = constant [4 x i64] [i64 8, i64 16, i64 56, i64 65]
; The difference is a plain number: 16 - 0.
; CHECK-DAG: @__gpuvm_data_template = {{.*}} i64 ptrtoint (ptr getelementptr (i8, ptr null, i64 16) to i64) }>
; BAD: error: the initializer of 'low_half' holds an address in a form no relocation can express (truncated to fewer than 64 bits, or scaled); compute it at run time instead
