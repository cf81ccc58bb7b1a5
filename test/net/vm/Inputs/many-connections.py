#!/usr/bin/env python3
"""many-connections.py PREFIX VMS CONNECTIONS BYTES: opens CONNECTIONS TCP
connections at once, spread over the echo servers of VMs 0..VMS-1 (port 7),
sends each BYTES of its own random data, reads the echo back and compares.
Prints "N connections ok, B bytes" or what went wrong."""
import asyncio
import ipaddress
import os
import sys


async def one(address, payload):
    reader, writer = await asyncio.open_connection(address, 7)

    async def send():
        writer.write(payload)
        await writer.drain()
        writer.write_eof()

    # Read while writing: an echo client that writes everything first stalls
    # once both directions' windows are full, on any TCP.
    _, echoed = await asyncio.gather(send(), reader.read(-1))
    writer.close()
    return echoed == payload


async def main():
    prefix, vms, count, size = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    base = ipaddress.IPv6Address(prefix)
    jobs = []
    for i in range(count):
        address = str(base + 0x100 + i % vms)
        jobs.append(one(address, os.urandom(size)))
    results = await asyncio.wait_for(asyncio.gather(*jobs, return_exceptions=True), 120)
    bad = [r for r in results if r is not True]
    if bad:
        print(f"FAIL: {len(bad)} of {count} connections: {bad[:3]}")
        sys.exit(1)
    print(f"{count} connections ok, {count * size} bytes")


asyncio.run(main())
