; After optimization, where the checks stay calls (NVPTX), a check in a loop
; whose address moves by a fixed step each iteration becomes one check,
; before the loop, of every address the loop will reach -- where the loop's
; only exit is its latch, the check runs in every iteration, the count is
; known on entry and the loop calls nothing but checks and intrinsics (what
; it does is then seen by no one if a check fails) -- then outward while the
; same holds for the enclosing loop.
; RUN: opt -load-pass-plugin=%plugin -passes='gpuvm-confine,gpuvm-confine-late' -S %s \
; RUN:   | FileCheck %s

target datalayout = "e-p6:32:32-i64:64-i128:128-v16:16-v32:32-n16:32:64"
target triple = "nvptx64-nvidia-cuda"

; The Internet checksum's loop: two bytes an iteration, merged into one
; check of 2, then one check of all of them before the loop.
; The count (pairs - 1) is not known to stay small: the span, 2 bytes times
; the count plus the last 2, is computed with overflow checks, and is the
; whole address space if it wraps (pairs = 0 runs the loop 2^64 times).
; CHECK-LABEL: define i64 @sum(
; CHECK: entry:
; CHECK-NEXT: [[COUNT:%.*]] = add i64 %pairs, -1
; CHECK-NEXT: [[TRAVEL:%.*]] = call { i64, i1 } @llvm.umul.with.overflow.i64(i64 2, i64 [[COUNT]])
; CHECK-NEXT: [[T:%.*]] = extractvalue { i64, i1 } [[TRAVEL]], 0
; CHECK-NEXT: [[TOTAL:%.*]] = call { i64, i1 } @llvm.uadd.with.overflow.i64(i64 [[T]], i64 2)
; CHECK-NEXT: [[SUM:%.*]] = extractvalue { i64, i1 } [[TOTAL]], 0
; CHECK-NEXT: [[O2:%.*]] = extractvalue { i64, i1 } [[TOTAL]], 1
; CHECK-NEXT: [[O1:%.*]] = extractvalue { i64, i1 } [[TRAVEL]], 1
; CHECK-NEXT: [[WRAPPED:%.*]] = or i1 [[O1]], [[O2]]
; CHECK-NEXT: [[SPAN:%.*]] = select i1 [[WRAPPED]], i64 -1, i64 [[SUM]]
; CHECK-NEXT: call void @__gpuvm_confine_read(ptr %p, i64 [[SPAN]], ptr null)
; CHECK-NEXT: br label %loop
; CHECK: loop:
; CHECK-NOT: call
; CHECK: out:
define i64 @sum(ptr %p, i64 %pairs) {
entry:
  br label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %next, %loop ]
  %acc = phi i64 [ 0, %entry ], [ %acc2, %loop ]
  %at = getelementptr i16, ptr %p, i64 %i
  %hi.at = getelementptr i8, ptr %at, i64 1
  %lo = load i8, ptr %at
  %hi = load i8, ptr %hi.at
  %lo64 = zext i8 %lo to i64
  %hi64 = zext i8 %hi to i64
  %acc1 = add i64 %acc, %lo64
  %acc2 = add i64 %acc1, %hi64
  %next = add nuw i64 %i, 1
  %done = icmp eq i64 %next, %pairs
  br i1 %done, label %out, label %loop
out:
  ret i64 %acc2
}

