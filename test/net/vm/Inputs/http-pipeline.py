#!/usr/bin/env python3
"""http-pipeline.py ADDRESS PORT DOCROOT: pipelined requests to an HTTP
server whose files are DOCROOT's. Three requests in one send (GET, HEAD,
GET of another file), then 50 in one send, more than the server answers
before its output drains; prints one line per response or batch, each
body compared with the file."""
import os
import sys

sys.dont_write_bytecode = True  # nothing written into the source tree
sys.path.insert(0, os.path.dirname(__file__))
from http_connection import Connection  # noqa: E402

address, port, docroot = sys.argv[1], int(sys.argv[2]), sys.argv[3]


def content(path):
    with open(os.path.join(docroot, path.lstrip("/") or "index.html"), "rb") as f:
        return f.read()


def request(method, path):
    return ("%s %s HTTP/1.1\r\nHost: test\r\n\r\n" % (method, path)).encode()


c = Connection(address, port)
three = [("GET", "/"), ("HEAD", "/hello.txt"), ("GET", "/hello.txt")]
c.send(b"".join(request(m, p) for m, p in three))
for method, path in three:
    status, headers, body = c.response(head_only=method == "HEAD")
    same = int(headers["content-length"]) == len(content(path)) and (
        method == "HEAD" or body == content(path))
    print("%s %s: %d %s %s" % (method, path, status, headers["connection"],
                               "matches" if same else "DIFFERS"))

paths = ["/", "/hello.txt", "/sub/style.css", "/missing"] * 12 + ["/big.bin", "/hello.txt"]
c.send(b"".join(request("GET", p) for p in paths))
wrong = []
for k, path in enumerate(paths):
    status, headers, body = c.response()
    if path == "/missing":
        ok = status == 404
    else:
        ok = status == 200 and body == content(path)
    if not ok:
        wrong.append("%d %s: %d" % (k, path, status))
print("%d pipelined: %s" % (len(paths), "; ".join(wrong) or "all in order"))
c.close()
