#!/usr/bin/env python3
"""Prints the constant tables of libc_gpu's double-precision math kernels
(libc_gpu/src/__support/{log_dd,exp_dd,atan_dd,erf_dd,gamma_dd}.c), computed
to 60 digits (more where a computation cancels) with Python's decimal and
fractions modules and split into a double plus a double remainder.

    utils/math_tables.py log|exp|atan|erf|gamma

Each table is pasted between the "generated" markers of its file."""

import struct
import sys
from decimal import Decimal, getcontext, localcontext
from fractions import Fraction

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


def machin_pi(digits):
    """pi to about `digits` digits: 16 atan(1/5) - 4 atan(1/239)."""
    with localcontext() as ctx:
        ctx.prec = digits + 10
        eps = Decimal(10) ** -(digits + 8)

        def arctan_inverse(n):
            total, power, k, sign = Decimal(0), Decimal(1) / n, 1, 1
            while power > eps:
                total += sign * power / k
                power /= n * n
                k += 2
                sign = -sign
            return total

        return +(16 * arctan_inverse(5) - 4 * arctan_inverse(239))


def bernoulli(count):
    """B_0 .. B_count as fractions (Akiyama-Tanigawa), B_1 = +1/2."""
    result, a = [], []
    for m in range(count + 1):
        a.append(Fraction(1, m + 1))
        for j in range(m, 0, -1):
            a[j - 1] = j * (a[j - 1] - a[j])
        result.append(a[0])
    return result


def zeta(s, bern):
    """zeta(s), s >= 2, by Euler-Maclaurin summation from N = 40 on."""
    n_cut = 40
    total = sum(Decimal(1) / Decimal(n) ** s for n in range(1, n_cut))
    big_n = Decimal(n_cut)
    total += big_n ** (1 - s) / (s - 1) + big_n ** (-s) / 2
    rising, factorial = Decimal(s), Decimal(2)
    for j in range(1, 30):
        b = bern[2 * j]
        total += Decimal(b.numerator) / Decimal(b.denominator) / factorial * rising * big_n ** (
            -s - 2 * j + 1
        )
        rising *= (s + 2 * j - 1) * (s + 2 * j)
        factorial *= (2 * j + 1) * (2 * j + 2)
    return total


def euler_gamma(bern):
    """gamma = H_N - log N - 1/(2N) + sum B_2k / (2k N^2k), N = 100."""
    big_n = 100
    total = sum(Decimal(1) / n for n in range(1, big_n + 1)) - ln(big_n) - Decimal(1) / (2 * big_n)
    for k in range(1, 25):
        b = bern[2 * k]
        total += Decimal(b.numerator) / Decimal(b.denominator) / (2 * k) / Decimal(big_n) ** (2 * k)
    return total


def erfcx(c):
    """e^(c^2) erfc(c) for a double c > 0: 1 - erf(c), erf(c) from its series
    2/sqrt(pi) e^(-c^2) sum 2^n c^(2n+1) / (1 3 5 ... (2n+1)) of positive
    terms, in enough digits for the cancellation (erfc(27.5) ~ 1e-330)."""
    c = Decimal(c)
    with localcontext() as ctx:
        digits = int(c * c / Decimal("2.3")) + 120
        ctx.prec = digits
        total, term, n = Decimal(0), c, 0
        eps = Decimal(10) ** -(digits + 5)
        while True:
            total += term
            n += 1
            term = term * 2 * c * c / (2 * n + 1)
            if term < eps * total and n > c * c:
                break
        two_over_root_pi = 2 / machin_pi(digits).sqrt()
        square = c * c
        erf = two_over_root_pi * (-square).exp() * total
        return +((1 - erf) * square.exp())


