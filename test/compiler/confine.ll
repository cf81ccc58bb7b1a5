; Confinement (software fault isolation): every access of the program's own
; code that the pass cannot prove safe gets a check first; a constant offset
; inside a stack object or a global does not; the light kernel's functions
; (gpuvm-kernel) stay as they are; the image is marked confined.
; RUN: opt -load-pass-plugin=%plugin -passes='gpuvm-confine,gpuvm-privatize<arch=x86-64>' -S %s \
; RUN:   | FileCheck %s
; RUN: opt -load-pass-plugin=%plugin -passes='gpuvm-confine' -S %s | grep -c 'call void @__gpuvm_confine' \
; RUN:   | FileCheck %s --check-prefix=COUNT
; COUNT: 9
; Without the light kernel's check functions (-nostdlib) nothing changes and
; the image is not marked.
; RUN: sed '/^define void @__gpuvm_confine/,/^}/d' %s > %t.ll
; RUN: opt -load-pass-plugin=%plugin -passes='gpuvm-confine' -S %t.ll | FileCheck %s --check-prefix=BARE
; BARE-NOT: call void @__gpuvm_confine
; BARE-NOT: gpuvm.confined

target triple = "x86_64-unknown-linux-gnu"

; The site of a checked access with debug information; the privatizing
; pass records the mark in the image info (flags at byte 96).
; CHECK-DAG: @.gpuvm.site = {{.*}} c"server.c:42\00"
; CHECK-DAG: @__gpuvm_image_info = constant [104 x i8] c"{{.*}}\01\00\00\00\00\00\00\00"

@counter = global i32 5, align 4
@table = constant [4 x i32] [i32 1, i32 2, i32 3, i32 4], align 4

; CHECK-LABEL: define i32 @through_pointer(
; CHECK: call void @__gpuvm_confine_read(ptr %p, i64 4, ptr null)
; CHECK-NEXT: load i32, ptr %p
; CHECK: call void @__gpuvm_confine_write(ptr %p, i64 4, ptr null)
; CHECK-NEXT: store i32
define i32 @through_pointer(ptr %p) {
  %v = load i32, ptr %p, align 4
  %w = add i32 %v, 1
  store i32 %w, ptr %p, align 4
  ret i32 %v
}

; A constant offset inside a stack object, a private global or (reads) a
; constant: no check.
; CHECK-LABEL: define i32 @provably_safe(
; CHECK-NOT: __gpuvm_confine
; CHECK: ret i32
define i32 @provably_safe() {
  %local = alloca [8 x i32], align 4
  %slot = getelementptr inbounds [8 x i32], ptr %local, i64 0, i64 7
  store i32 1, ptr %slot, align 4
  store i32 2, ptr @counter, align 4
  %third = getelementptr inbounds [4 x i32], ptr @table, i64 0, i64 2
  %t = load i32, ptr %third, align 4
  %s = load i32, ptr %slot, align 4
  %r = add i32 %t, %s
  ret i32 %r
}

; Past the object, a variable index, or a store to a constant: checked.
; CHECK-LABEL: define void @checked(
; CHECK: call void @__gpuvm_confine_write(ptr %past, i64 4, ptr null)
; CHECK: call void @__gpuvm_confine_write(ptr %any, i64 4, ptr null)
; CHECK: call void @__gpuvm_confine_write(ptr @table, i64 4, ptr null)
define void @checked(i64 %i) {
  %local = alloca [8 x i32], align 4
  %past = getelementptr [8 x i32], ptr %local, i64 0, i64 8
  store i32 1, ptr %past, align 4
  %any = getelementptr [8 x i32], ptr %local, i64 0, i64 %i
  store i32 1, ptr %any, align 4
  store i32 0, ptr @table, align 4
  ret void
}

; Memory intrinsics: the source is read, the destination written, with the
; length the call has.
; CHECK-LABEL: define void @copies(
; CHECK: call void @__gpuvm_confine_read(ptr %from, i64 %n, ptr null)
; CHECK: call void @__gpuvm_confine_write(ptr %to, i64 %n, ptr null)
; CHECK: call void @llvm.memcpy
; CHECK: %[[LEN:.*]] = zext i32 %m to i64
; CHECK: call void @__gpuvm_confine_write(ptr %to, i64 %[[LEN]], ptr null)
; CHECK: call void @llvm.memset
define void @copies(ptr %to, ptr %from, i64 %n, i32 %m) {
  call void @llvm.memcpy.p0.p0.i64(ptr %to, ptr %from, i64 %n, i1 false)
  call void @llvm.memset.p0.i32(ptr %to, i8 0, i32 %m, i1 false)
  ret void
}

; With debug information the check names the access's file and line.
; CHECK-LABEL: define i32 @with_line(
; CHECK: call void @__gpuvm_confine_read(ptr %p, i64 4, ptr @.gpuvm.site)
define i32 @with_line(ptr %p) !dbg !5 {
  %v = load i32, ptr %p, align 4, !dbg !8
  ret i32 %v
}

; The light kernel works on every VM's shared structures: untouched.
; CHECK-LABEL: define void @kernel_function(
; CHECK-NOT: __gpuvm_confine
; CHECK: ret void
define void @kernel_function(ptr %shared) #0 {
  store i32 1, ptr %shared, align 4
  ret void
}

define void @__gpuvm_confine_read(ptr %p, i64 %n, ptr %site) #0 {
  ret void
}
define void @__gpuvm_confine_write(ptr %p, i64 %n, ptr %site) #0 {
  ret void
}


declare void @llvm.memcpy.p0.p0.i64(ptr, ptr, i64, i1)
declare void @llvm.memset.p0.i32(ptr, i8, i32, i1)

attributes #0 = { "gpuvm-kernel" }

!llvm.dbg.cu = !{!0}
!llvm.module.flags = !{!3, !4}
!0 = distinct !DICompileUnit(language: DW_LANG_C11, file: !1, emissionKind: FullDebug)
!1 = !DIFile(filename: "server.c", directory: "/src")
!3 = !{i32 2, !"Debug Info Version", i32 3}
!4 = !{i32 7, !"Dwarf Version", i32 5}
!5 = distinct !DISubprogram(name: "with_line", scope: !1, file: !1, line: 40, type: !6, unit: !0, spFlags: DISPFlagDefinition)
!6 = !DISubroutineType(types: !7)
!7 = !{null}
!8 = !DILocation(line: 42, scope: !5)
