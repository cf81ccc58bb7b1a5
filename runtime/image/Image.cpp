#include "Image.h"

#include <elf.h>

#include <cstring>
#include <fstream>
#include <iterator>
#include <optional>
#include <string_view>

namespace gpuvm::runtime {

namespace {

constexpr uint16_t kMachineCuda = 190; // EM_CUDA
constexpr uint16_t kMachineAmdgpu = 224;

template <typename T> bool readAt(const std::vector<char> &bytes, uint64_t offset, T &out) {
  if (offset > bytes.size() || bytes.size() - offset < sizeof(T))
    return false;
  std::memcpy(&out, bytes.data() + offset, sizeof(T));
  return true;
}

// Finds a symbol's bytes in an ELF64 file by its section headers; every
// offset is checked against the file size, since images come from users.
std::optional<std::string_view> elfSymbolBytes(const std::vector<char> &bytes, const char *name,
                                               std::string &error) {
  Elf64_Ehdr eh;
  if (!readAt(bytes, 0, eh) || eh.e_ident[EI_CLASS] != ELFCLASS64 ||
      eh.e_ident[EI_DATA] != ELFDATA2LSB) {
    error = "not a 64-bit little-endian ELF file";
    return std::nullopt;
  }
  if (eh.e_shentsize != sizeof(Elf64_Shdr) || eh.e_shnum == 0) {
    error = "ELF file without section headers (truncated?)";
    return std::nullopt;
  }
  std::vector<Elf64_Shdr> sections(eh.e_shnum);
  for (unsigned i = 0; i < eh.e_shnum; ++i)
    if (!readAt(bytes, eh.e_shoff + uint64_t(i) * sizeof(Elf64_Shdr), sections[i])) {
      error = "truncated ELF section headers";
      return std::nullopt;
    }
  for (const Elf64_Shdr &symtab : sections) {
    if (symtab.sh_type != SHT_SYMTAB && symtab.sh_type != SHT_DYNSYM)
      continue;
    if (symtab.sh_link >= sections.size() || symtab.sh_entsize != sizeof(Elf64_Sym))
      continue;
    const Elf64_Shdr &strtab = sections[symtab.sh_link];
    if (strtab.sh_offset > bytes.size() || bytes.size() - strtab.sh_offset < strtab.sh_size ||
        symtab.sh_offset > bytes.size() || bytes.size() - symtab.sh_offset < symtab.sh_size) {
      error = "truncated ELF symbol table";
      return std::nullopt;
    }
    for (uint64_t off = 0; off + sizeof(Elf64_Sym) <= symtab.sh_size; off += sizeof(Elf64_Sym)) {
      Elf64_Sym sym;
      readAt(bytes, symtab.sh_offset + off, sym);
      if (sym.st_name >= strtab.sh_size)
        continue;
      const char *symName = bytes.data() + strtab.sh_offset + sym.st_name;
      size_t maxLen = strtab.sh_size - sym.st_name;
      if (strnlen(symName, maxLen) == maxLen || std::strcmp(symName, name) != 0)
        continue;
      if (sym.st_shndx == SHN_UNDEF || sym.st_shndx >= sections.size()) {
        error = std::string("symbol ") + name + " is not defined in a section";
        return std::nullopt;
      }
      const Elf64_Shdr &sec = sections[sym.st_shndx];
      uint64_t inSection = sym.st_value - sec.sh_addr;
      if (sec.sh_type == SHT_NOBITS || inSection > sec.sh_size ||
          sec.sh_size - inSection < sym.st_size || sec.sh_offset > bytes.size() ||
          bytes.size() - sec.sh_offset < sec.sh_size) {
        error = std::string("symbol ") + name + " lies outside the file (truncated?)";
        return std::nullopt;
      }
      return std::string_view(bytes.data() + sec.sh_offset + inSection, sym.st_size);
    }
  }
  error = std::string("no ") + name + " symbol: not a gpuvm image (link it with gpu-c++)";
  return std::nullopt;
}

// PTX text holds the info as `.b8 __gpuvm_image_info[N] = {b0, b1, ...};`.
std::optional<std::string> ptxSymbolBytes(const std::vector<char> &bytes, const char *name,
                                          std::string &error) {
  std::string_view text(bytes.data(), bytes.size());
  size_t at = text.find(std::string(name) + "[");
  if (at == std::string_view::npos) {
    error = std::string("no ") + name + " in the PTX: not a gpuvm image (link it with gpu-c++)";
    return std::nullopt;
  }
  // The declared size: LLVM leaves trailing zero bytes out of the list.
  size_t declared = 0;
  for (size_t i = at + std::strlen(name) + 1; i < text.size() && text[i] >= '0' && text[i] <= '9';
       ++i)
    declared = declared * 10 + size_t(text[i] - '0');
  size_t open = text.find('{', at), close = text.find('}', at);
  if (open == std::string_view::npos || close == std::string_view::npos || close < open) {
    error = "truncated PTX image";
    return std::nullopt;
  }
  std::string out;
  unsigned value = 0;
  bool inNumber = false;
  for (size_t i = open + 1; i <= close; ++i) {
    char c = text[i];
    if (c >= '0' && c <= '9') {
      value = value * 10 + unsigned(c - '0');
      inNumber = true;
      if (value > 255) {
        error = "malformed image info in the PTX";
        return std::nullopt;
      }
    } else if (c == ',' || c == '}' || c == ' ' || c == '\n' || c == '\t') {
      if (inNumber && (c == ',' || c == '}'))
        out.push_back(char(value)), value = 0, inNumber = false;
    } else {
      error = "malformed image info in the PTX";
      return std::nullopt;
    }
  }
  if (out.size() > declared) {
    error = "malformed image info in the PTX";
    return std::nullopt;
  }
  out.resize(declared, '\0');
  return out;
}

} // namespace

std::string targetName(uint32_t target) {
  switch (target) {
  case GPUVM_TARGET_HOST:
    return "host";
  case GPUVM_TARGET_NVPTX:
    return "nvptx";
  case GPUVM_TARGET_AMDGCN:
    return "amdgcn";
  }
  return "unknown";
}

std::string Image::targetName() const {
  return runtime::targetName(info_.target);
}

std::string Image::formatName() const {
  switch (format_) {
  case ImageFormat::ElfSharedObject:
    return "ELF shared object (x86-64)";
  case ImageFormat::AmdgpuCodeObject:
    return "AMDGPU code object";
  case ImageFormat::Cubin:
    return "CUDA cubin";
  case ImageFormat::PtxText:
    return "PTX text (compiled by the CUDA driver at load)";
  }
  return "unknown";
}

bool Image::load(const std::string &path, Image &out, std::string &error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = "cannot open image '" + path + "': " + std::strerror(errno);
    return false;
  }
  out.path_ = path;
  out.bytes_.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  const std::vector<char> &bytes = out.bytes_;
  std::string why;
  std::string info;
  if (bytes.size() >= 4 && std::memcmp(bytes.data(), ELFMAG, SELFMAG) == 0) {
    Elf64_Ehdr eh;
    if (!readAt(bytes, 0, eh)) {
      error = path + ": truncated ELF header";
      return false;
    }
    switch (eh.e_machine) {
    case EM_X86_64:
      out.format_ = ImageFormat::ElfSharedObject;
      break;
    case kMachineAmdgpu:
      out.format_ = ImageFormat::AmdgpuCodeObject;
      break;
    case kMachineCuda:
      out.format_ = ImageFormat::Cubin;
      break;
    default:
      error =
          path + ": ELF file for machine " + std::to_string(eh.e_machine) + ", not a gpuvm image";
      return false;
    }
    auto found = elfSymbolBytes(bytes, GPUVM_IMAGE_INFO_SYMBOL, why);
    if (!found) {
      error = path + ": " + why;
      return false;
    }
    info = std::string(*found);
  } else if (std::string_view(bytes.data(), bytes.size()).find(".target") !=
                 std::string_view::npos &&
             std::string_view(bytes.data(), bytes.size()).find(".version") !=
                 std::string_view::npos) {
    out.format_ = ImageFormat::PtxText;
    auto found = ptxSymbolBytes(bytes, GPUVM_IMAGE_INFO_SYMBOL, why);
    if (!found) {
      error = path + ": " + why;
      return false;
    }
    info = *found;
  } else {
    error = path + ": not a gpuvm image (" +
            (bytes.empty() ? std::string("empty file") : std::string("unknown format")) + ")";
    return false;
  }
  if (info.size() != sizeof(gpuvm_image_info)) {
    error = path + ": image info has " + std::to_string(info.size()) + " bytes, expected " +
            std::to_string(sizeof(gpuvm_image_info)) + " (made by another gpuvm version?)";
    return false;
  }
  std::memcpy(&out.info_, info.data(), sizeof out.info_);
  const gpuvm_image_info &i = out.info_;
  if (i.magic != GPUVM_IMAGE_MAGIC || i.abi_version != GPUVM_ABI_VERSION) {
    error = path + ": image ABI version " + std::to_string(i.abi_version) +
            " is not the runtime's " + std::to_string(GPUVM_ABI_VERSION);
    return false;
  }
  uint32_t expected = out.format_ == ImageFormat::ElfSharedObject    ? GPUVM_TARGET_HOST
                      : out.format_ == ImageFormat::AmdgpuCodeObject ? GPUVM_TARGET_AMDGCN
                                                                     : GPUVM_TARGET_NVPTX;
  if (i.target != expected || i.arch[sizeof i.arch - 1] != 0 || i.entry[sizeof i.entry - 1] != 0 ||
      i.data_align == 0 || (i.data_align & (i.data_align - 1)) != 0 || i.data_size > (1ull << 40) ||
      i.bss_size > (1ull << 40)) {
    error = path + ": image info is inconsistent with the file (damaged image)";
    return false;
  }
  return true;
}

} // namespace gpuvm::runtime
