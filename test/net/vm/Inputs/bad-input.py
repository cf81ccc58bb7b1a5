#!/usr/bin/env python3
"""bad-input.py DEVICE PREFIX: throws bad packets at the echo servers (port 7)
of VMs 0..3 behind the TUN DEVICE and checks what comes back. Packets are
written into the TUN's transmit path with a packet socket (Linux's IPv6
would send none of them), from PREFIX::1 (so that answers come back to
Linux) or, for the SYN flood, from random hosts of another prefix. Prints
one line per case: what was sent and what was seen."""
import ipaddress
import os
import random
import socket
import struct
import sys
import threading
import time

device, prefix = sys.argv[1], ipaddress.IPv6Address(sys.argv[2])
HOST = str(prefix + 1)
VM = [str(prefix + 0x100 + k) for k in range(4)]
ETH_P_IPV6 = 0x86DD
TCP, UDP, ICMP6 = 6, 17, 58
random.seed(12)

link = socket.socket(socket.AF_PACKET, socket.SOCK_DGRAM, socket.htons(ETH_P_IPV6))
link.bind((device, ETH_P_IPV6))
link.settimeout(0.05)


def a(text):
    return socket.inet_pton(socket.AF_INET6, text)


def checksum(src, dst, proto, body):
    data = a(src) + a(dst) + struct.pack("!IxxxB", len(body), proto) + body
    data += b"\0" * (len(data) % 2)
    total = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    while total >> 16:
        total = (total & 0xFFFF) + (total >> 16)
    return ~total & 0xFFFF


def ip6(src, dst, next_header, payload, payload_length=None, hop_limit=64):
    n = len(payload) if payload_length is None else payload_length
    return struct.pack("!IHBB", 6 << 28, n, next_header, hop_limit) + a(src) + a(dst) + payload


def tcp(src, dst, sport, dport, seq, ack, flags, options=b"", data=b"", offset=None, bad=False):
    words = offset if offset is not None else 5 + len(options) // 4
    header = struct.pack("!HHIIBBHHH", sport, dport, seq, ack, words << 4, flags, 65535, 0, 0)
    segment = header + options + data
    sum_ = checksum(src, dst, TCP, segment) ^ (0x5A5A if bad else 0)
    return segment[:16] + struct.pack("!H", sum_) + segment[18:]


def udp(src, dst, sport, dport, data, length=None, bad=False):
    n = 8 + len(data) if length is None else length
    datagram = struct.pack("!HHHH", sport, dport, n, 0) + data
    sum_ = (checksum(src, dst, UDP, datagram) or 0xFFFF) ^ (0x5A5A if bad else 0)
    return datagram[:6] + struct.pack("!H", sum_) + datagram[8:]


def echo_request(src, dst, ident, bad=False):
    message = struct.pack("!BBHHH", 128, 0, 0, ident, 1) + b"ping"
    sum_ = checksum(src, dst, ICMP6, message) ^ (0x5A5A if bad else 0)
    return message[:2] + struct.pack("!H", sum_) + message[4:]


def send(packet):
    link.sendto(packet, (device, ETH_P_IPV6))


def received(seconds, want):
    """Packets from the VMs to Linux for `seconds`; those `want` accepts."""
    seen, end = [], time.time() + seconds
    while time.time() < end:
        try:
            packet, address = link.recvfrom(70000)
        except socket.timeout:
            continue
        if address[2] == socket.PACKET_OUTGOING or len(packet) < 40:
            continue
        if want(packet):
            seen.append(packet)
    return seen


def src_of(p):
    return socket.inet_ntop(socket.AF_INET6, p[8:24])


def icmp_errors(vm):
    """(type, code, pointer) of the ICMPv6 errors VM sent."""
    def want(p):
        return p[6] == ICMP6 and src_of(p) == VM[vm] and p[40] < 128
    return [(p[40], p[41], struct.unpack("!I", p[44:48])[0]) for p in received(0.5, want)]


