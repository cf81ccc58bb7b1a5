// NVIDIA code passes C++ objects by reference, as the Itanium ABI does: the
// callee takes a plain pointer (no byval copy), and the caller hands it the
// temporary it built for the call and destroys it after
// (compiler/passes/ObjectArguments.h; the behaviour is
// test/compiler/semantics/object-arguments.cpp, on a GPU in utils/gpu-check).
// A struct variable passed in C is copied by the caller, as byval did.
// RUN: %gpucxx --target=nvptx -O0 -S -emit-llvm %s -o - | FileCheck %s --implicit-check-not=byval
// RUN: %gpucxx --target=nvptx -O0 -S -emit-llvm -x c %S/Inputs/struct-argument.c -o - \
// RUN:   | FileCheck %s --check-prefix=C --implicit-check-not=byval
// C-LABEL: define {{.*}} @pass_point(
// C:      call void @llvm.memcpy{{.*}}(ptr {{.*}}[[COPY:%[0-9]+]], ptr {{.*}}[[POINT:%[0-9]+]], i64 8,
// C-NEXT: call i32 @move_point(ptr noundef align 4 dereferenceable(8) [[COPY]])
// C:      getelementptr {{.*}} [[POINT]]
// C-LABEL: define {{.*}} @pass_link(
// C:      call void @llvm.memcpy{{.*}}(ptr {{.*}}[[LINKCOPY:%[0-9]+]], ptr {{.*}}, i64 16,
// C-NEXT: call i32 @follow(ptr noundef align 8 dereferenceable(16) [[LINKCOPY]])
struct Tracked {
  int value;
  explicit Tracked(int v);
  ~Tracked();
};

// CHECK-LABEL: define {{.*}} @_Z4keep7Tracked(ptr noundef align 4 dereferenceable(4) %0)
void keep(Tracked tracked) {
  tracked.value += 1;
}

// CHECK-LABEL: define {{.*}} @_Z9pass_tempv(
// CHECK:      call void @_ZN7TrackedC1Ei(ptr {{.*}} [[TEMP:%[0-9]+]], i32
// CHECK-NEXT: call void @_Z4keep7Tracked(ptr noundef align 4 dereferenceable(4) [[TEMP]])
// CHECK-NEXT: call void @_ZN7TrackedD1Ev(ptr {{.*}} [[TEMP]])
void pass_temp() {
  keep(Tracked(7));
}
