#!/usr/bin/env python3
"""Prints the constant tables of libc_gpu's double-precision math kernels
(libc_gpu/src/__support/{log_dd,exp_dd,atan_dd}.c), computed to 60 digits
with Python's decimal module and split into a double plus a double remainder.

    utils/math_tables.py log|exp|atan

Each table is pasted between the "generated" markers of its file."""

import struct
import sys
from decimal import Decimal, getcontext

getcontext().prec = 60


def bits_of(x):
    return struct.unpack("<Q", struct.pack("<d", x))[0]


def double_of(bits):
    return struct.unpack("<d", struct.pack("<Q", bits))[0]


def split(value):
    """value as hi + lo: hi is value rounded to a double, lo the rest."""
    hi = float(value)  # Decimal -> float rounds correctly
    lo = float(value - Decimal(hi))
    return hi, lo


def round_bits(value, bits):
    """value rounded to a double of at most `bits` significant bits."""
    m, e = frexp_decimal(value)
    scaled = (m * (1 << bits)).to_integral_value()
    return float(scaled) * 2.0 ** (e - bits)


def frexp_decimal(value):
    e = 0
    m = value
    while m >= 1:
        m /= 2
        e += 1
    while m < Decimal("0.5"):
        m *= 2
        e -= 1
    return m, e


def ln(x):
    return Decimal(x).ln()


def atan(x):
    """atan of a Decimal in [0, 1]: halve the argument three times with
    atan(x) = 2 atan(x / (1 + sqrt(1 + x^2))), then the Taylor series."""
    x = Decimal(x)
    doublings = 0
    while x > Decimal("0.1"):
        x = x / (1 + (1 + x * x).sqrt())
        doublings += 1
    total, term, n = Decimal(0), x, 1
    while True:
        piece = term / n
        if abs(piece) < Decimal(10) ** -70:
            break
        total += piece
        term *= -x * x
        n += 2
    return total * (2**doublings)


def pi():
    return 4 * atan(1)


def hex_double(x):
    return float.hex(x)


def log_table():
    # z = x / 2^k lies in [OFF, 2 OFF) with OFF ~ sqrt(1/2); cell i holds the
    # z whose bits exceed OFF's by i * 2^45 .. (i + 1) * 2^45 - 1 (mod 2^52).
    off = 0x3FE6A09E667F3BCD
    print(f"/* 128 cells of z in [0x{off:x}, ...): r ~ 1/z with few bits, -log(r). */")
    rows = []
    largest = Decimal(0)
    for i in range(128):
        lo_bits = off + (i << 45)
        hi_bits = off + ((i + 1) << 45) - 1
        z_lo, z_hi = double_of(lo_bits), double_of(hi_bits)
        if z_lo <= 1.0 <= z_hi:
            r = 1.0
        else:
            centre = (Decimal(z_lo) + Decimal(z_hi)) / 2
            r = None
            for bits in range(12, 4, -1):
                candidate = round_bits(1 / centre, bits)
                if exact_reduction(candidate, z_lo, z_hi):
                    r = candidate
                    break
            assert r is not None, i
        worst = max(abs(Decimal(r) * Decimal(z_lo) - 1), abs(Decimal(r) * Decimal(z_hi) - 1))
        assert worst < Decimal(2**-7.5), (i, worst)
        largest = max(largest, worst)
        hi, lo = split(-ln(Decimal(r))) if r != 1.0 else (0.0, 0.0)
        rows.append((r, hi, lo))
    for r, hi, lo in rows:
        print(f"    {{{hex_double(r)}, {hex_double(hi)}, {hex_double(lo)}}},")
    print(f"largest |r z - 1| = {float(largest):.4g}")
    ln2 = ln(2)
    ln2_hi = float(round_bits(ln2, 42))
    print(f"ln2_hi = {hex_double(ln2_hi)}, ln2_lo = {hex_double(float(ln2 - Decimal(ln2_hi)))}")


def exact_reduction(r, z_lo, z_hi):
    """Whether r * z - 1 is a double for every double z in [z_lo, z_hi]."""
    for z in (z_lo, z_hi):
        exact = Decimal(r) * Decimal(z) - 1
        # The lowest bit r * z can have: ulp(z) times the lowest bit of r.
        m, e = frexp_decimal(Decimal(r))
        r_bits = 0
        while (m * (1 << r_bits)) != (m * (1 << r_bits)).to_integral_value():
            r_bits += 1
        lowest = Decimal(2) ** (e - r_bits) * (Decimal(2) ** -53 if z < 1 else Decimal(2) ** -52)
        if abs(exact) / lowest >= 2**53:
            return False
    return True


def exp_table():
    print("/* 2^(j/128) = hi + lo, j = 0 .. 127. */")
    ln2 = ln(2)
    for j in range(128):
        hi, lo = split((ln2 * j / 128).exp())
        print(f"    {{{hex_double(hi)}, {hex_double(lo)}}},")
    step = ln2 / 128
    c1 = float(round_bits(step, 35))
    c2 = float(step - Decimal(c1))
    print(f"ln2/128: hi = {hex_double(c1)}, lo = {hex_double(c2)}")
    print(f"128/ln2 = {hex_double(float(1 / step))}")
    hi, lo = split(ln(10))
    print(f"ln10: hi = {hex_double(hi)}, lo = {hex_double(lo)}")


def atan_table():
    print("/* atan(i/64) = hi + lo, i = 0 .. 64. */")
    for i in range(65):
        hi, lo = split(atan(Decimal(i) / 64))
        print(f"    {{{hex_double(hi)}, {hex_double(lo)}}},")
    p = pi()
    for name, value in (("pi", p), ("pi/2", p / 2), ("3pi/4", 3 * p / 4)):
        hi, lo = split(value)
        print(f"{name}: hi = {hex_double(hi)}, lo = {hex_double(lo)}")


if __name__ == "__main__":
    {"log": log_table, "exp": exp_table, "atan": atan_table}[sys.argv[1]]()
