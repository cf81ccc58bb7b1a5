// A gpuvm image read from disk and checked, before any backend touches it.
#pragma once

#include "gpuvm/image.h"

#include <cstdint>
#include <string>
#include <vector>

namespace gpuvm::runtime {

enum class ImageFormat { ElfSharedObject, AmdgpuCodeObject, Cubin, PtxText };

class Image {
public:
  // Reads and validates `path`. On failure returns false with a one-line
  // reason in `error` (truncated file, foreign format, missing image info).
  static bool load(const std::string &path, Image &out, std::string &error);

  const std::string &path() const { return path_; }
  const std::vector<char> &bytes() const { return bytes_; }
  const gpuvm_image_info &info() const { return info_; }
  ImageFormat format() const { return format_; }

  std::string targetName() const;
  std::string formatName() const;

private:
  std::string path_;
  std::vector<char> bytes_;
  gpuvm_image_info info_{};
  ImageFormat format_ = ImageFormat::ElfSharedObject;
};

std::string targetName(uint32_t target);

} // namespace gpuvm::runtime
