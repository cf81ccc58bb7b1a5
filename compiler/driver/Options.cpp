#include "Options.h"

#include <boost/program_options.hpp>

#include <sstream>

namespace po = boost::program_options;

namespace gpuvm::driver {

namespace {

po::options_description describeOptions() {
  po::options_description general("Options");
  // clang-format off
  general.add_options()
    ("help", "print this help and exit")
    ("version", "print the version of gpu-c++ and of the clang it drives")
    ("target", po::value<std::string>()->value_name("T"),
     "host (default), nvptx, amdgcn, or their triples x86_64-unknown-linux-gnu, "
     "nvptx64-nvidia-cuda, amdgcn-amd-amdhsa")
    ("offload-arch", po::value<std::string>()->value_name("ARCH"),
     "GPU arch: gfx908, gfx90a (amdgcn default), gfx1030; sm_80, sm_90 (nvptx default)")
    (",c", "compile only: one LLVM bitcode object per input")
    (",S", "compile to target assembly (GCN assembly, PTX, x86-64) per input, before linking")
    (",E", "preprocess only")
    (",o", po::value<std::string>()->value_name("FILE"), "write the output to FILE")
    (",x", po::value<std::string>()->value_name("LANG"),
     "treat the following inputs as c or c++ (also c-header/c++-header for -E)")
    (",I", po::value<std::vector<std::string>>()->value_name("DIR"), "add an include directory")
    ("isystem", po::value<std::vector<std::string>>()->value_name("DIR"),
     "add a system include directory")
    ("include", po::value<std::vector<std::string>>()->value_name("FILE"),
     "include FILE before the source")
    (",D", po::value<std::vector<std::string>>()->value_name("NAME[=VALUE]"), "define a macro")
    (",U", po::value<std::vector<std::string>>()->value_name("NAME"), "undefine a macro")
    (",O", po::value<std::string>()->implicit_value("1")->value_name("LEVEL"),
     "optimization level 0, 1, 2, 3, s, z; images are optimized at -O2 unless told")
    (",g", po::value<std::string>()->implicit_value("")->value_name("KIND"), "debug information")
    ("std", po::value<std::string>()->value_name("STD"), "language standard, e.g. c11, c++20")
    (",W", po::value<std::vector<std::string>>()->value_name("WARNING"),
     "warning flags, passed to clang (-Wall, -Werror, -Wno-...)")
    (",w", "suppress all warnings")
    (",f", po::value<std::vector<std::string>>()->value_name("FLAG"),
     "code generation and language flags, passed to clang (-fPIC, -fno-rtti, ...); "
     "-fno-gpuvm-sfi links an image without software fault isolation (for measurements: "
     "gpuvm run refuses it unless --allow-unconfined); -fgpuvm-nvptx-transforms links a host "
     "image with the IR transforms that NVIDIA images need (arrays of 4 KiB or more in an "
     "arena in the VM's heap, cyclic global initializers cut into stores at boot), to debug "
     "their effects on the CPU; -fgpuvm-backtrace links an image whose VMs print their "
     "active functions (the innermost 64) when they crash or abort, on every backend")
    (",m", po::value<std::vector<std::string>>()->value_name("OPT"),
     "-mcpu=ARCH / -march=ARCH (same as --offload-arch), -mcode-object-version=4|5|6")
    ("max-registers", po::value<unsigned>()->value_name("N"),
     "nvptx: registers per VM thread (default 80, so that 100k VMs fit an H100 at once; "
     "0: no limit)")
    ("max-inline-size", po::value<unsigned>()->value_name("N"),
     "at link time, a function grown past N LLVM instructions by inlining inlines only "
     "callees of at most 64 more (default: 10000 for nvptx, where ptxas takes minutes over "
     "larger functions; 0 elsewhere; 0: no cap)")
    ("emit-llvm", "with -S or -c, write LLVM IR or bitcode")
    ("pedantic", "pass -pedantic to clang")
    ("pthread", "accepted for build-system compatibility; VMs are single-threaded")
    ("nostdlib", "do not link libc_gpu and lightkernel")
    (",L", po::value<std::vector<std::string>>()->value_name("DIR"), "add a library directory")
    (",l", po::value<std::vector<std::string>>()->value_name("NAME"), "link libNAME.a")
    ("dep", po::value<std::vector<std::string>>(), "(-MD, -MMD, -MP: dependency files)")
    ("dep-file", po::value<std::string>(), "(-MF FILE)")
    ("dep-target", po::value<std::vector<std::string>>(), "(-MT/-MQ TARGET)")
    ("xclang", po::value<std::vector<std::string>>()->value_name("ARG"),
     "(-Xclang ARG) pass ARG to clang's frontend")
    (",v", "print the commands gpu-c++ runs, then run them")
    ("dry-run", "(-###) print the commands gpu-c++ would run, run nothing")
    ("inputs", po::value<std::vector<std::string>>(), "input files");
  // clang-format on
  return general;
}

// clang spells some options in ways Program_options cannot take as they are;
// rewrite those to long options that mean the same.
std::vector<std::string> normalize(int argc, const char *const *argv, std::string &error) {
  std::vector<std::string> args;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    auto takeNext = [&](const std::string &longName) {
      if (i + 1 >= argc) {
        error = "option '" + arg + "' needs an argument";
        return;
      }
      args.push_back("--" + longName + "=" + argv[++i]);
    };
    if (arg == "-###")
      args.push_back("--dry-run");
    else if (arg == "-MD" || arg == "-MMD" || arg == "-MP")
      args.push_back("--dep=" + arg);
    else if (arg == "-MF")
      takeNext("dep-file");
    else if (arg == "-MT" || arg == "-MQ")
      takeNext("dep-target");
    else if (arg == "-Xclang")
      takeNext("xclang");
    else if (arg.rfind("--target=", 0) == 0 || arg.rfind("--offload-arch=", 0) == 0 ||
             arg.rfind("-std=", 0) == 0 || arg == "-emit-llvm" || arg == "-pedantic" ||
             arg == "-pthread" || arg == "-nostdlib" || arg == "-isystem" || arg == "-include")
      args.push_back(arg[1] == '-' ? arg : "-" + arg);
    else if (arg.rfind("-isystem", 0) == 0)
      args.push_back("--isystem=" + arg.substr(8));
    else if (arg == "-target")
      takeNext("target");
    // Alone, these mean their default level; spelled so, Program_options
    // would take the next argument (a source file) as the level.
    else if (arg == "-g")
      args.push_back("-g2");
    else if (arg == "-O")
      args.push_back("-O1");
    else
      args.push_back(arg);
    if (!error.empty())
      break;
  }
  return args;
}

std::optional<InputKind> kindFromLanguage(const std::string &lang) {
  if (lang == "c" || lang == "c-header")
    return InputKind::C;
  if (lang == "c++" || lang == "c++-header")
    return InputKind::Cxx;
  return std::nullopt;
}

InputKind kindFromPath(const std::string &path) {
  auto dot = path.rfind('.');
  std::string ext = dot == std::string::npos ? "" : path.substr(dot + 1);
  if (ext == "c" || ext == "i")
    return InputKind::C;
  if (ext == "cc" || ext == "cpp" || ext == "cxx" || ext == "c++" || ext == "C" || ext == "ii")
    return InputKind::Cxx;
  if (ext == "a")
    return InputKind::Archive;
  return InputKind::Object; // as cc does: anything else goes to the linker
}

} // namespace

