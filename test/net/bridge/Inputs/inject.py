# inject.py DEVICE SOURCE DESTINATION malformed|udp: writes packets straight
# into the TUN's transmit path (a packet socket, below Linux's IPv6, which
# would neither send these nor use another host's source address).
#   malformed: 3 bytes, a version 4 header in a 48-byte IPv6 frame, and a
#              payload length that claims 100 bytes of 8;
#   udp:       one well-formed UDP datagram to port 9.
import socket
import struct
import sys

device, source, destination, kind = sys.argv[1:5]
ETH_P_IPV6 = 0x86DD
link = socket.socket(socket.AF_PACKET, socket.SOCK_DGRAM, socket.htons(ETH_P_IPV6))
addresses = socket.inet_pton(socket.AF_INET6, source) + socket.inet_pton(socket.AF_INET6, destination)


def header(version, payload_length):
    return bytes([version << 4, 0, 0, 0, payload_length >> 8, payload_length & 0xFF, 17, 64]) + addresses


def udp(payload):
    length = 8 + len(payload)
    pseudo = addresses + struct.pack("!IxxxB", length, 17)
    datagram = struct.pack("!HHHH", 9, 9, length, 0) + payload
    data = pseudo + datagram + (b"\0" if len(datagram) % 2 else b"")
    total = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    while total >> 16:
        total = (total & 0xFFFF) + (total >> 16)
    checksum = (~total & 0xFFFF) or 0xFFFF
    return header(6, length) + datagram[:6] + struct.pack("!H", checksum) + datagram[8:]


packets = {
    "malformed": [b"\x60\x00\x00", header(4, 8) + bytes(8), header(6, 100) + bytes(8)],
    "udp": [udp(b"from another run")],
}[kind]
for packet in packets:
    link.sendto(packet, (device, ETH_P_IPV6))
