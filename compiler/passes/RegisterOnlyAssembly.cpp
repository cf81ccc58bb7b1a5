#include "RegisterOnlyAssembly.h"

#include <llvm/ADT/SmallVector.h>
#include <llvm/ADT/StringExtras.h>
#include <llvm/ADT/StringRef.h>
#include <llvm/ADT/StringSet.h>
#include <llvm/IR/InlineAsm.h>

#include <optional>
#include <string>

using namespace llvm;

namespace gpuvm {

namespace {

// The general-purpose register a name belongs to ("eax" and "al" are "a");
// none for the stack and frame pointers, segment and vector registers.
std::optional<std::string> registerFamily(StringRef name) {
  static const std::pair<const char *, const char *> families[] = {
      {"rax", "a"},  {"eax", "a"},  {"ax", "a"},   {"al", "a"},   {"ah", "a"},  {"rbx", "b"},
      {"ebx", "b"},  {"bx", "b"},   {"bl", "b"},   {"bh", "b"},   {"rcx", "c"}, {"ecx", "c"},
      {"cx", "c"},   {"cl", "c"},   {"ch", "c"},   {"rdx", "d"},  {"edx", "d"}, {"dx", "d"},
      {"dl", "d"},   {"dh", "d"},   {"rsi", "si"}, {"esi", "si"}, {"si", "si"}, {"sil", "si"},
      {"rdi", "di"}, {"edi", "di"}, {"di", "di"},  {"dil", "di"}};
  for (const auto &[spelling, family] : families)
    if (name == spelling)
      return std::string(family);
  // r8 to r15, with their d, w and b (or l) parts.
  if (name.consume_front("r")) {
    StringRef number = name.take_while(isDigit);
    unsigned value = 0;
    StringRef part = name.drop_front(number.size());
    if (!number.empty() && !number.getAsInteger(10, value) && value >= 8 && value <= 15 &&
        (part.empty() || part == "d" || part == "w" || part == "b" || part == "l"))
      return "r" + number.str();
  }
  return std::nullopt;
}

enum class OperandKind { Immediate, Register };

struct Operand {
  OperandKind kind = OperandKind::Register;
  bool writable = false; // an output, or an input tied to one
  std::string family;    // a named register's family, or empty
};

// What the statement says about its operands and clobbers.
struct Interface {
  SmallVector<Operand, 8> operands; // $0, $1, ... in order
  StringSet<> written;              // register families outputs and clobbers name
  bool flagsClobbered = false;
};

std::optional<std::string> familyOfCode(StringRef code) {
  if (code.size() > 2 && code.front() == '{' && code.back() == '}')
    return registerFamily(code.drop_front().drop_back());
  static const std::pair<const char *, const char *> letters[] = {
      {"a", "a"}, {"b", "b"}, {"c", "c"}, {"d", "d"}, {"S", "si"}, {"D", "di"}};
  for (const auto &[letter, family] : letters)
    if (code == letter)
      return std::string(family);
  return std::nullopt;
}

bool isImmediateCode(StringRef code) {
  return code.size() == 1 && StringRef("inIJKLMNOeZ").contains(code[0]);
}

bool isRegisterClassCode(StringRef code) {
  return code == "r" || code == "q" || code == "Q" || code == "R" || code == "l";
}

std::optional<Interface> readInterface(const InlineAsm &assembly) {
  Interface result;
  for (const InlineAsm::ConstraintInfo &info : assembly.ParseConstraints()) {
    if (info.Type == InlineAsm::isClobber) {
      for (const std::string &code : info.Codes) {
        if (std::optional<std::string> family = familyOfCode(code))
          result.written.insert(*family);
        result.flagsClobbered |= code == "{flags}" || code == "{eflags}";
      }
      continue;
    }
    if (info.isIndirect || info.Codes.empty())
      return std::nullopt;
    Operand operand;
    operand.writable = info.Type == InlineAsm::isOutput;
    bool immediateOnly = true;
    for (const std::string &code : info.Codes) {
      if (!code.empty() && isDigit(code[0])) {
        operand.writable = true; // tied to an output, which declares the write
        immediateOnly = false;
      } else if (std::optional<std::string> family = familyOfCode(code)) {
        operand.family = *family;
        immediateOnly = false;
      } else if (isRegisterClassCode(code)) {
        immediateOnly = false;
      } else if (!isImmediateCode(code)) {
        return std::nullopt; // memory, vector registers, anything else
      }
    }
    operand.kind = immediateOnly ? OperandKind::Immediate : OperandKind::Register;
    if (operand.writable && !operand.family.empty())
      result.written.insert(operand.family);
    result.operands.push_back(operand);
  }
  return result;
}

// One operand of an instruction as the template spells it: "$1", "${0:k}",
// "$$7" (an immediate), "%eax" (a named register).
std::optional<Operand> readOperand(StringRef text, const Interface &interface) {
  text = text.trim();
  if (text.consume_front("$$")) {
    long long value;
    StringRef digits = text.starts_with("-") ? text.drop_front() : text;
    if (digits.empty() || digits.getAsInteger(0, value))
      return std::nullopt;
    return Operand{OperandKind::Immediate, false, ""};
  }
  if (text.consume_front("$")) {
    StringRef index = text;
    if (text.consume_front("{") && text.consume_back("}")) {
      auto [number, modifier] = text.split(':');
      // Register sizes only: other modifiers print operands as addresses.
      if (text.contains(':') && modifier != "b" && modifier != "h" && modifier != "w" &&
          modifier != "k" && modifier != "q")
        return std::nullopt;
      index = number;
    }
    unsigned n;
    if (index.getAsInteger(10, n) || n >= interface.operands.size())
      return std::nullopt;
    return interface.operands[n];
  }
  if (text.consume_front("%")) {
    std::optional<std::string> family = registerFamily(text);
    if (!family)
      return std::nullopt;
    return Operand{OperandKind::Register, interface.written.contains(*family), *family};
  }
  return std::nullopt;
}

// The condition codes of cmovCC and setCC.
bool isConditionCode(StringRef cc) {
  static const char *const codes[] = {
      "o",   "no", "b",  "c", "nae", "ae", "nb", "nc", "e",   "z",  "ne", "nz", "be", "na", "a",
      "nbe", "s",  "ns", "p", "pe",  "np", "po", "l",  "nge", "ge", "nl", "le", "ng", "g",  "nle"};
  for (const char *code : codes)
    if (cc == code)
      return true;
  return false;
}

enum class Shape {
  Unknown,
  Bare,           // no operands, no registers written
  ReadsOnly,      // compares: writes only the flags
  WritesLast,     // the last operand is the destination
  WritesAll,      // xchg: every operand
  ImplicitWrites, // no operands; writes fixed registers
};

// Implicit destinations of the instructions that have them.
const char *implicitWrites(StringRef mnemonic) {
  if (mnemonic == "cpuid")
    return "a b c d";
  if (mnemonic == "xgetbv" || mnemonic == "rdtsc")
    return "a d";
  if (mnemonic == "rdtscp")
    return "a c d";
  return nullptr;
}

Shape shapeOf(StringRef mnemonic, size_t operands) {
  if (mnemonic == "nop" || mnemonic == "pause" || mnemonic == "lfence" || mnemonic == "mfence" ||
      mnemonic == "sfence")
    return operands == 0 ? Shape::Bare : Shape::Unknown;
  if (implicitWrites(mnemonic))
    return operands == 0 ? Shape::ImplicitWrites : Shape::Unknown;
  // Sign and zero extensions; without operands movs* are string moves.
  static const char *const extensions[] = {"movzbw", "movzbl", "movzbq", "movzwl", "movzwq",
                                           "movsbw", "movsbl", "movsbq", "movswl", "movswq",
                                           "movslq", "movzx",  "movsx",  "movsxd"};
  for (const char *extension : extensions)
    if (mnemonic == extension)
      return operands == 2 ? Shape::WritesLast : Shape::Unknown;
  if (mnemonic.starts_with("cmov") && operands == 2) {
    StringRef cc = mnemonic.drop_front(4);
    if (isConditionCode(cc) ||
        (!cc.empty() && StringRef("wlq").contains(cc.back()) && isConditionCode(cc.drop_back())))
      return Shape::WritesLast;
  }
  if (mnemonic.starts_with("set") && operands == 1 &&
      (isConditionCode(mnemonic.drop_front(3)) ||
       (mnemonic.ends_with("b") && isConditionCode(mnemonic.drop_front(3).drop_back()))))
    return Shape::WritesLast;
  auto base = [&](StringRef name) {
    return mnemonic == name || (mnemonic.size() == name.size() + 1 && mnemonic.starts_with(name) &&
                                StringRef("bwlq").contains(mnemonic.back()));
  };
  for (const char *name : {"cmp", "test", "bt"})
    if (base(name))
      return operands == 2 ? Shape::ReadsOnly : Shape::Unknown;
  for (const char *name : {"mov", "add", "adc", "sub", "sbb", "and", "or", "xor", "bsf", "bsr",
                           "lzcnt", "tzcnt", "popcnt"})
    if (base(name))
      return operands == 2 ? Shape::WritesLast : Shape::Unknown;
  for (const char *name : {"shl", "shr", "sal", "sar", "rol", "ror"})
    if (base(name))
      return operands == 1 || operands == 2 ? Shape::WritesLast : Shape::Unknown;
  for (const char *name : {"not", "neg", "inc", "dec", "bswap"})
    if (base(name))
      return operands == 1 ? Shape::WritesLast : Shape::Unknown;
  if (base("imul")) // the one-operand form writes rdx:rax
    return operands == 2 || operands == 3 ? Shape::WritesLast : Shape::Unknown;
  if (base("xchg"))
    return operands == 2 ? Shape::WritesAll : Shape::Unknown;
  return Shape::Unknown;
}

bool isPadding(StringRef statement) {
  size_t split = statement.find_first_of(" \t");
  StringRef directive = statement.take_front(split);
  StringRef argument = split == StringRef::npos ? StringRef() : statement.drop_front(split).trim();
  unsigned value;
  return (directive == ".p2align" || directive == ".align" || directive == ".balign") &&
         !argument.getAsInteger(0, value);
}

bool statementIsRegisterOnly(StringRef statement, const Interface &interface) {
  statement = statement.split('#').first.trim(); // a comment to the line's end
  if (statement.empty())
    return true;
  if (statement.starts_with("."))
    return isPadding(statement);
  size_t split = statement.find_first_of(" \t");
  StringRef mnemonic = statement.take_front(split);
  StringRef rest = split == StringRef::npos ? StringRef() : statement.drop_front(split).trim();
  SmallVector<StringRef, 3> fields;
  if (!rest.empty())
    rest.split(fields, ',');
  SmallVector<Operand, 3> operands;
  for (StringRef field : fields) {
    std::optional<Operand> operand = readOperand(field, interface);
    if (!operand)
      return false;
    operands.push_back(*operand);
  }
  std::string lower = mnemonic.lower();
  auto writable = [](const Operand &operand) {
    return operand.kind == OperandKind::Register && operand.writable;
  };
  switch (shapeOf(lower, operands.size())) {
  case Shape::Unknown:
    return false;
  case Shape::Bare:
  case Shape::ReadsOnly:
    return true;
  case Shape::WritesLast:
    return writable(operands.back());
  case Shape::WritesAll:
    for (const Operand &operand : operands)
      if (!writable(operand))
        return false;
    return true;
  case Shape::ImplicitWrites: {
    SmallVector<StringRef, 4> families;
    StringRef(implicitWrites(lower)).split(families, ' ');
    for (StringRef family : families)
      if (!interface.written.contains(family))
        return false;
    return true;
  }
  }
  return false;
}

} // namespace

bool isRegisterOnlyX86Assembly(const InlineAsm &assembly) {
  if (assembly.getDialect() != InlineAsm::AD_ATT)
    return false;
  // Clang declares the flags clobbered by every x86 statement; bitcode that
  // does not could keep a check's comparison in the flags across it.
  std::optional<Interface> interface = readInterface(assembly);
  if (!interface || !interface->flagsClobbered)
    return false;
  SmallVector<StringRef, 8> lines;
  StringRef(assembly.getAsmString()).split(lines, '\n');
  for (StringRef line : lines) {
    SmallVector<StringRef, 4> statements;
    line.split(statements, ';');
    for (StringRef statement : statements)
      if (!statementIsRegisterOnly(statement, *interface))
        return false;
  }
  return true;
}

} // namespace gpuvm
