; After optimization, where the checks stay calls (NVPTX), a check that a
; dominating check of the same base already proved -- its range inside the
; earlier one's, in a region at least as narrow -- is dropped: what a VM
; may touch does not change while it runs. Checks of one kind and base in a
; stretch of a block that, once begun, runs to its end, become one.
; RUN: opt -load-pass-plugin=%plugin -passes='gpuvm-confine,gpuvm-confine-late' -S %s \
; RUN:   | FileCheck %s

target triple = "nvptx64-nvidia-cuda"

; The same field read twice, then written: the read after the write's check
; goes too; the first read's check does not prove the write.
; CHECK-LABEL: define i32 @same_field(
; CHECK-NEXT: call void @__gpuvm_confine_read(ptr %p, i64 4, ptr null)
; CHECK-NEXT: %a = load i32, ptr %p
; CHECK-NEXT: %b = load i32, ptr %p
; CHECK-NEXT: %sum = add i32 %a, %b
; CHECK-NEXT: call void @__gpuvm_confine_write(ptr %p, i64 4, ptr null)
; CHECK-NEXT: store i32 %sum, ptr %p
; CHECK-NEXT: %c = load i32, ptr %p
; CHECK-NEXT: ret i32 %c
define i32 @same_field(ptr %p) {
  %a = load i32, ptr %p
  %b = load i32, ptr %p
  %sum = add i32 %a, %b
  store i32 %sum, ptr %p
  %c = load i32, ptr %p
  ret i32 %c
}

; A wide access proves the narrower ones inside it, at constant offsets of
; the same base, in later blocks too; not one that reaches past its end.
; CHECK-LABEL: define i32 @inside(
; CHECK-NEXT: entry:
; CHECK-NEXT: call void @__gpuvm_confine_read(ptr %p, i64 16, ptr null)
; CHECK-NEXT: %wide = load <4 x i32>, ptr %p
; CHECK: next:
; CHECK-NEXT: %second = getelementptr i8, ptr %p, i64 4
; CHECK-NEXT: %x = load i32, ptr %second
; CHECK-NEXT: %past = getelementptr i8, ptr %p, i64 14
; CHECK-NEXT: call void @__gpuvm_confine_read(ptr %past, i64 4, ptr null)
; CHECK-NEXT: %y = load i32, ptr %past
define i32 @inside(ptr %p) {
entry:
  %wide = load <4 x i32>, ptr %p
  br label %next
next:
  %second = getelementptr i8, ptr %p, i64 4
  %x = load i32, ptr %second
  %past = getelementptr i8, ptr %p, i64 14
  %y = load i32, ptr %past
  %e = extractelement <4 x i32> %wide, i32 0
  %s = add i32 %x, %y
  %t = add i32 %s, %e
  ret i32 %t
}

; Fields of one structure read in one stretch of a block: one check of
; their span, where the first was. A call that may not return ends the
; stretch: the field read after it keeps its own check.
; CHECK-LABEL: define i32 @fields(
; CHECK-NEXT: %a.at = getelementptr i8, ptr %p, i64 8
; CHECK-NEXT: [[SPAN:%.*]] = getelementptr i8, ptr %p, i64 4
; CHECK-NEXT: call void @__gpuvm_confine_read(ptr [[SPAN]], i64 12, ptr null)
; CHECK-NEXT: %a = load i32, ptr %a.at
; CHECK-NEXT: %b.at = getelementptr i8, ptr %p, i64 4
; CHECK-NEXT: %b = load i32, ptr %b.at
; CHECK-NEXT: %c.at = getelementptr i8, ptr %p, i64 12
; CHECK-NEXT: %c = load i32, ptr %c.at
; CHECK-NEXT: call void @may_exit()
; CHECK-NEXT: %d.at = getelementptr i8, ptr %p, i64 16
; CHECK-NEXT: call void @__gpuvm_confine_read(ptr %d.at, i64 4, ptr null)
; CHECK-NEXT: %d = load i32, ptr %d.at
define i32 @fields(ptr %p) {
  %a.at = getelementptr i8, ptr %p, i64 8
  %a = load i32, ptr %a.at
  %b.at = getelementptr i8, ptr %p, i64 4
  %b = load i32, ptr %b.at
  %c.at = getelementptr i8, ptr %p, i64 12
  %c = load i32, ptr %c.at
  call void @may_exit()
  %d.at = getelementptr i8, ptr %p, i64 16
  %d = load i32, ptr %d.at
  %ab = add i32 %a, %b
  %cd = add i32 %c, %d
  %r = add i32 %ab, %cd
  ret i32 %r
}
declare void @may_exit()

; Only a check that dominates: one on a single branch proves nothing after
; the branches meet; one before a loop proves the loop's accesses.
; CHECK-LABEL: define i32 @branches(
; CHECK: then:
; CHECK-NEXT: call void @__gpuvm_confine_read(ptr %p, i64 4, ptr null)
; CHECK: join:
; CHECK-NEXT: call void @__gpuvm_confine_read(ptr %p, i64 4, ptr null)
; CHECK-NEXT: %b = load i32, ptr %p
; CHECK: loop:
; CHECK-NOT: __gpuvm_confine
; CHECK: ret i32
define i32 @branches(ptr %p, i1 %c, i32 %n) {
entry:
  br i1 %c, label %then, label %join
then:
  %a = load i32, ptr %p
  br label %join
join:
  %b = load i32, ptr %p
  br label %loop
loop:
  %i = phi i32 [ 0, %join ], [ %next, %loop ]
  %v = load i32, ptr %p
  %next = add i32 %i, %v
  %done = icmp sge i32 %next, %n
  br i1 %done, label %out, label %loop
out:
  ret i32 %b
}

; A different base, or a size not known: each keeps its own check.
; CHECK-LABEL: define void @apart(
; CHECK: call void @__gpuvm_confine_write(ptr %p, i64 4, ptr null)
; CHECK: call void @__gpuvm_confine_write(ptr %q, i64 4, ptr null)
; CHECK: call void @__gpuvm_confine_write(ptr %p, i64 %n, ptr null)
; CHECK: call void @__gpuvm_confine_write(ptr %p, i64 %n, ptr null)
define void @apart(ptr %p, ptr %q, i64 %n) {
  store i32 1, ptr %p
  store i32 2, ptr %q
  call void @llvm.memset.p0.i64(ptr %p, i8 0, i64 %n, i1 false)
  call void @llvm.memset.p0.i64(ptr %p, i8 0, i64 %n, i1 false)
  ret void
}

; The kernel's own checks: a kernel write proves a kernel read, not the
; other way round.
; CHECK-LABEL: define i32 @kernel_state(
; CHECK-NEXT: call void @__gpuvm_confine_kernel_read(ptr %p, i64 4, ptr null)
; CHECK-NEXT: %a = load i32, ptr %p
; CHECK-NEXT: call void @__gpuvm_confine_kernel_write(ptr %p, i64 4, ptr null)
; CHECK-NEXT: store i32 1, ptr %p
; CHECK-NEXT: %b = load i32, ptr %p
define i32 @kernel_state(ptr %p) #0 {
  %a = load i32, ptr %p
  store i32 1, ptr %p
  %b = load i32, ptr %p
  %s = add i32 %a, %b
  ret i32 %s
}

declare void @llvm.memset.p0.i64(ptr, i8, i64, i1)

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
