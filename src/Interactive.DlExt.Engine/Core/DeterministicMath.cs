using System.Runtime.CompilerServices;

namespace Interactive.DlExt;

/// <summary>
/// exp, expm1, log, tanh, sin, cos and integer powers computed from IEEE-754 additions, multiplications, divisions
/// and bit manipulation only, so that they give the same bits on every operating system, CPU and runtime.
/// <see cref="Math.Exp"/>, <see cref="Math.Log(double)"/>, <see cref="Math.Tanh"/>, <see cref="Math.Pow"/> and the
/// trigonometric functions call the C runtime's math library (glibc on Linux, the UCRT on Windows, Apple's libm on
/// macOS), which are free to round differently in the last bit; the training path uses these instead so that a run
/// on Windows or macOS reproduces a run on Linux bit for bit.
/// </summary>
/// <remarks>
/// The methods are the classic fdlibm algorithms (Sun Microsystems, 1993; freely redistributable), written afresh:
/// argument reduction with a two- or three-part constant (Cody–Waite) and a minimax polynomial or rational
/// approximation on the reduced range, each below 1 ulp of error. The tests measure the error against the platform
/// functions over many points. The JIT never contracts <c>a*b+c</c> into a fused multiply-add, so the bits do not
/// depend on the instruction set either. Every argument is handled: NaN, ±∞, ±0, subnormals and overflow.
/// </remarks>
internal static class DeterministicMath
{
    // ln 2 split so that k·Ln2Hi is exact for |k| < 2^11.
    private const double Ln2Hi = 6.93147180369123816490e-01;
    private const double Ln2Lo = 1.90821492927058770002e-10;
    private const double InvLn2 = 1.44269504088896338700e+00;
    private const double HalfLn2 = 0.34657359027997264;
    private const double ThreeHalvesLn2 = 1.03972077083991796413e+00;
    private const double ExpOverflow = 7.09782712893383973096e+02;
    private const double ExpUnderflow = -7.45133219101941108420e+02;
    private const double TwoToMinus28 = 3.7252902984619140625e-09;
    private const double TwoToMinus54 = 5.5511151231257827021e-17;
    private const double TwoTo54 = 18014398509481984.0;

    // exp(r) = 1 + r + r·c/(2 − c), c = r − r²·P(r²) (a Remez fit of r·(e^r + 1)/(e^r − 1) on |r| ≤ ln2/2).
    private const double P1 = 1.66666666666666019037e-01;
    private const double P2 = -2.77777777770155933842e-03;
    private const double P3 = 6.61375632143793436117e-05;
    private const double P4 = -1.65339022054652515390e-06;
    private const double P5 = 4.13813679705723846039e-08;

    // expm1's rational approximation, scaled for R(r²/2).
    private const double Q1 = -3.33333333333331316428e-02;
    private const double Q2 = 1.58730158725481460165e-03;
    private const double Q3 = -7.93650757867487942473e-05;
    private const double Q4 = 4.00821782732936239552e-06;
    private const double Q5 = -2.01099218183624371326e-07;

    // log(1 + f) = 2s + 2s·R(s²), s = f/(2 + f): R's coefficients.
    private const double Lg1 = 6.666666666666735130e-01;
    private const double Lg2 = 3.999999999940941908e-01;
    private const double Lg3 = 2.857142874366239149e-01;
    private const double Lg4 = 2.222219843214978396e-01;
    private const double Lg5 = 1.818357216161805012e-01;
    private const double Lg6 = 1.531383769920937332e-01;
    private const double Lg7 = 1.479819860511658591e-01;

    // sin and cos on |x| ≤ π/4.
    private const double S1 = -1.66666666666666324348e-01;
    private const double S2 = 8.33333333332248946124e-03;
    private const double S3 = -1.98412698298579493134e-04;
    private const double S4 = 2.75573137070700676789e-06;
    private const double S5 = -2.50507602534068634195e-08;
    private const double S6 = 1.58969099521155010221e-10;
    private const double C1 = 4.16666666666666019037e-02;
    private const double C2 = -1.38888888888741095749e-03;
    private const double C3 = 2.48015872894767294178e-05;
    private const double C4 = -2.75573143513906633035e-07;
    private const double C5 = 2.08757232129817482790e-09;
    private const double C6 = -1.13596475577881948265e-11;

