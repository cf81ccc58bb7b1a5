#!/usr/bin/env python3
"""kv-bad.py ADDRESS [PORT]: throws malformed RESP at a kv server and prints
one line per case: what was sent and what came back (the first reply line,
and whether the server closed the connection). After every case a fresh
connection must still get PONG: the server survived."""
import socket
import sys
import time

address = sys.argv[1]
port = int(sys.argv[2]) if len(sys.argv) > 2 else 6379


def exchange(payload, wait=2.0, shut=False):
    s = socket.create_connection((address, port), timeout=5)
    try:
        s.sendall(payload)
        if shut:
            s.shutdown(socket.SHUT_WR)
    except (BrokenPipeError, ConnectionResetError):
        pass  # the server answered and closed before taking it all: read the answer
    s.settimeout(wait)
    data = b""
    closed = False
    try:
        while True:
            chunk = s.recv(65536)
            if not chunk:
                closed = True
                break
            data += chunk
    except socket.timeout:
        pass
    except ConnectionResetError:
        closed = True
    s.close()
    return data, closed


def alive():
    data, _ = exchange(b"PING\r\n", wait=0.5)
    return data == b"+PONG\r\n"


def case(name, payload, **kw):
    data, closed = exchange(payload, **kw)
    replies = " | ".join(l.decode("latin-1") for l in data.split(b"\r\n") if l)[:100]
    print(f"{name}: {replies or '(nothing)'} closed={closed} alive={alive()}")


case("negative bulk length", b"*2\r\n$3\r\nGET\r\n$-5\r\n")
case("huge bulk length", b"*2\r\n$3\r\nGET\r\n$99999999999\r\n")
case("bulk length not a number", b"*1\r\n$x\r\n")
case("multibulk count too big", b"*100000\r\n")
case("multibulk count garbage", b"*abc\r\n")
case("missing dollar", b"*1\r\nGET\r\n")
case("1 MB inline line", b"A" * (1 << 20))
case("binary garbage", bytes(range(256)) * 64 + b"\r\n")
case("truncated then gone", b"*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$10\r\nabc", wait=0.5, shut=True)
case("unknown command", b"FROB a b\r\n", wait=0.5)
case("line break in a name", b"*1\r\n$4\r\na\r\nb\r\n", wait=0.5)
case("wrong arity", b"*1\r\n$3\r\nGET\r\n", wait=0.5)
case("not an integer", b"SET n abc\r\nINCR n\r\n", wait=0.5)
case("set syntax", b"SET k v EX\r\n", wait=0.5)
# A client that pipelines without reading: the server stops reading it
# rather than buffer without bound, and others are still served.
hog = socket.create_connection((address, port), timeout=5)
hog.setblocking(False)
sent = 0
deadline = time.monotonic() + 3
while time.monotonic() < deadline and sent < 64 << 20:
    try:
        sent += hog.send(b"ECHO " + b"x" * 4000 + b"\r\n")
    except BlockingIOError:
        time.sleep(0.01)
print(f"non-reading client: stopped after {'under' if sent < 64 << 20 else 'over'} 64 MB, "
      f"alive={alive()}")
hog.close()
print("still alive:", alive())
