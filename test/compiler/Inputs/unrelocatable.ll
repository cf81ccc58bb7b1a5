; An address truncated to 32 bits: no per-VM fix-up can add a 64-bit base.
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@g = global i32 1, align 4
@low_half = global i32 trunc (i64 ptrtoint (ptr @g to i64) to i32), align 4
