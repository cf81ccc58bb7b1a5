// The rest of the standard library a server is made of, in VMs: set, deque,
// array, bitset, optional, variant, string_view, functional, chrono, fstream
// (text written, then read back in binary with seekg/tellg, inside each VM's
// own root), stoul/stod, and a regex built by a static constructor before
// main. Every VM prints exactly what the same program prints when the host's
// g++ (libstdc++) builds it and runs it in a directory of its own.
// RUN: rm -rf %t && mkdir -p %t/native
// RUN: %gpucxx --target=host -std=c++20 -O2 %s -o %t/host.img
// RUN: g++ -std=c++20 -O1 %s -o %t/native.exe
// RUN: cd %t/native && %t/native.exe > %t/expected
// RUN: mkdir %t/logs && %gpuvm run %t/host.img --vms 20 --root %t/root{vm} --log-dir %t/logs 2>%t/err
// RUN: diff %t/expected %t/logs/vm-0.out
// RUN: diff %t/expected %t/logs/vm-19.out
// RUN: FileCheck %s --check-prefix=SUMMARY < %t/err
// RUN: cmp %t/native/records.bin %t/root7/records.bin
// SUMMARY: 20 exited with status 0
//
// At scale under a small descriptor limit: 10,000 VMs, each with its own
// root and log files, and the host allowed 1,024 descriptors in all. Every
// log is the expected output (before gpuvm's descriptor cache, 506 of 10,000
// were, and all 10,000 still "exited with status 0").
// RUN: mkdir %t/logs10k && (ulimit -n 1024 && %gpuvm run %t/host.img --vms 10000 \
// RUN:   --root %t/big/root{vm} --log-dir %t/logs10k 2>%t/err10k)
// RUN: FileCheck %s --check-prefix=SCALE < %t/err10k
// SCALE: 10000 exited with status 0
// RUN: md5sum < %t/expected | cut -d' ' -f1 > %t/expected.md5
// RUN: find %t/logs10k -name 'vm-*.out' -exec md5sum {} + | cut -d' ' -f1 | sort | uniq -c \
// RUN:   | FileCheck %s --check-prefix=LOGS -DSUM=$(cat %t/expected.md5)
// LOGS: {{^ *}}10000 [[SUM]]{{$}}
// LOGS-NOT: {{.}}
//
// The same program links for both GPU targets (it runs on one in utils/gpu-check).
// RUN: %gpucxx --target=amdgcn -std=c++20 -O2 %s -o %t/amdgcn.img
// RUN: %gpuvm inspect %t/amdgcn.img | FileCheck %s --check-prefix=AMDGCN
// AMDGCN: target: amdgcn
#include <array>
#include <bitset>
#include <chrono>
#include <cstdint>
#include <deque>
#include <fstream>
#include <functional>
#include <iostream>
#include <optional>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

// Built before main, once per VM: its automaton lives in the VM's own heap.
static const std::regex key_value(R"(^\s*(\w+)\s*=\s*(.*?)\s*$)");

static void ordered_and_sequences() {
  std::set<std::string> names{"pear", "apple", "fig", "apple", "kiwi"};
  std::cout << "set:";
  for (const auto &name : names)
    std::cout << ' ' << name;
  std::cout << " lower_bound(g)=" << *names.lower_bound("g") << '\n';

  std::multiset<int> rolls{3, 1, 3, 6, 3};
  std::cout << "multiset count(3)=" << rolls.count(3) << '\n';

  std::deque<int> queue;
  for (int i = 0; i < 10; ++i)
    (i % 2 ? queue.push_back(i) : queue.push_front(i));
  queue.pop_front();
  std::cout << "deque:";
  for (int x : queue)
    std::cout << ' ' << x;
  std::cout << " front=" << queue.front() << " back=" << queue.back() << '\n';

  std::array<int, 5> fixed{4, 8, 15, 16, 23};
  std::cout << "array size=" << fixed.size() << " [2]=" << fixed[2] << '\n';

  std::bitset<12> flags(0b101101);
  flags.set(11).flip(0);
  std::cout << "bitset " << flags << " count=" << flags.count() << " ulong=" << flags.to_ulong()
            << '\n';
}

using Value = std::variant<int, double, std::string>;

static std::string describe(const Value &value) {
  return std::visit(
      [](const auto &v) {
        std::ostringstream out;
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, int>)
          out << "int " << v;
        else if constexpr (std::is_same_v<T, double>)
          out << "double " << v;
        else
          out << "string \"" << v << '"';
        return out.str();
      },
      value);
}