    // π/2 in three 33-bit pieces (each with its tail), for the reduction x = n·π/2 + y.
    private const double InvPiOver2 = 6.36619772367581382433e-01;
    private const double PiOver2Part1 = 1.57079632673412561417e+00;
    private const double PiOver2Tail1 = 6.07710050650619224932e-11;
    private const double PiOver2Part2 = 6.07710050630396597660e-11;
    private const double PiOver2Tail2 = 2.02226624879595063154e-21;
    private const double PiOver2Part3 = 2.02226624871116645580e-21;
    private const double PiOver2Tail3 = 8.47842766036889956997e-32;
    private const double PiOver4 = 7.85398163397448278999e-01;

    /// <summary>Beyond this |x| the three-part reduction loses bits; 2^20·π/2.</summary>
    private const double MediumReductionLimit = 1647099.3291652855;

    /// <summary>e^x, below 1 ulp of error.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Exp(double x)
    {
        if (double.IsNaN(x))
        {
            return x;
        }

        if (x > ExpOverflow)
        {
            return double.PositiveInfinity;
        }

        if (x < ExpUnderflow)
        {
            return 0;
        }

        var ax = Math.Abs(x);
        if (ax < TwoToMinus28)
        {
            return 1 + x;
        }

        int k;
        double hi, lo;
        if (ax <= HalfLn2)
        {
            k = 0;
            hi = x;
            lo = 0;
        }
        else
        {
            k = ax < ThreeHalvesLn2 ? (x > 0 ? 1 : -1) : (int)((InvLn2 * x) + (x > 0 ? 0.5 : -0.5));
            hi = x - (k * Ln2Hi);
            lo = k * Ln2Lo;
        }

        var r = hi - lo;
        var z = r * r;
        var c = r - (z * (P1 + (z * (P2 + (z * (P3 + (z * (P4 + (z * P5)))))))));
        var y = 1 - ((lo - (r * c / (2 - c))) - hi);
        return k == 0 ? y : ScaleByPowerOfTwo(y, k);
    }

    /// <summary>e^x in single precision: the double result rounded once to float (below 1 float ulp).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Exp(float x) => (float)Exp((double)x);

    /// <summary>e^x − 1, accurate near 0 where <c>Exp(x) − 1</c> cancels; below 1 ulp of error.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double ExpM1(double x)
    {
        if (double.IsNaN(x))
        {
            return x;
        }

        if (x > ExpOverflow)
        {
            return double.PositiveInfinity;
        }

        var ax = Math.Abs(x);
        if (x < -56 * Ln2Hi)
        {
            return -1;
        }

        int k;
        double c;
        if (ax > HalfLn2)
        {
            double hi, lo;
            if (ax < ThreeHalvesLn2)
            {
                k = x > 0 ? 1 : -1;
                hi = x - (k * Ln2Hi);
                lo = k * Ln2Lo;
            }
            else
            {
                k = (int)((InvLn2 * x) + (x > 0 ? 0.5 : -0.5));
                hi = x - (k * Ln2Hi);
                lo = k * Ln2Lo;
            }

            x = hi - lo;
            c = (hi - x) - lo;
        }
        else if (ax < TwoToMinus54)
        {
            return x;
        }
        else
        {
            k = 0;
            c = 0;
        }

        var halfX = 0.5 * x;
        var halfXSquared = x * halfX;
        var r1 = 1 + (halfXSquared * (Q1 + (halfXSquared * (Q2 + (halfXSquared * (Q3 + (halfXSquared * (Q4 + (halfXSquared * Q5)))))))));
        var t = 3 - (r1 * halfX);
        var e = halfXSquared * ((r1 - t) / (6 - (x * t)));
        if (k == 0)
        {
            return x - ((x * e) - halfXSquared);
        }

        e = (x * (e - c)) - c;
        e -= halfXSquared;
        if (k == -1)
        {
            return (0.5 * (x - e)) - 0.5;
        }

        if (k == 1)
        {
            return x < -0.25 ? -2 * (e - (x + 0.5)) : 1 + (2 * (x - e));
        }

        if (k <= -2 || k > 56)
        {
            // e^x − 1 is e^x to working precision (or 2^k·y overflows the exponent field only for k = 1024).
            var y = 1 - (e - x);
            y = k == 1024 ? y * 2 * PowerOfTwo(1023) : AddToExponent(y, k);
            return y - 1;
        }

        if (k < 20)
        {
            var t1 = 1 - PowerOfTwo(-k); // exact
            return AddToExponent(t1 - (e - x), k);
        }

        var y2 = x - (e + PowerOfTwo(-k));
        y2 += 1;
        return AddToExponent(y2, k);
    }