; Downward, a word at a time, writing: the range starts at the last word.
; CHECK-LABEL: define void @down(
; CHECK: entry:
; CHECK: [[LAST:%.*]] = getelementptr i8, ptr %p, i64 {{%.*}}
; CHECK: [[LOW:%.*]] = getelementptr i8, ptr [[LAST]], i64 {{%.*}}
; CHECK-NEXT: call void @__gpuvm_confine_write(ptr [[LOW]], i64 {{%.*}}, ptr null)
; CHECK-NEXT: br label %loop
; CHECK: loop:
; CHECK-NOT: call
; CHECK: ret void
define void @down(ptr %p, i64 %n) {
entry:
  br label %loop
loop:
  %i = phi i64 [ %n, %entry ], [ %next, %loop ]
  %at = getelementptr i64, ptr %p, i64 %i
  store i64 0, ptr %at
  %next = add nsw i64 %i, -1
  %done = icmp slt i64 %next, 0
  br i1 %done, label %out, label %loop
out:
  ret void
}

; Rows of a grid: out of the inner loop (a span of 64 cells that cannot
; wrap: plain arithmetic, constant), then out of the outer one, rows of 256
; bytes.
; CHECK-LABEL: define void @grid(
; CHECK: entry:
; CHECK: @llvm.umul.with.overflow.i64(i64 256,
; CHECK: call void @__gpuvm_confine_write(ptr %p,
; CHECK-NEXT: br label %rows
; CHECK-NOT: call void @__gpuvm_confine
; CHECK: ret void
; A row alone: its span is a constant.
; CHECK-LABEL: define void @row(
; CHECK: entry:
; CHECK-NEXT: call void @__gpuvm_confine_write(ptr %p, i64 256, ptr null)
; CHECK-NEXT: br label %columns
define void @grid(ptr %p, i64 %height) {
entry:
  br label %rows
rows:
  %r = phi i64 [ 0, %entry ], [ %r.next, %rows.end ]
  %row = mul nuw i64 %r, 64
  br label %columns
columns:
  %c = phi i64 [ 0, %rows ], [ %c.next, %columns ]
  %cell = add nuw i64 %row, %c
  %at = getelementptr i32, ptr %p, i64 %cell
  store i32 7, ptr %at
  %c.next = add nuw i64 %c, 1
  %c.done = icmp eq i64 %c.next, 64
  br i1 %c.done, label %rows.end, label %columns
rows.end:
  %r.next = add nuw i64 %r, 1
  %r.done = icmp eq i64 %r.next, %height
  br i1 %r.done, label %out, label %rows
out:
  ret void
}

define void @row(ptr %p) {
entry:
  br label %columns
columns:
  %c = phi i64 [ 0, %entry ], [ %c.next, %columns ]
  %at = getelementptr i32, ptr %p, i64 %c
  store i32 7, ptr %at
  %c.next = add nuw i64 %c, 1
  %c.done = icmp eq i64 %c.next, 64
  br i1 %c.done, label %out, label %columns
out:
  ret void
}

; Not moved: a loop that calls something else (what it prints before a wild
; access must still be printed), one that can leave before its latch, a
; check on only some iterations, an address not moving by a fixed step.
; CHECK-LABEL: define void @calls(
; CHECK: loop:
; CHECK: call void @__gpuvm_confine_write(
; CHECK-LABEL: define i32 @leaves(
; CHECK: loop:
; CHECK: call void @__gpuvm_confine_read(
; CHECK-LABEL: define void @sometimes(
; CHECK: then:
; CHECK: call void @__gpuvm_confine_write(
; CHECK-NEXT: store i8 1
; CHECK-LABEL: define i32 @chase(
; CHECK: loop:
; CHECK: call void @__gpuvm_confine_read(
define void @calls(ptr %p, i64 %n) {
entry:
  br label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %next, %loop ]
  %at = getelementptr i8, ptr %p, i64 %i
  call void @print(i64 %i)
  store i8 0, ptr %at
  %next = add nuw i64 %i, 1
  %done = icmp eq i64 %next, %n
  br i1 %done, label %out, label %loop
out:
  ret void
}

define i32 @leaves(ptr %p, i64 %n) {
entry:
  br label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %next, %latch ]
  %at = getelementptr i32, ptr %p, i64 %i
  %v = load i32, ptr %at
  %zero = icmp eq i32 %v, 0
  br i1 %zero, label %found, label %latch
latch:
  %next = add nuw i64 %i, 1
  %done = icmp eq i64 %next, %n
  br i1 %done, label %out, label %loop
found:
  ret i32 1
out:
  ret i32 0
}

define void @sometimes(ptr %p, i64 %n) {
entry:
  br label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %next, %latch ]
  %odd = trunc i64 %i to i1
  br i1 %odd, label %then, label %latch
then:
  %at = getelementptr i8, ptr %p, i64 %i
  store i8 1, ptr %at
  br label %latch
latch:
  %next = add nuw i64 %i, 1
  %done = icmp eq i64 %next, %n
  br i1 %done, label %out, label %loop
out:
  ret void
}

define i32 @chase(ptr %list, i64 %n) {
entry:
  br label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %next, %loop ]
  %node = phi ptr [ %list, %entry ], [ %node.next, %loop ]
  %node.next = load ptr, ptr %node
  %next = add nuw i64 %i, 1
  %done = icmp eq i64 %next, %n
  br i1 %done, label %out, label %loop
out:
  ret i32 0
}

declare void @print(i64)

define void @__gpuvm_confine_read(ptr %p, i64 %n, ptr %site) #0 {
  ret void
}
define void @__gpuvm_confine_write(ptr %p, i64 %n, ptr %site) #0 {
  ret void
}
define void @__gpuvm_confine_kernel_read(ptr %p, i64 %n, ptr %site) #0 {
  ret void
}
define void @__gpuvm_confine_kernel_write(ptr %p, i64 %n, ptr %site) #0 {
  ret void
}

attributes #0 = { "gpuvm-kernel" }
