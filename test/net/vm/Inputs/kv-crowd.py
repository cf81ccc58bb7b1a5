#!/usr/bin/env python3
"""kv-crowd.py ADDRESS COUNT: opens COUNT connections to a kv server at once,
holds them all, sends PING on each and reads every answer. A VM too small
for them all answers some with -OOM (and closes those), or closes them
when it has no memory left even to answer; every other gets +PONG. Prints what it saw, then whether a fresh connection still gets PONG
once the crowd has gone."""
import socket
import sys

address, count = sys.argv[1], int(sys.argv[2])
crowd = []
for _ in range(count):
    try:
        crowd.append(socket.create_connection((address, 6379), timeout=5))
    except OSError:
        break  # the VM's stack had no memory for another handshake
for s in crowd:
    s.sendall(b"PING\r\n")
answers = {}
for s in crowd:
    try:
        line = s.recv(200).split(b"\r\n")[0].decode()
    except OSError:
        line = "(reset)"
    kind = "OOM" if line.startswith("-OOM") else line or "(closed)"
    answers[kind] = answers.get(kind, 0) + 1
    s.close()
print("connected", len(crowd), "of", count)
other = sum(n for k, n in answers.items() if k not in ("+PONG", "OOM", "(closed)", "(reset)"))
print(f"answers: +PONG x{answers.get('+PONG', 0)}, OOM x{answers.get('OOM', 0)}, "
      f"closed x{answers.get('(closed)', 0) + answers.get('(reset)', 0)}, other x{other}")
fresh = socket.create_connection((address, 6379), timeout=5)
fresh.sendall(b"PING\r\n")
print("afterwards:", fresh.recv(100).split(b"\r\n")[0].decode())
