// --pcap FILE: what crosses the bridge, as raw IPv6 packets (LINKTYPE_RAW)
// in a pcap file that tcpdump and tshark read.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

typedef struct pcap pcap_t;
typedef struct pcap_dumper pcap_dumper_t;

namespace gpuvm::runtime::net {

class PcapWriter {
public:
  PcapWriter() = default;
  PcapWriter(const PcapWriter &) = delete;
  PcapWriter &operator=(const PcapWriter &) = delete;
  ~PcapWriter();

  // Returns empty, or why the file cannot be written.
  std::string open(const std::string &path);
  bool isOpen() const { return dumper_ != nullptr; }

  void write(const uint8_t *packet, size_t length);
  // Once per batch, so that a file read while gpuvm runs is whole.
  void flush();

private:
  pcap_t *pcap_ = nullptr;
  pcap_dumper_t *dumper_ = nullptr;
  bool dirty_ = false;
};

} // namespace gpuvm::runtime::net