    /// <summary>The natural logarithm, below 1 ulp of error; NaN for negative arguments, −∞ for ±0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Log(double x)
    {
        var bits = BitConverter.DoubleToInt64Bits(x);
        var high = (int)(bits >> 32);
        var k = 0;
        if (high < 0x00100000)
        {
            // Zero, negative, or subnormal.
            if ((bits & long.MaxValue) == 0)
            {
                return double.NegativeInfinity;
            }

            if (bits < 0)
            {
                return double.NaN;
            }

            k -= 54;
            x *= TwoTo54;
            bits = BitConverter.DoubleToInt64Bits(x);
            high = (int)(bits >> 32);
        }

        if (high >= 0x7ff00000)
        {
            return x + x; // +∞ or NaN
        }

        k += (high >> 20) - 1023;
        high &= 0x000fffff;

        // Normalise the mantissa m into [√2/2, √2): i is 0x100000 when m ≥ √2 (then m is halved and k grows).
        var i = (high + 0x95f64) & 0x100000;
        x = BitConverter.Int64BitsToDouble(((long)(high | (i ^ 0x3ff00000)) << 32) | (bits & 0xffffffffL));
        k += i >> 20;
        var f = x - 1.0;
        double dk = k;
        if ((0x000fffff & (2 + high)) < 3)
        {
            // |f| < 2^−20: a short series.
            if (f == 0)
            {
                return k == 0 ? 0 : (dk * Ln2Hi) + (dk * Ln2Lo);
            }

            var rs = f * f * (0.5 - (0.33333333333333333 * f));
            return k == 0 ? f - rs : (dk * Ln2Hi) - ((rs - (dk * Ln2Lo)) - f);
        }

        var s = f / (2.0 + f);
        var z = s * s;
        var w = z * z;
        var t1 = w * (Lg2 + (w * (Lg4 + (w * Lg6))));
        var t2 = z * (Lg1 + (w * (Lg3 + (w * (Lg5 + (w * Lg7))))));
        var r = t2 + t1;
        var wide = (high - 0x6147a) | (0x6b851 - high);
        if (wide > 0)
        {
            var halfFSquared = 0.5 * f * f;
            return k == 0
                ? f - (halfFSquared - (s * (halfFSquared + r)))
                : (dk * Ln2Hi) - ((halfFSquared - ((s * (halfFSquared + r)) + (dk * Ln2Lo))) - f);
        }

        return k == 0 ? f - (s * (f - r)) : (dk * Ln2Hi) - (((s * (f - r)) - (dk * Ln2Lo)) - f);
    }