def tcp_from(vm, dport, seconds=0.5):
    def want(p):
        return p[6] == TCP and src_of(p) == VM[vm] and struct.unpack("!H", p[42:44])[0] == dport
    return received(seconds, want)


def report(name, result):
    print(f"{name}: {result}", flush=True)


# ---- IPv6: lengths that lie, truncation, next headers, options -------------
send(ip6(HOST, VM[0], UDP, udp(HOST, VM[0], 4000, 7, b"x" * 8), payload_length=200))
send(ip6(HOST, VM[0], UDP, udp(HOST, VM[0], 4000, 7, b"x" * 8), payload_length=4))
send(ip6(HOST, VM[0], UDP, b"")[:30])
report("payload length that lies", "answers %d" % len(received(0.3, lambda p: src_of(p) == VM[0])))

send(ip6(HOST, VM[0], TCP, tcp(HOST, VM[0], 4001, 7, 1, 0, 0x02)[:12]))
send(ip6(HOST, VM[0], UDP, b"\x0f\xa0\x00\x07"))
send(ip6(HOST, VM[0], ICMP6, b"\x80\x00"))
report("truncated transport headers", "answers %d" % len(received(0.3, lambda p: src_of(p) == VM[0])))

send(ip6(HOST, VM[1], 253, b"\0" * 16))
report("unknown next header 253", "parameter problem %s" % icmp_errors(1))
# A destination options header (8 bytes) whose PadN claims 10 bytes of 4.
send(ip6(HOST, VM[1], 60, bytes([59, 0, 1, 10, 0, 0, 0, 0])))
report("option past its header", "parameter problem %s" % icmp_errors(1))
# A destination options header that claims 48 bytes of a packet's 8.
send(ip6(HOST, VM[1], 60, bytes([59, 5, 1, 4, 0, 0, 0, 0])))
report("header past the packet", "parameter problem %s" % icmp_errors(1))
# Hop-by-hop after a destination options header (RFC 8200 4.1: first only).
send(ip6(HOST, VM[1], 60, bytes([0, 0, 1, 4, 0, 0, 0, 0]) + bytes([59, 0, 1, 4, 0, 0, 0, 0])))
report("hop-by-hop not first", "parameter problem %s" % icmp_errors(1))
# A fragment (first of two) of an echo request: no reassembly.
send(ip6(HOST, VM[1], 44, bytes([ICMP6, 0, 0, 1, 0, 0, 0, 7]) + echo_request(HOST, VM[1], 9)))
report("fragment", "answers %d" % len(received(0.3, lambda p: src_of(p) == VM[1])))

# ---- checksums ----------------------------------------------------------------
send(ip6(HOST, VM[2], TCP, tcp(HOST, VM[2], 4002, 7, 1000, 0, 0x02, bad=True)))
send(ip6(HOST, VM[2], UDP, udp(HOST, VM[2], 4002, 7, b"bad sum", bad=True)))
send(ip6(HOST, VM[2], UDP, udp(HOST, VM[2], 4002, 7, b"bad length", length=40)))
send(ip6(HOST, VM[2], ICMP6, echo_request(HOST, VM[2], 7, bad=True)))
report("bad checksums and UDP lengths", "answers %d" % len(received(0.3, lambda p: src_of(p) == VM[2])))
send(ip6(HOST, VM[2], ICMP6, echo_request(HOST, VM[2], 7)))
report("good echo request", "replies %d" % len(received(0.3, lambda p: src_of(p) == VM[2] and p[40] == 129)))

