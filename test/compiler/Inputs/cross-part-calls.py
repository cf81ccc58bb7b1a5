#!/usr/bin/env python3
"""Reads the PTX of an image's parts and says every direct call whose callee
the calling part does not define: ptxas -c mishandles those (the caller's
return address is kept in a register the callee may clobber)."""
import re
import sys


# A header that ends in a body, not in ";" (a declaration).
defined_pattern = re.compile(
    r"^(?:\.visible\s+|\.weak\s+)?\.(?:func|entry)\s+(?:\([^)]*\)\s*)?([\w$]+)[^;{]*\{", re.M)
direct_call = re.compile(r"\bcall(?:\.uni)?\s+(?:\([^)]*\),\s*)?([A-Za-z_$][\w$]*),")

parts = sys.argv[1:]
calls = across = 0
for path in parts:
    text = open(path).read()
    defined = set(defined_pattern.findall(text))
    for callee in direct_call.findall(text):
        calls += 1
        if callee not in defined:
            across += 1
            print(f"{path}: direct call to {callee}, defined in another part")
indirect = sum(open(p).read().count("callprototype") for p in parts)
print(f"{len(parts)} parts, {calls - across} direct calls within a part, {indirect} indirect calls, {across} direct calls across parts")
sys.exit(1 if across else 0)
