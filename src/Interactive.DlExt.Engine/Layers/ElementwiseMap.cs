namespace Interactive.DlExt;

/// <summary>Computes y = f(x) for one chunk, on <c>path</c>.</summary>
internal delegate void ElementwiseForward(ReadOnlySpan<float> input, Span<float> output, SimdPath path);

/// <summary>Computes dx from x, y = f(x) and dy for one chunk, on <c>path</c>.</summary>
internal delegate void ElementwiseBackward(ReadOnlySpan<float> input, ReadOnlySpan<float> output, ReadOnlySpan<float> outputGradient, Span<float> inputGradient, SimdPath path);

/// <summary>
/// The shared machinery of element-wise layers (activations, dropout): output and gradient buffers reused
/// between calls, and fixed-size chunks spread over the pool when the tensor is large. Each element is
/// computed alone, so the result is the same for any thread count and any chunking.
/// </summary>
internal sealed class ElementwiseMap
{
    /// <summary>Elements per task: large enough that scheduling costs little next to the work.</summary>
    internal const int ChunkLength = 16_384;

    private Tensor? _input;
    private Tensor? _output;
    private Tensor? _inputGradient;
    private readonly TensorSpares _spares = new();

    /// <summary>The input of the last forward pass.</summary>
    public Tensor Input => _input ?? throw BackwardBeforeForward();

    /// <summary>The output of the last forward pass.</summary>
    public Tensor Output => _output ?? throw BackwardBeforeForward();

    /// <summary>Runs <paramref name="body"/> over [0, length) in fixed chunks, on the pool when there are several.</summary>
    public static void ForChunks(ComputePool pool, int length, Action<int, int> body)
    {
        var chunks = (length + ChunkLength - 1) / ChunkLength;
        if (chunks <= 1 || pool.Threads == 1)
        {
            body(0, length);
            return;
        }

        pool.For(chunks, c =>
        {
            var start = c * ChunkLength;
            body(start, Math.Min(ChunkLength, length - start));
        });
    }

    /// <summary>Applies <paramref name="kernel"/> to <paramref name="input"/> and remembers both tensors.</summary>
    public Tensor Forward(Tensor input, ComputePool pool, ElementwiseForward kernel)
    {
        var output = _spares.Fit(ref _output, input);
        _input = input;
        var path = Simd.Current; // read on the calling thread, where a test may have forced it
        ForChunks(pool, input.Length, (start, count) =>
            kernel(input.Data.AsSpan(start, count), output.Data.AsSpan(start, count), path));
        return output;
    }

    /// <summary>Applies <paramref name="kernel"/> to the remembered tensors and the incoming gradient.</summary>
    public Tensor Backward(Tensor outputGradient, ComputePool pool, ElementwiseBackward kernel)
    {
        ArgumentNullException.ThrowIfNull(outputGradient);
        var input = Input;
        var output = Output;
        if (outputGradient.Length != output.Length)
        {
            throw new DlExtArgumentException("output gradient", Tensor.Describe(outputGradient.Shape),
                $"the shape of the last output, {Tensor.Describe(output.Shape)}");
        }

        var inputGradient = _spares.Fit(ref _inputGradient, input);
        var path = Simd.Current;
        ForChunks(pool, input.Length, (start, count) => kernel(
            input.Data.AsSpan(start, count),
            output.Data.AsSpan(start, count),
            outputGradient.Data.AsSpan(start, count),
            inputGradient.Data.AsSpan(start, count),
            path));
        return inputGradient;
    }

    private static InvalidOperationException BackwardBeforeForward() =>
        new("Backward was called before Forward: run a forward pass first.");
}
