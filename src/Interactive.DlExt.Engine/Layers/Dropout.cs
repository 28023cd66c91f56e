using System.Globalization;
using System.Numerics;

namespace Interactive.DlExt;

/// <summary>
/// Inverted dropout (Srivastava et al. 2014): while training, each element is zeroed with probability
/// <see cref="Rate"/> and the kept ones are scaled by 1/(1 − rate), so y = m·x with m ∈ {0, 1/(1 − rate)} and
/// dy/dx = m; in evaluation it is the identity. The mask is drawn serially from the context's seeded
/// generator, one draw per element in order, so a seed gives the same mask for any thread count.
/// </summary>
public sealed class Dropout : Layer
{
    private float[] _mask = [];
    private int _maskLength;
    private Tensor? _output;
    private Tensor? _inputGradient;
    private bool _maskedLastPass;

    /// <summary>Creates the layer.</summary>
    /// <param name="rate">The probability of zeroing an element, in [0, 1).</param>
    /// <param name="name">An optional display name.</param>
    public Dropout(double rate, string? name = null)
        : base(name)
    {
        Rate = Guard.InHalfOpen(rate, 0, 1, nameof(rate));
    }

    /// <summary>The probability of zeroing an element while training.</summary>
    public double Rate { get; }

    /// <inheritdoc />
    public override string Describe() => $"Dropout({Rate.ToString("G6", CultureInfo.InvariantCulture)})";

    /// <inheritdoc />
    public override Tensor Forward(Tensor input, LayerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        CheckInput(input);
        _maskedLastPass = context.Training && Rate > 0;
        if (!_maskedLastPass)
        {
            return input;
        }

        // Grow only: the smaller last batch and the full batch alternate.
        if (_mask.Length < input.Length)
        {
            _mask = new float[input.Length];
        }

        _maskLength = input.Length;
        var random = context.Random;
        var kept = (float)(1 / (1 - Rate));
        for (var i = 0; i < _maskLength; i++)
        {
            _mask[i] = random.NextDouble() < Rate ? 0f : kept;
        }

        var output = ReuseLike(ref _output, input);
        var mask = _mask;
        ElementwiseMap.ForChunks(context.Pool, input.Length, (start, count) =>
            Multiply(input.Data.AsSpan(start, count), mask.AsSpan(start, count), output.Data.AsSpan(start, count)));
        return output;
    }

    /// <inheritdoc />
    public override Tensor? Backward(Tensor outputGradient, LayerContext context)
    {
        ArgumentNullException.ThrowIfNull(outputGradient);
        ArgumentNullException.ThrowIfNull(context);
        if (!InputGradientRequired)
        {
            return null;
        }

        if (!_maskedLastPass)
        {
            return outputGradient;
        }

        if (outputGradient.Length != _maskLength)
        {
            throw new DlExtArgumentException("output gradient", Tensor.Describe(outputGradient.Shape),
                $"the shape of the last output, {Tensor.Describe(_output!.Shape)}");
        }

        var inputGradient = ReuseLike(ref _inputGradient, outputGradient);
        var mask = _mask;
        ElementwiseMap.ForChunks(context.Pool, _maskLength, (start, count) =>
            Multiply(outputGradient.Data.AsSpan(start, count), mask.AsSpan(start, count), inputGradient.Data.AsSpan(start, count)));
        return inputGradient;
    }

    /// <inheritdoc />
    protected override int[] OnBuild(int[] inputShape) => (int[])inputShape.Clone();

    private static void Multiply(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> result)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i <= a.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                (new Vector<float>(a[i..]) * new Vector<float>(b[i..])).CopyTo(result[i..]);
            }
        }

        for (; i < a.Length; i++)
        {
            result[i] = a[i] * b[i];
        }
    }
}
