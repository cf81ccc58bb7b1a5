#include "net/PcapWriter.h"

#include <pcap/pcap.h>

#include <sys/time.h>

namespace gpuvm::runtime::net {

namespace {
constexpr int kSnapLength = 65535; // the largest IPv6 packet without jumbograms
}

PcapWriter::~PcapWriter() {
  if (dumper_)
    pcap_dump_close(dumper_);
  if (pcap_)
    pcap_close(pcap_);
}

std::string PcapWriter::open(const std::string &path) {
  pcap_ = pcap_open_dead(DLT_RAW, kSnapLength);
  if (!pcap_)
    return "--pcap: libpcap cannot make a raw IPv6 capture";
  dumper_ = pcap_dump_open(pcap_, path.c_str());
  if (!dumper_)
    return "--pcap " + path + ": " + pcap_geterr(pcap_);
  pcap_dump_flush(dumper_); // the file header, even if nothing crosses
  return {};
}

void PcapWriter::write(const uint8_t *packet, size_t length) {
  if (!dumper_)
    return;
  pcap_pkthdr header{};
  gettimeofday(&header.ts, nullptr);
  header.caplen = header.len = bpf_u_int32(length);
  pcap_dump(reinterpret_cast<u_char *>(dumper_), &header, packet);
  dirty_ = true;
}

void PcapWriter::flush() {
  if (dumper_ && dirty_)
    pcap_dump_flush(dumper_);
  dirty_ = false;
}

} // namespace gpuvm::runtime::net
