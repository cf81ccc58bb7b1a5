#!/usr/bin/env python3
"""one-echo.py ADDRESS PORT: one TCP round trip, saying how far it got (for
diagnosing a bridge where ping and nc are missing)."""
import socket
import sys

s = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
s.settimeout(5)
try:
    s.connect((sys.argv[1], int(sys.argv[2])))
    print("connected")
    s.sendall(b"one echo\n")
    print("sent")
    data = s.recv(100)
    print("received", data)
    sys.exit(0 if data == b"one echo\n" else 1)
except OSError as e:
    print("failed:", e)
    sys.exit(1)
