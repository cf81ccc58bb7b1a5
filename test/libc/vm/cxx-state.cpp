// libc++'s hidden state belongs to each VM too: std::cout's format flags,
// fill, precision and buffer, the global and classic locales and their
// facets, a function-local static and std::string's heap. 48 VMs set each
// differently and yield to each other between every step; each VM must print
// what the g++ (libstdc++) build prints when it runs alone as that VM.
// RUN: rm -rf %t && mkdir -p %t/logs %t/expected
// RUN: %glibc-cxx %s -o %t/native.exe
// RUN: for k in $(seq 0 47); do %t/native.exe $k > %t/expected/vm-$k.out; done
// RUN: %gpucxx --target=host -std=c++20 -O2 %s -o %t/cxx-state.img
// RUN: %gpuvm run %t/cxx-state.img --vms 48 --log-dir %t/logs -- {vm} 2>%t/err
// RUN: for k in $(seq 0 47); do diff %t/expected/vm-$k.out %t/logs/vm-$k.out || echo "vm $k differs"; done > %t/diffs
// RUN: FileCheck %s --input-file=%t/diffs --allow-empty --implicit-check-not=differs
// RUN: FileCheck %s --check-prefix=SUMMARY < %t/err
// SUMMARY: 48 exited with status 0
#include <cstdlib>
#include <iomanip>
#include <iostream>
#include <locale>
#include <sstream>
#include <string>

#ifdef __gpuvm__
#include <gpuvm.h>
#else
// Alone on Linux there is nobody to yield to.
static void gpuvm_yield() {}
#endif

static std::string &journal() {
  static std::string entries("journal:"); // built once per VM, on first use
  return entries;
}

int main(int argc, char **argv) {
  unsigned vm = argc > 1 ? static_cast<unsigned>(std::strtoul(argv[1], nullptr, 10)) : 0;

  if (vm % 2)
    std::cout << std::hex << std::showbase;
  else
    std::cout << std::oct;
  std::cout << std::setfill(static_cast<char>('a' + vm % 26)) << std::setprecision(vm % 9 + 1);
  gpuvm_yield();
  std::cout << std::setw(14) << vm * 1000 + 7 << ' ' << 3.14159265358979 << '\n';
  gpuvm_yield();
  std::cout << std::dec << "fill=" << std::cout.fill() << " precision=" << std::cout.precision()
            << " hex=" << ((std::cout.flags() & std::ios::hex) != 0) << '\n';

  // Half a line waits in std::cout's buffer while the others run.
  std::cout << "vm " << vm << " says";
  gpuvm_yield();
  std::cout << " hello" << std::endl;

  std::locale::global(std::locale::classic());
  const auto &ctype = std::use_facet<std::ctype<char>>(std::locale());
  std::string shout = "quiet words from vm " + std::to_string(vm);
  gpuvm_yield();
  ctype.toupper(shout.data(), shout.data() + shout.size());
  std::cout << shout << " | is alpha: " << ctype.is(std::ctype_base::alpha, 'q') << '\n';

  const auto &punct = std::use_facet<std::numpunct<char>>(std::locale::classic());
  std::ostringstream grouped;
  grouped << std::fixed << std::setprecision(2) << (vm + 1) * 12345.678;
  gpuvm_yield();
  std::cout << "numpunct point=" << punct.decimal_point() << " formatted " << grouped.str() << '\n';

  for (unsigned i = 0; i < 4; ++i) {
    journal() += ' ' + std::to_string(vm * 10 + i);
    gpuvm_yield();
  }
  std::cout << journal() << '\n';
  return 0;
}