    /// <summary>The hyperbolic tangent from <see cref="ExpM1"/>, within about 1 ulp.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Tanh(double x)
    {
        if (double.IsNaN(x))
        {
            return x;
        }

        var ax = Math.Abs(x);
        double z;
        if (ax >= 22)
        {
            z = 1; // tanh(22) rounds to 1 (and so do ±∞)
        }
        else if (ax < TwoToMinus54)
        {
            return x;
        }
        else if (ax >= 1)
        {
            var t = ExpM1(2 * ax);
            z = 1 - (2 / (t + 2));
        }
        else
        {
            // z = −t/(t + 2) with the sum's rounding error carried into the quotient (t ∈ (−0.87, 0], so
            // t + 2 − d is exact), leaving only expm1's own error.
            var t = ExpM1(-2 * ax);
            var d = t + 2;
            var dLow = (2 - d) + t;
            var q = -t / d;
            z = q + ((Math.FusedMultiplyAdd(-q, d, -t) - (q * dLow)) / d);
        }

        return x < 0 ? -z : z;
    }

    /// <summary>tanh in single precision: the double result rounded once to float.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Tanh(float x) => (float)Tanh((double)x);

    /// <summary>The sine, below 1 ulp of error for |x| ≤ 2^20·π/2 (beyond that deterministic but not accurate:
    /// the argument is first reduced modulo the double nearest 2π).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Sin(double x)
    {
        if (!double.IsFinite(x))
        {
            return double.NaN;
        }

        if (Math.Abs(x) <= PiOver4)
        {
            return Math.Abs(x) < 7.450580596923828125e-09 ? x : KernelSin(x, 0, tailIsZero: true);
        }

        var n = ReduceByPiOver2(x, out var y0, out var y1);
        return (n & 3) switch
        {
            0 => KernelSin(y0, y1, tailIsZero: false),
            1 => KernelCos(y0, y1),
            2 => -KernelSin(y0, y1, tailIsZero: false),
            _ => -KernelCos(y0, y1),
        };
    }

    /// <summary>The cosine, with the accuracy and range of <see cref="Sin"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Cos(double x)
    {
        if (!double.IsFinite(x))
        {
            return double.NaN;
        }

        if (Math.Abs(x) <= PiOver4)
        {
            return Math.Abs(x) < 7.450580596923828125e-09 ? 1 : KernelCos(x, 0);
        }

        var n = ReduceByPiOver2(x, out var y0, out var y1);
        return (n & 3) switch
        {
            0 => KernelCos(y0, y1),
            1 => -KernelSin(y0, y1, tailIsZero: false),
            2 => -KernelCos(y0, y1),
            _ => KernelSin(y0, y1, tailIsZero: false),
        };
    }

    /// <summary>x^n for an integer n, by binary powering in double-double arithmetic (the error stays below about
    /// 1 ulp however large n is), so that η·γ^t and Adam's 1 − β^t match on every platform. Pow(x, 0) = 1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Pow(double x, long n)
    {
        if (n == 0)
        {
            return 1;
        }

        if (double.IsNaN(x))
        {
            return x;
        }

        var negative = n < 0;
        var m = negative ? (ulong)(-(n + 1)) + 1 : (ulong)n;
        double resultHi = 1, resultLo = 0, baseHi = x, baseLo = 0;
        while (true)
        {
            if ((m & 1) != 0)
            {
                Multiply(ref resultHi, ref resultLo, baseHi, baseLo);
            }

            m >>= 1;
            if (m == 0)
            {
                break;
            }

            Multiply(ref baseHi, ref baseLo, baseHi, baseLo);
        }

        if (!negative)
        {
            return resultHi + resultLo;
        }

        // 1/(hi + lo) to double-double accuracy: q = 1/hi, then one correction step.
        if (resultHi == 0 || !double.IsFinite(resultHi))
        {
            return 1 / resultHi;
        }

        var q = 1 / resultHi;
        var residual = Math.FusedMultiplyAdd(-q, resultHi, 1) - (q * resultLo);
        return q + (q * residual);
    }

