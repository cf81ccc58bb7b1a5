#!/usr/bin/env python3
"""http-bad.py ADDRESS PORT: bad requests and bad clients against an HTTP
server, each on its own connection; prints one line per case: the status
answered, the Connection header of the last answer and, where that says
close, whether the server then closed. Last, a good request, to show
that the server lived through them."""
import os
import random
import socket
import sys
import time

sys.dont_write_bytecode = True  # nothing written into the source tree
sys.path.insert(0, os.path.dirname(__file__))
from http_connection import Connection  # noqa: E402

address, port = sys.argv[1], int(sys.argv[2])
random.seed(14)


def case(name, data, answers=1):
    c = Connection(address, port)
    try:
        c.send(data)
        answered = [c.response() for _ in range(answers)]
        connection = answered[-1][1]["connection"]
        if connection == "close":
            connection += ", closed" if c.closed() else ", NOT CLOSED"
        print("%s: %s, %s" % (name, " ".join(str(a[0]) for a in answered), connection))
    except (EOFError, OSError) as e:
        print("%s: %r" % (name, e))
    c.close()


def get(path, headers=""):
    return ("GET %s HTTP/1.1\r\nHost: test\r\n%s\r\n" % (path, headers)).encode()


garbage = bytes(random.randrange(256) for _ in range(4000))
case("binary garbage", garbage + b"\r\n\r\n")
case("garbage without a line end", bytes(random.randrange(11, 256) for _ in range(20000)))
case("1 MB header", get("/", "X-Big: %s\r\n" % ("a" * 1000000)))
case("too many headers", get("/", "".join("X-%d: %d\r\n" % (k, k) for k in range(100))))
case("header without a colon", get("/", "Broken header\r\n"))
case("no Host in HTTP/1.1", b"GET / HTTP/1.1\r\n\r\n")
case("HTTP/2.0", b"GET / HTTP/2.0\r\nHost: test\r\n\r\n")
case("HTTP/1.x", b"GET / HTTP/1.x\r\nHost: test\r\n\r\n")
case("no leading slash", get("index.html"))
case("dot-dot", get("/../etc/passwd"))
case("encoded dot-dot", get("/sub/%2e%2e/%2E%2E/etc/passwd"))
case("encoded NUL", get("/index.html%00.txt"))
case("POST with a body, then GET",
     b"POST / HTTP/1.1\r\nHost: test\r\nContent-Length: 5\r\n\r\nhello" + get("/"), answers=2)
case("big Content-Length", get("/", "Content-Length: 10000000\r\n"))
case("chunked body", get("/", "Transfer-Encoding: chunked\r\n") + b"5\r\nhello\r\n0\r\n\r\n")
case("Connection: close", get("/", "Connection: close\r\n"))
case("HTTP/1.0", b"GET / HTTP/1.0\r\n\r\n")

# Clients that go away or never read: nothing to see but that the server
# lives on, which the last request shows.
for k in range(5):
    s = socket.create_connection((address, port))
    s.sendall(get("/index.html")[: 10 + 5 * k])
    s.close()
print("truncated requests, then gone: sent")
s = socket.create_connection((address, port))
s.sendall(get("/big.bin"))
s.recv(1000)
s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\1\0\0\0\0\0\0\0")  # close with a reset
s.close()
print("reset in the middle of a big file: sent")
s = socket.create_connection((address, port))
s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
s.setblocking(False)
try:
    for _ in range(2000):
        s.send(get("/big.bin") * 20)
except BlockingIOError:
    pass
time.sleep(1)
s.close()
print("a client that never reads, gone after 1 s: sent")

c = Connection(address, port)
c.send(get("/hello.txt"))
status, _, body = c.response()
print("afterwards: %d %r" % (status, body))
