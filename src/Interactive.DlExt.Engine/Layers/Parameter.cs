namespace Interactive.DlExt;

/// <summary>
/// One named weight array of a layer. Its values live in the model's flat <see cref="ParameterStore"/>
/// (trainable ones beside their gradients), so optimizers update all parameters in one fused pass.
/// </summary>
public sealed class Parameter
{
    private readonly int[] _shape;

    internal Parameter(Layer owner, string name, int[] shape, Initializer initializer, int fanIn, int fanOut, bool trainable)
    {
        Owner = owner;
        LocalName = name;
        _shape = shape;
        Length = Tensor.CheckedLength(shape);
        Initializer = initializer;
        FanIn = fanIn;
        FanOut = fanOut;
        Trainable = trainable;
    }

    /// <summary>The layer that owns it.</summary>
    public Layer Owner { get; }

    /// <summary>The name inside its layer, e.g. "weight".</summary>
    public string LocalName { get; }

    /// <summary>The qualified name inside the model, e.g. "0.weight" (safetensors key).</summary>
    public string Name { get; internal set; } = string.Empty;

    /// <summary>The dimensions.</summary>
    public IReadOnlyList<int> Shape => _shape;

    /// <summary>The number of values.</summary>
    public int Length { get; }

    /// <summary>False for state that is saved but not optimized (batch-norm running statistics).</summary>
    public bool Trainable { get; }

    /// <summary>How the values start.</summary>
    public Initializer Initializer { get; }

    internal int FanIn { get; }

    internal int FanOut { get; }

    /// <summary>The buffer holding the values (the store's flat buffer); valid once the model is built.</summary>
    internal float[] Buffer { get; set; } = [];

    /// <summary>The buffer holding the gradients (trainable parameters only).</summary>
    internal float[] GradientBuffer { get; set; } = [];

    /// <summary>Where this parameter starts in <see cref="Buffer"/> and <see cref="GradientBuffer"/>.</summary>
    internal int Offset { get; set; }

    /// <summary>The values.</summary>
    public Span<float> Values => Buffer.AsSpan(Offset, Length);

    /// <summary>The gradient accumulated since the last <see cref="ParameterStore.ZeroGradients"/> (empty if not trainable).</summary>
    public Span<float> Gradient
    {
        get
        {
            if (!Trainable)
            {
                return Span<float>.Empty;
            }

            PrepareGradientForAccumulation();
            return GradientBuffer.AsSpan(Offset, Length);
        }
    }

    /// <summary>
    /// True when the gradient is logically zero but its region of <see cref="GradientBuffer"/> still holds the
    /// previous step's values: zeroing only marks, and the first writer of the next step either overwrites the
    /// region (<see cref="TakeGradientForOverwrite"/>) or has it cleared first (<see cref="PrepareGradientForAccumulation"/>).
    /// That saves a clearing pass and a read of zeros per step over every weight, bit for bit the same result.
    /// </summary>
    internal bool GradientIsStale { get; set; }

    /// <summary>Makes the gradient region hold its logical value (zeros if stale) so that a writer can add to it.</summary>
    internal void PrepareGradientForAccumulation()
    {
        if (GradientIsStale)
        {
            GradientBuffer.AsSpan(Offset, Length).Clear();
            GradientIsStale = false;
        }
    }

    /// <summary>For a writer that produces the whole gradient at once: true if it may overwrite the region (the
    /// gradient was logically zero), false if it must add to it. Either way the region is current afterwards.</summary>
    internal bool TakeGradientForOverwrite()
    {
        var overwrite = GradientIsStale;
        GradientIsStale = false;
        return overwrite;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name} {Tensor.Describe(_shape)}";
}