    /// <summary>(hi, lo) ← (hi, lo)·(bHi, bLo), with the product's rounding error kept by a fused multiply-add
    /// (an IEEE operation, correctly rounded in hardware and in software alike).</summary>
    private static void Multiply(ref double hi, ref double lo, double bHi, double bLo)
    {
        var p = hi * bHi;
        if (!double.IsFinite(p) || p == 0)
        {
            hi = p;
            lo = 0;
            return;
        }

        var e = Math.FusedMultiplyAdd(hi, bHi, -p) + ((hi * bLo) + (lo * bHi));
        hi = p + e;
        lo = e - (hi - p);
    }

    /// <summary>sin(x + y) for |x + y| ≤ π/4, y the tail of a reduced argument.</summary>
    private static double KernelSin(double x, double y, bool tailIsZero)
    {
        var z = x * x;
        var v = z * x;
        var r = S2 + (z * (S3 + (z * (S4 + (z * (S5 + (z * S6)))))));
        return tailIsZero
            ? x + (v * (S1 + (z * r)))
            : x - (((z * ((0.5 * y) - (v * r))) - y) - (v * S1));
    }

    /// <summary>cos(x + y) for |x + y| ≤ π/4.</summary>
    private static double KernelCos(double x, double y)
    {
        var z = x * x;
        var w = z * z;
        var r = (z * (C1 + (z * (C2 + (z * C3))))) + (w * w * (C4 + (z * (C5 + (z * C6)))));
        var halfZ = 0.5 * z;
        w = 1 - halfZ;
        return w + (((1 - w) - halfZ) + ((z * r) - (x * y)));
    }

    /// <summary>Writes x − n·π/2 as y0 + y1 (|y0 + y1| ≤ π/4 or a little more) and returns n.</summary>
    private static int ReduceByPiOver2(double x, out double y0, out double y1)
    {
        if (Math.Abs(x) > MediumReductionLimit)
        {
            // Deterministic (the remainder is exact), but the double nearest 2π is not 2π: rarely needed.
            x %= 2 * Math.PI;
        }

        var negative = x < 0;
        var t = Math.Abs(x);
        var n = (int)((t * InvPiOver2) + 0.5);
        double fn = n;
        var r = t - (fn * PiOver2Part1);
        var w = fn * PiOver2Tail1;
        var exponent = Exponent(t);
        y0 = r - w;
        if (exponent - Exponent(y0) > 16)
        {
            // Cancellation: a second piece of π/2 (good to 118 bits).
            var previous = r;
            w = fn * PiOver2Part2;
            r = previous - w;
            w = (fn * PiOver2Tail2) - ((previous - r) - w);
            y0 = r - w;
            if (exponent - Exponent(y0) > 49)
            {
                // And a third (151 bits).
                previous = r;
                w = fn * PiOver2Part3;
                r = previous - w;
                w = (fn * PiOver2Tail3) - ((previous - r) - w);
                y0 = r - w;
            }
        }

        y1 = (r - y0) - w;
        if (negative)
        {
            y0 = -y0;
            y1 = -y1;
            return -n;
        }

        return n;
    }

    private static int Exponent(double x) => (int)((BitConverter.DoubleToInt64Bits(x) >> 52) & 0x7ff);

    /// <summary>2^n for −1022 ≤ n ≤ 1023, exactly.</summary>
    private static double PowerOfTwo(int n) => BitConverter.Int64BitsToDouble((long)(n + 1023) << 52);

    /// <summary>y·2^k for a normal y whose result is normal, by adding k to the exponent field.</summary>
    private static double AddToExponent(double y, int k) => BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(y) + ((long)k << 52));

    /// <summary>y·2^k for y in [½, 2] and −1075 ≤ k ≤ 1024, rounding once when the result is subnormal.</summary>
    private static double ScaleByPowerOfTwo(double y, int k)
    {
        if (k > 1023)
        {
            return y * 2 * PowerOfTwo(k - 1);
        }

        if (k >= -1021)
        {
            return y * PowerOfTwo(k);
        }

        return y * PowerOfTwo(k + 1000) * PowerOfTwo(-1000);
    }
}