std::string helpText() {
  std::ostringstream out;
  out << "usage: gpu-c++ [options] inputs...\n\n"
         "Compiles C and C++ for gpuvm VMs and links one image per target.\n"
         "Inputs: .c, .cc/.cpp/.cxx (compiled), .o (gpu-c++ bitcode objects), .a (archives of\n"
         "them). Without -c/-S/-E the inputs are linked with libc_gpu and lightkernel into an\n"
         "image for `gpuvm run`: an ELF shared object (host), an AMDGPU code object (amdgcn,\n"
         "code object v5 unless -mcode-object-version= says otherwise), or a cubin (nvptx, when\n"
         "ptxas is found; PTX text otherwise, which the CUDA driver compiles at load).\n\n"
      << describeOptions()
      << "\nAny other option goes to clang as it is, when gpu-c++ runs clang (-dM, -fsyntax-only,\n"
         "...); an option that takes its value as a separate argument must be joined to it.\n\n"
         "nvptx with ptxas and nvlink: the image is compiled in parts, cached by content in\n"
         "GPUVM_CACHE_DIR (default ~/.cache/gpuvm/objects; GPUVM_CACHE_MB bounds it, default\n"
         "2048, 0: no cache); GPUVM_NVPTX_PARTS=N sets the parts (1: one ptxas run), GPUVM_JOBS\n"
         "the threads, GPUVM_PTXAS_FLAGS more ptxas options (e.g. -O0).\n\n"
         "Exit status: 0 on success; 1 when the input or the command line has an error (clang's\n"
         "own status when clang failed); 70 when gpu-c++ itself failed, an internal error to\n"
         "report together with the command and its inputs.\n";
  return out.str();
}

