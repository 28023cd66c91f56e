namespace Interactive.DlExt;

/// <summary>The per-step scalars of <see cref="Adam"/> and <see cref="AdamW"/>, computed once per step in double
/// (the bias corrections 1−βᵗ lose precision if raised to the power t in float) and then rounded to float.
/// βᵗ comes from <see cref="DeterministicMath.Pow(double, long)"/>, not the OS's pow, so it is the same on every OS.</summary>
internal readonly struct AdamConstants
{
    public AdamConstants(double learningRate, double beta1, double beta2, double epsilon, long step)
    {
        Eta = (float)learningRate;
        Beta1 = (float)beta1;
        Beta2 = (float)beta2;
        OneMinusBeta1 = (float)(1 - beta1);
        OneMinusBeta2 = (float)(1 - beta2);
        Epsilon = (float)epsilon;
        InverseCorrection1 = (float)(1 / (1 - DeterministicMath.Pow(beta1, step)));
        InverseCorrection2 = (float)(1 / (1 - DeterministicMath.Pow(beta2, step)));
    }

    /// <summary>η for this step.</summary>
    public float Eta { get; }

    public float Beta1 { get; }

    public float Beta2 { get; }

    public float OneMinusBeta1 { get; }

    public float OneMinusBeta2 { get; }

    public float Epsilon { get; }

    /// <summary>1 / (1 − β₁ᵗ): the kernels multiply by it (one division per element instead of three).</summary>
    public float InverseCorrection1 { get; }

    /// <summary>1 / (1 − β₂ᵗ).</summary>
    public float InverseCorrection2 { get; }
}
