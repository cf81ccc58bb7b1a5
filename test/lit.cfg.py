# gpuvm's lit suites: compiler/ (driver, pass, outputs), runtime/ (gpuvm CLI,
# images, bad input), vm/ (programs run as many VMs on the host backend).
import os
import shutil

import lit.formats

config.name = "gpuvm"
config.test_format = lit.formats.ShTest(execute_external=True)
config.suffixes = [".c", ".cpp", ".ll", ".test"]
config.excludes = ["Inputs", "CMakeLists.txt"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.gpuvm_build_root, "test")

build = config.gpuvm_build_root
bin_dir = os.path.join(build, "bin")
config.environment["PATH"] = os.pathsep.join([bin_dir, config.llvm_bin, config.environment.get("PATH", "")])
for var in ["HOME", "TMPDIR"]:
    if var in os.environ:
        config.environment[var] = os.environ[var]

config.substitutions.append(("%gpucxx", os.path.join(bin_dir, "gpu-c++")))
config.substitutions.append(("%gpucc", os.path.join(bin_dir, "gpu-cc")))
config.substitutions.append(("%gpuvm", os.path.join(bin_dir, "gpuvm")))
config.substitutions.append(("%plugin", os.path.join(build, "lib", "gpuvm", "GpuvmPasses.so")))
config.substitutions.append(("%toolchain", os.path.join(build, "share", "gpuvm", "gpuvm-toolchain.cmake")))
config.substitutions.append(("%srcroot", config.gpuvm_source_root))
config.substitutions.append(("%builddir", build))

def cuda_root():
    for root in [os.environ.get("CUDA_PATH", ""), "/usr/local/cuda", "/usr/lib/cuda"]:
        if root and os.path.exists(os.path.join(root, "bin", "ptxas")):
            return root
    return None

root = cuda_root()
if root or shutil.which("ptxas"):
    config.available_features.add("ptxas")
    config.substitutions.append(("%ptxas", os.path.join(root, "bin", "ptxas") if root else shutil.which("ptxas")))
if (root and os.path.exists(os.path.join(root, "bin", "nvlink"))) or shutil.which("nvlink"):
    config.available_features.add("nvlink")
    config.substitutions.append(("%nvlink", os.path.join(root, "bin", "nvlink") if root else shutil.which("nvlink")))
# NVPTX builds share one cache inside the build tree, not the user's.
config.environment.setdefault("GPUVM_CACHE_DIR", os.path.join(build, "test-cache"))
if os.path.exists("/usr/lib/x86_64-linux-gnu/amdgcn/bitcode/ocml.bc"):
    config.available_features.add("rocm-device-libs")
if shutil.which("autoconf") and shutil.which("autoheader") and shutil.which("make") and \
        os.path.exists("/usr/share/misc/config.sub"):
    config.available_features.add("autoconf")
if shutil.which("cmake"):
    config.available_features.add("cmake")
if os.path.exists("/dev/nvidiactl"):
    config.available_features.add("cuda-gpu")