# ---- TCP ----------------------------------------------------------------------
# An MSS option claiming 10 bytes in a 4-byte option space; a data offset of 4.
send(ip6(HOST, VM[2], TCP, tcp(HOST, VM[2], 4003, 7, 5000, 0, 0x02, options=bytes([2, 10, 5, 180]))))
send(ip6(HOST, VM[2], TCP, tcp(HOST, VM[2], 4004, 7, 5000, 0, 0x02, offset=4)))
send(ip6(HOST, VM[2], TCP, tcp(HOST, VM[2], 4005, 7, 5000, 0, 0x02, offset=15)))
report("TCP options past the header", "answers %d" % len(tcp_from(2, 4003) + tcp_from(2, 4004, 0.1) + tcp_from(2, 4005, 0.1)))
send(ip6(HOST, VM[0], TCP, tcp(HOST, VM[0], 4006, 9, 77777, 0, 0x02)))
resets = [p for p in tcp_from(0, 4006) if p[53] & 0x04]
report("SYN to a closed port", "reset ack=%d" % struct.unpack("!I", resets[0][48:52]) if resets else "no reset")


def round_trip(vm, data, timeout=5):
    with socket.create_connection((VM[vm], 7), timeout=timeout) as s:
        s.sendall(data)
        s.shutdown(socket.SHUT_WR)
        echoed = b""
        while chunk := s.recv(65536):
            echoed += chunk
    return echoed == data


# RST and ACK storms against an established connection (RFC 5961): resets
# anywhere but exactly RCV.NXT, ACKs for data never sent.
conn = socket.create_connection((VM[1], 7), timeout=5)
conn.sendall(b"before the storm\n")
before = conn.recv(100)
lport = conn.getsockname()[1]
for _ in range(2000):
    seq = random.getrandbits(32)
    send(ip6(HOST, VM[1], TCP, tcp(HOST, VM[1], lport, 7, seq, 0, 0x04)))
    send(ip6(HOST, VM[1], TCP, tcp(HOST, VM[1], lport, 7, seq, random.getrandbits(32), 0x14)))
    send(ip6(HOST, VM[1], TCP, tcp(HOST, VM[1], lport, 7, seq, random.getrandbits(32), 0x10)))
time.sleep(0.3)
conn.sendall(b"after the storm\n")
after = b""
while not after.endswith(b"\n"):
    after += conn.recv(100)
conn.close()
report("RST/ACK storm", (before + after).decode().replace("\n", "; "))

# A SYN flood at VM 2 from random hosts of another prefix, while Linux's
# clients keep being served by VM 3 and by VM 2 itself.
flood_prefix = ipaddress.IPv6Address("fd00:6770:99::")
stop = threading.Event()
flooded = [0]


def flood():
    while not stop.is_set() and flooded[0] < 20000:
        src = str(flood_prefix + random.getrandbits(64))
        send(ip6(src, VM[2], TCP, tcp(src, VM[2], random.randint(1024, 65535), 7,
                                      random.getrandbits(32), 0, 0x02, options=bytes([2, 4, 5, 160]))))
        flooded[0] += 1


flooder = threading.Thread(target=flood)
flooder.start()
served = {2: 0, 3: 0}
# Clients are served while the flood goes on: at least 20 round trips each,
# and on until 2,000 SYNs have gone (however fast this machine serves them).
tried = 0
give_up = time.monotonic() + 30
while (tried < 20 or flooded[0] < 2000) and time.monotonic() < give_up:
    for vm in (2, 3):
        try:
            served[vm] += round_trip(vm, os.urandom(2000))
        except OSError as error:
            print(f"round trip to vm {vm} failed: {error}", flush=True)
    tried += 1
stop.set()
flooder.join()
report("SYN flood", "%s SYNs sent; served during it: vm 2 %s, vm 3 %s"
       % ("thousands of" if flooded[0] >= 2000 else str(flooded[0]),
          *("all" if served[vm] == tried else f"{served[vm]} of {tried}" for vm in (2, 3))))

# Every VM still serves.
report("afterwards", " ".join("vm %d %s" % (k, "ok" if round_trip(k, b"still here") else "WRONG")
                              for k in range(4)))