static std::optional<int> parse_port(std::string_view text) {
  if (text.empty() || text.size() > 5)
    return std::nullopt;
  int port = 0;
  for (char c : text) {
    if (c < '0' || c > '9')
      return std::nullopt;
    port = port * 10 + (c - '0');
  }
  if (port == 0 || port > 65535)
    return std::nullopt;
  return port;
}

static void vocabulary() {
  for (std::string_view text : {"8080", "0", "99999", "http"}) {
    auto port = parse_port(text);
    std::cout << "port(" << text << ")=" << (port ? std::to_string(*port) : "none") << ' ';
  }
  std::cout << '\n';
  std::vector<Value> values{42, 2.5, std::string("gpu")};
  for (const auto &value : values)
    std::cout << "variant " << value.index() << ": " << describe(value) << '\n';

  std::string_view line = "GET /index.html HTTP/1.1";
  auto method = line.substr(0, line.find(' '));
  auto rest = line.substr(method.size() + 1);
  std::cout << "string_view method=" << method << " path=" << rest.substr(0, rest.find(' '))
            << " starts_with(GET)=" << line.starts_with("GET") << '\n';

  std::function<int(int, int)> op = std::plus<>();
  std::vector<std::function<int(int)>> pipeline{
      [](int x) { return x + 1; }, std::bind(std::multiplies<>(), std::placeholders::_1, 3)};
  int x = op(2, 5);
  for (const auto &step : pipeline)
    x = step(x);
  std::cout << "function: " << x << '\n';
}

static void numbers() {
  std::size_t used = 0;
  unsigned long big = std::stoul("4000000000 rest", &used);
  std::cout << "stoul=" << big << " used=" << used << " stoul hex=" << std::stoul("ff", nullptr, 16)
            << '\n';
  std::cout << "stod=" << std::stod(" -12.5e-1x", &used) << " used=" << used
            << " stoll=" << std::stoll("-9000000000000") << '\n';
}

static void time_library() {
  using namespace std::chrono;
  auto total = hours(1) + minutes(30) + seconds(15);
  std::cout << "chrono: " << duration_cast<seconds>(total).count()
            << " s = " << duration_cast<minutes>(total).count() << " min; "
            << duration_cast<milliseconds>(duration<double>(0.25)).count() << " ms\n";
  auto now = system_clock::now();
  auto year2020 = sys_days(year(2020) / January / 1);
  auto start = steady_clock::now();
  auto later = steady_clock::now();
  std::cout << "system_clock after 2020: " << (now > year2020)
            << " steady_clock monotonic: " << (later >= start) << '\n';
  year_month_day date{sys_days(days(19723))};
  std::cout << "civil date of day 19723: " << int(date.year()) << '-' << unsigned(date.month())
            << '-' << unsigned(date.day()) << '\n';
}

struct Record {
  std::uint32_t id;
  std::uint32_t score;
};

static void files() {
  {
    std::ofstream config("server.conf");
    config << "# generated\n  port = 8080\nname=gpuvm  \nbad line\n";
  }
  std::ifstream config("server.conf");
  std::string line;
  while (std::getline(config, line)) {
    std::smatch m;
    if (std::regex_match(line, m, key_value))
      std::cout << "conf " << m[1] << " -> [" << m[2] << "]\n";
  }

  {
    std::ofstream out("records.bin", std::ios::binary);
    for (std::uint32_t i = 0; i < 8; ++i) {
      Record r{i, i * i + 100};
      out.write(reinterpret_cast<const char *>(&r), sizeof r);
    }
  }
  std::ifstream in("records.bin", std::ios::binary);
  in.seekg(0, std::ios::end);
  std::streamoff size = in.tellg();
  in.seekg(5 * sizeof(Record));
  Record fifth{};
  in.read(reinterpret_cast<char *>(&fifth), sizeof fifth);
  std::cout << "fstream size=" << size << " record " << fifth.id << " score=" << fifth.score
            << " tellg=" << in.tellg();
  in.seekg(-static_cast<std::streamoff>(sizeof(Record)), std::ios::end);
  in.read(reinterpret_cast<char *>(&fifth), sizeof fifth);
  std::cout << " last=" << fifth.id;
  in.read(reinterpret_cast<char *>(&fifth), sizeof fifth);
  std::cout << " eof=" << in.eof() << '\n';

  std::ofstream append("server.conf", std::ios::app);
  append << "extra=1\n";
  append.close();
  std::ifstream again("server.conf");
  std::stringstream whole;
  whole << again.rdbuf();
  std::cout << "appended file is " << whole.str().size() << " bytes\n";
  std::ifstream missing("no/such/file");
  std::cout << "missing is_open=" << missing.is_open() << '\n';
}

int main() {
  ordered_and_sequences();
  vocabulary();
  numbers();
  time_library();
  files();
  std::cout << "done" << std::endl;
  return 0;
}