# The cells of erfc's table: [0.5, 4) in halves, [4, 8) in units, [8, 16) in
# twos, [16, 28) in fours.
ERFC_CELLS = (
    [(0.5 + i / 2, 1.0 + i / 2) for i in range(7)]
    + [(4.0 + i, 5.0 + i) for i in range(4)]
    + [(8.0 + 2 * i, 10.0 + 2 * i) for i in range(4)]
    + [(16.0 + 4 * i, 20.0 + 4 * i) for i in range(3)]
)
ERFC_DEGREE = 20


def erf_table():
    with localcontext() as ctx:
        ctx.prec = 60
        p = machin_pi(80)
        hi, lo = split(2 / p.sqrt())
        print(f"2/sqrt(pi): hi = {hex_double(hi)}, lo = {hex_double(lo)}")
        print("/* erf: (-1)^n / (n! (2n + 1)), n = 2 .. 19 (n = 1 is -1/3, as hi + lo). */")
        hi, lo = split(Decimal(-1) / 3)
        print(f"-1/3: hi = {hex_double(hi)}, lo = {hex_double(lo)}")
        factorial = 1
        for n in range(1, 20):
            factorial *= n
            if n >= 2:
                print(f"    {hex_double(float(Decimal((-1) ** n) / (factorial * (2 * n + 1))))},")
    print("/* erfcx(c + t) = sum a_n t^n per cell: c, a_0 as hi + lo, a_1 .. a_20. */")
    with localcontext() as ctx:
        for low, high in ERFC_CELLS:
            c = (low + high) / 2
            a0 = erfcx(c)
            ctx.prec = int(c * c / 2.3) + 120
            root_pi = machin_pi(ctx.prec).sqrt()
            a = [a0, 2 * Decimal(c) * a0 - 2 / root_pi]
            for n in range(1, ERFC_DEGREE):
                a.append((2 * Decimal(c) * a[n] + 2 * a[n - 1]) / (n + 1))
            half = Decimal(high - low) / 2
            assert abs(a[ERFC_DEGREE]) * half**ERFC_DEGREE / a0 < Decimal(2) ** -60, c
            hi, lo = split(a0)
            row = [hex_double(c), hex_double(hi), hex_double(lo)]
            rest = ", ".join(hex_double(float(x)) for x in a[1:])
            print("    {" + ", ".join(row) + ", {" + rest + "}},")


def gamma_table():
    bern = bernoulli(80)
    with localcontext() as ctx:
        ctx.prec = 80
        g = euler_gamma(bern)
        p = machin_pi(90)
        z2 = zeta(2, bern)
        for name, value in (
            ("-gamma", -g),
            ("zeta(2)/2", z2 / 2),
            ("1-gamma", 1 - g),
            ("(zeta(2)-1)/2", (z2 - 1) / 2),
            ("pi", p),
            ("log(pi)", p.ln()),
            ("log(2 pi)/2", (2 * p).ln() / 2),
        ):
            hi, lo = split(value)
            print(f"{name}: hi = {hex_double(hi)}, lo = {hex_double(lo)}")
        print("/* lgamma(1 + t): (-1)^k zeta(k) / k, k = 3 .. 30. */")
        for k in range(3, 31):
            print(f"    {hex_double(float((-1) ** k * zeta(k, bern) / k))},")
        print("/* lgamma(2 + t): (-1)^k (zeta(k) - 1) / k, k = 3 .. 24. */")
        for k in range(3, 25):
            print(f"    {hex_double(float((-1) ** k * (zeta(k, bern) - 1) / k))},")
        print("/* Stirling: B_2k / (2k (2k - 1)), k = 1 .. 12. */")
        for k in range(1, 13):
            b = bern[2 * k] / (2 * k * (2 * k - 1))
            print(f"    {hex_double(float(Decimal(b.numerator) / Decimal(b.denominator)))},")


if __name__ == "__main__":
    tables = {"log": log_table, "exp": exp_table, "atan": atan_table}
    tables.update({"erf": erf_table, "gamma": gamma_table})
    tables[sys.argv[1]]()