std::string parseOptions(int argc, const char *const *argv, Options &out) {
  std::string error;
  std::vector<std::string> args = normalize(argc, argv, error);
  if (!error.empty())
    return error;

  po::positional_options_description positional;
  positional.add("inputs", -1);
  po::parsed_options parsed(nullptr);
  try {
    parsed = po::command_line_parser(args)
                 .options(describeOptions())
                 .positional(positional)
                 .style((po::command_line_style::default_style |
                         po::command_line_style::allow_long_disguise) &
                        ~po::command_line_style::allow_guessing)
                 .allow_unregistered()
                 .run();
  } catch (const po::error &e) {
    return e.what();
  }

  bool languageForced = false;
  InputKind forcedKind = InputKind::C;
  for (const po::option &opt : parsed.options) {
    const std::string &key = opt.string_key;
    if (opt.unregistered) {
      // What gpu-c++ does not know is clang's to judge (-dM, -fsyntax-only,
      // -Wno-..., ...): configure scripts and CMake probe with such flags.
      out.compileFlags.insert(out.compileFlags.end(), opt.original_tokens.begin(),
                              opt.original_tokens.end());
      out.clangOnly.insert(out.clangOnly.end(), opt.original_tokens.begin(),
                           opt.original_tokens.end());
      continue;
    }
    const std::string value = opt.value.empty() ? "" : opt.value.front();
    if (key == "inputs") {
      out.inputs.push_back({value, languageForced ? forcedKind : kindFromPath(value)});
    } else if (key == "help") {
      out.help = true;
    } else if (key == "version") {
      out.version = true;
    } else if (key == "target") {
      out.target = value;
    } else if (key == "offload-arch") {
      out.arch = value;
    } else if (key == "-c") {
      out.mode = Mode::Compile;
    } else if (key == "-S") {
      out.mode = Mode::Assemble;
    } else if (key == "-E") {
      out.mode = Mode::Preprocess;
    } else if (key == "-o") {
      out.output = value;
    } else if (key == "-x") {
      std::optional<InputKind> kind = kindFromLanguage(value);
      if (value != "none" && !kind)
        return "language '" + value + "' is not supported (use c or c++)";
      languageForced = kind.has_value();
      forcedKind = kind.value_or(InputKind::C);
    } else if (key == "-I" || key == "isystem" || key == "include" || key == "-D" || key == "-U") {
      std::string flag = key[0] == '-' ? key : "-" + key;
      if (flag.size() == 2)
        out.compileFlags.push_back(flag + value);
      else
        out.compileFlags.insert(out.compileFlags.end(), {flag, value});
    } else if (key == "-O") {
      if (value.size() != 1 || std::string("0123sz").find(value[0]) == std::string::npos)
        return "invalid optimization level '-O" + value + "'";
      out.optLevel = value[0];
    } else if (key == "-g") {
      out.compileFlags.push_back("-g" + value);
    } else if (key == "std") {
      out.compileFlags.push_back("-std=" + value);
    } else if (key == "-W") {
      if (value.rfind("l,", 0) == 0 || value.rfind("a,", 0) == 0 || value.rfind("p,", 0) == 0)
        return "'-W" + value +
               "': gpu-c++ links whole-program images itself and takes no "
               "linker, assembler or preprocessor pass-through flags";
      out.compileFlags.push_back("-W" + value);
    } else if (key == "-w") {
      out.compileFlags.push_back("-w");
    } else if (key == "-f") {
      if (value == "gpuvm-sfi" || value == "no-gpuvm-sfi")
        out.confine = value == "gpuvm-sfi";
      else if (value == "gpuvm-nvptx-transforms")
        out.nvptxTransforms = true;
      else if (value == "gpuvm-backtrace")
        out.backtrace = true;
      else
        out.compileFlags.push_back("-f" + value);
    } else if (key == "-m") {
      const std::string cpu = "cpu=", march = "arch=", cov = "code-object-version=";
      if (value.rfind(cpu, 0) == 0)
        out.arch = value.substr(cpu.size());
      else if (value.rfind(march, 0) == 0)
        out.arch = value.substr(march.size());
      else if (value.rfind(cov, 0) == 0) {
        std::string v = value.substr(cov.size());
        if (v != "4" && v != "5" && v != "6")
          return "invalid code object version '" + v + "' (expected 4, 5 or 6)";
        out.codeObjectVersion = v[0] - '0';
      } else
        out.compileFlags.push_back("-m" + value);
    } else if (key == "max-registers") {
      try {
        out.maxRegisters = unsigned(std::stoul(value));
      } catch (...) {
        return "invalid --max-registers '" + value + "'";
      }
      if (out.maxRegisters != 0 && (out.maxRegisters < 24 || out.maxRegisters > 255))
        return "--max-registers must be 0 or between 24 and 255";
    } else if (key == "max-inline-size") {
      try {
        size_t end = 0;
        out.maxInlineSize = unsigned(std::stoul(value, &end));
        if (end != value.size() || value[0] == '-')
          throw std::invalid_argument(value);
      } catch (...) {
        return "invalid --max-inline-size '" + value + "' (expected a number of instructions)";
      }
    } else if (key == "emit-llvm") {
      out.emitLlvm = true;
    } else if (key == "pedantic") {
      out.compileFlags.push_back("-pedantic");
    } else if (key == "pthread") {
      // Accepted so that build systems that add it keep working.
    } else if (key == "nostdlib") {
      out.noStdLib = true;
    } else if (key == "-L") {
      out.libDirs.push_back(value);
    } else if (key == "-l") {
      out.libs.push_back(value);
    } else if (key == "dep") {
      out.compileFlags.push_back(value);
    } else if (key == "dep-file") {
      out.compileFlags.insert(out.compileFlags.end(), {"-MF", value});
    } else if (key == "dep-target") {
      out.compileFlags.insert(out.compileFlags.end(), {"-MT", value});
    } else if (key == "xclang") {
      out.compileFlags.insert(out.compileFlags.end(), {"-Xclang", value});
    } else if (key == "-v") {
      out.verbose = true;
    } else if (key == "dry-run") {
      out.dryRun = true;
    }
  }
  return {};
}

unsigned maxInlineSize(const Options &opts, TargetKind kind) {
  return opts.maxInlineSize.value_or(kind == TargetKind::Nvptx ? 10000 : 0);
}

} // namespace gpuvm::driver
