// Ordinary C++ over libc++ and libc++abi in VMs: containers, strings, smart
// pointers, algorithms, iostreams with manipulators, string streams, regex,
// charconv and RTTI. Every VM prints exactly what the same program prints when
// the host's g++ (libstdc++) builds it.
// RUN: %gpucxx --target=host -O2 %s -o %t.img
// RUN: g++ -std=c++20 -O1 %s -o %t.native
// RUN: %t.native > %t.expected
// RUN: rm -rf %t.logs && mkdir %t.logs
// RUN: %gpuvm run %t.img --vms 20 --log-dir %t.logs 2>%t.err
// RUN: diff %t.expected %t.logs/vm-0.out
// RUN: diff %t.expected %t.logs/vm-19.out
// RUN: FileCheck %s --check-prefix=SUMMARY < %t.err
// RUN: %gpuvm run %t.img --vms 20 --console raw | sort | uniq -c | FileCheck %s
// CHECK: 20 dynamic_cast: circle r=2 area=12.566
// CHECK: 20 regex_replace: 2024/01/31 and 1999/12/25
// SUMMARY: 20 exited with status 0
#include <algorithm>
#include <charconv>
#include <iomanip>
#include <iostream>
#include <map>
#include <memory>
#include <numeric>
#include <regex>
#include <sstream>
#include <string>
#include <system_error>
#include <typeinfo>
#include <unordered_map>
#include <vector>

struct Shape {
  virtual ~Shape() = default;
  virtual double area() const = 0;
};
struct Circle : Shape {
  explicit Circle(double r) : r(r) {}
  double area() const override { return 3.14159265358979 * r * r; }
  double r;
};
struct Square : Shape {
  explicit Square(double s) : s(s) {}
  double area() const override { return s * s; }
  double s;
};

static void containers() {
  std::vector<int> v{5, 3, 9, 1, 7, 3};
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
  std::cout << "sorted:";
  for (int x : v)
    std::cout << ' ' << x;
  std::cout << "\nsum=" << std::accumulate(v.begin(), v.end(), 0)
            << " max=" << *std::max_element(v.begin(), v.end()) << '\n';

  std::map<std::string, int> words;
  std::istringstream text("the quick brown fox jumps over the lazy dog the end");
  for (std::string w; text >> w;)
    ++words[w];
  for (const auto &[word, count] : words)
    std::cout << word << '=' << count << ' ';
  std::cout << '\n';

  std::unordered_map<int, std::string> squares;
  for (int i = 0; i < 50; ++i)
    squares[i * i] = std::to_string(i);
  std::vector<int> keys;
  for (const auto &entry : squares)
    keys.push_back(entry.first);
  std::sort(keys.begin(), keys.end(), std::greater<>());
  std::cout << "unordered_map size=" << squares.size() << " top=" << keys[0] << "->"
            << squares[keys[0]] << " has 49: " << squares.count(49) << '\n';
}

static void strings() {
  std::string s = "Hello";
  s += ", gpuvm";
  s.insert(0, ">> ");
  std::string upper = s;
  std::transform(upper.begin(), upper.end(), upper.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  std::cout << s << " | " << upper << " | find=" << s.find("gpu") << " substr=" << s.substr(3, 5)
            << '\n';
  std::cout << "stoi=" << std::stoi("-1234") << " stol=" << std::stol("0x1f", nullptr, 16)
            << " stod=" << std::stod("2.5e3") << '\n';
}

static void pointers() {
  auto unique = std::make_unique<Square>(3.0);
  std::shared_ptr<Shape> a = std::make_shared<Circle>(1.0);
  std::shared_ptr<Shape> b = a;
  std::weak_ptr<Shape> w = a;
  std::cout << "unique area=" << unique->area() << " shared use_count=" << a.use_count();
  b.reset();
  std::cout << " after reset=" << a.use_count() << " weak expired=" << w.expired() << '\n';
}

static void streams() {
  std::cout << std::setw(8) << std::setfill('*') << 42 << '|' << std::left << std::setw(6) << "ab"
            << '|' << std::right << std::setfill(' ') << std::hex << std::showbase << 255
            << std::dec << std::noshowbase << '|' << std::fixed << std::setprecision(3) << 3.14159
            << '|' << std::scientific << 12345.678 << '|' << std::defaultfloat << 0.1 << '|'
            << std::boolalpha << true << '|' << std::oct << 64 << std::dec << '\n';
  std::ostringstream out;
  out << "vector of " << 3 << " items: " << std::setprecision(10) << 1.0 / 3;
  std::cout << out.str() << '\n';
  std::istringstream in("17 2.75 word");
  int i;
  double d;
  std::string word;
  in >> i >> d >> word;
  std::cout << "parsed " << i << ' ' << d << ' ' << word << '\n';
}

static void regexes() {
  std::regex date(R"((\d{4})-(\d{2})-(\d{2}))");
  std::smatch m;
  std::string text = "due 2024-01-31, born 1999-12-25";
  if (std::regex_search(text, m, date))
    std::cout << "regex_search: year=" << m[1] << " month=" << m[2] << " day=" << m[3] << '\n';
  std::cout << "regex_match: " << std::regex_match("abc123", std::regex("[a-z]+[0-9]+")) << ' '
            << std::regex_match("123abc", std::regex("[a-z]+[0-9]+")) << '\n';
  std::cout << "regex_replace: "
            << std::regex_replace(std::string("2024-01-31 and 1999-12-25"), date, "$1/$2/$3")
            << '\n';
}

static void charconv() {
  char buffer[64];
  auto r = std::to_chars(buffer, buffer + sizeof buffer, 123456789);
  std::cout << "to_chars int: " << std::string(buffer, r.ptr) << '\n';
  r = std::to_chars(buffer, buffer + sizeof buffer, 255, 16);
  std::cout << "to_chars hex: " << std::string(buffer, r.ptr) << '\n';
  r = std::to_chars(buffer, buffer + sizeof buffer, 0.1);
  std::cout << "to_chars double: " << std::string(buffer, r.ptr) << '\n';
  r = std::to_chars(buffer, buffer + sizeof buffer, 1e300 * 3.7);
  std::cout << "to_chars big: " << std::string(buffer, r.ptr) << '\n';
  int value = 0;
  const char *digits = "98765xyz";
  auto parsed = std::from_chars(digits, digits + 8, value);
  std::cout << "from_chars: " << value << " stopped at '" << *parsed.ptr << "'"
            << " ok=" << (parsed.ec == std::errc()) << '\n';
  auto bad = std::from_chars(digits + 5, digits + 8, value);
  std::cout << "from_chars bad: " << (bad.ec == std::errc::invalid_argument) << '\n';
}

static void rtti() {
  std::vector<std::unique_ptr<Shape>> shapes;
  shapes.push_back(std::make_unique<Circle>(2.0));
  shapes.push_back(std::make_unique<Square>(1.5));
  for (const auto &owner : shapes) {
    const Shape &shape = *owner;
    if (auto *c = dynamic_cast<const Circle *>(&shape))
      std::cout << "dynamic_cast: circle r=" << c->r << " area=" << std::setprecision(5)
                << c->area() << '\n';
    else
      std::cout << "dynamic_cast: not a circle, typeid=" << typeid(shape).name()
                << " same as Square: " << (typeid(shape) == typeid(Square)) << '\n';
  }
  std::cout << "error_code: " << std::make_error_code(std::errc::invalid_argument).message()
            << '\n';
}

int main() {
  containers();
  strings();
  pointers();
  streams();
  regexes();
  charconv();
  rtti();
  std::cout << "done" << std::endl;
  return 0;
}
