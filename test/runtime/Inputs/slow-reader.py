#!/usr/bin/env python3
"""slow-reader.py COMMAND...: runs COMMAND with its stdout a non-blocking pipe
(as when a shell's other job left the shared pipe so), lets the pipe fill
before reading anything, then reads it all and prints how many lines came and
COMMAND's exit status."""
import fcntl
import os
import subprocess
import sys
import time

read_end, write_end = os.pipe()
fcntl.fcntl(write_end, fcntl.F_SETFL, fcntl.fcntl(write_end, fcntl.F_GETFL) | os.O_NONBLOCK)
child = subprocess.Popen(sys.argv[1:], stdout=write_end, stderr=subprocess.DEVNULL)
os.close(write_end)
time.sleep(1)
lines = 0
with os.fdopen(read_end, "rb") as pipe:
    for _ in pipe:
        lines += 1
print(f"{lines} lines, status {child.wait()}")
