using System.Runtime.CompilerServices;

namespace Interactive.DlExt;

/// <summary>
/// A fully connected layer: y = x·Wᵀ + b, optionally followed by a fused activation.
/// W is [out, in] and b is [out] (PyTorch's layout and names "weight" and "bias", so saved tensors match torch).
/// Backward: dW += gᵀ·x, db += Σ_rows g, dx = g·W, where g is the output gradient (masked by the fused
/// activation's derivative). W starts He-normal by default, b at zero.
/// </summary>
public sealed class Linear : Layer
{
    private readonly int? _declaredInFeatures;
    private readonly Initializer _initializer;
    private int _inFeatures;
    private Parameter? _weight;
    private Parameter? _bias;
    private Tensor? _input;
    private Tensor? _output;
    private Tensor? _maskedGradient;
    private Tensor? _inputGradient;
    private float[] _columnSums = [];

    // Below this many gradient elements the mask and bias sums run on the caller (a parallel loop costs more).
    private const int ParallelElements = 64 * 1024;
    private const int ColumnBlock = 64;

    /// <summary>Creates a layer whose input width is taken from the data when the model is built.</summary>
    /// <param name="outFeatures">The number of outputs, ≥ 1.</param>
    /// <param name="activation">An activation fused into the output. The default is none.</param>
    /// <param name="initializer">How the weight starts. The default is <see cref="Initializer.HeNormal"/>.</param>
    /// <param name="name">An optional display name.</param>
    public Linear(int outFeatures, Activation activation = Activation.None, Initializer? initializer = null, string? name = null)
        : base(name)
    {
        OutFeatures = Guard.AtLeast(outFeatures, 1, nameof(outFeatures));
        Activation = CheckActivation(activation);
        _initializer = initializer ?? Initializer.HeNormal;
    }

    /// <summary>Creates a layer with a declared input width, checked when the model is built.</summary>
    /// <param name="inFeatures">The number of inputs, ≥ 1.</param>
    /// <param name="outFeatures">The number of outputs, ≥ 1.</param>
    /// <param name="activation">An activation fused into the output. The default is none.</param>
    /// <param name="initializer">How the weight starts. The default is <see cref="Initializer.HeNormal"/>.</param>
    /// <param name="name">An optional display name.</param>
    public Linear(int inFeatures, int outFeatures, Activation activation = Activation.None, Initializer? initializer = null, string? name = null)
        : this(outFeatures, activation, initializer, name)
    {
        _declaredInFeatures = Guard.AtLeast(inFeatures, 1, nameof(inFeatures));
        _inFeatures = inFeatures;
    }

    /// <summary>The number of inputs (0 until built when it is inferred).</summary>
    public int InFeatures => _inFeatures;

    /// <summary>The number of outputs.</summary>
    public int OutFeatures { get; }

    /// <summary>The activation fused into the output.</summary>
    public Activation Activation { get; }

    /// <summary>The weight, [out, in], once built.</summary>
    public Parameter Weight => _weight ?? throw NotBuilt();

    /// <summary>The bias, [out], once built.</summary>
    public Parameter Bias => _bias ?? throw NotBuilt();

    /// <inheritdoc />
    public override string Describe()
    {
        var inputs = _inFeatures > 0 ? _inFeatures.ToString(System.Globalization.CultureInfo.InvariantCulture) : "?";
        var fused = Activation == Activation.Relu ? ", ReLU" : string.Empty;
        return $"Linear({inputs} → {OutFeatures}{fused})";
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override Tensor Forward(Tensor input, LayerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        CheckInput(input);
        var batch = input.BatchSize;
        var w = Weight;
        var b = Bias;
        var output = Reuse(ref _output, batch, OutputShape);
        _input = input;

        // y[batch×out] = x[batch×in]·W[out×in]ᵀ + b, with the activation applied in the GEMM's epilogue.
        Gemm.Multiply(context.Pool, false, true, batch, OutFeatures, _inFeatures,
            input.Data, 0, w.Buffer, w.Offset, output.Data, 0,
            bias: b.Buffer, biasOffset: b.Offset, activation: Activation);
        return output;
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override Tensor? Backward(Tensor outputGradient, LayerContext context)
    {
        ArgumentNullException.ThrowIfNull(outputGradient);
        ArgumentNullException.ThrowIfNull(context);
        var input = _input ?? throw new InvalidOperationException("Backward was called before Forward: run a forward pass first.");
        var output = _output!;
        var batch = input.BatchSize;
        if (outputGradient.Length != output.Length)
        {
            throw new DlExtArgumentException("output gradient", Tensor.Describe(outputGradient.Shape),
                $"the shape of the last output, {Tensor.Describe(output.Shape)}");
        }

        var clock = PartClock.Start();
        var g = MaskAndSumColumns(outputGradient, output, batch, context.Pool);
        PartClock.Stop(StepPart.LinearMaskAndBias, clock);
        var w = Weight;

        // dW[out×in] += g[batch×out]ᵀ·x[batch×in] (written, not added, when the gradient was zeroed: same bits)
        Gemm.Multiply(context.Pool, true, false, OutFeatures, _inFeatures, batch,
            g.Data, 0, input.Data, 0, w.GradientBuffer, w.Offset, accumulate: !w.TakeGradientForOverwrite());
        if (!InputGradientRequired)
        {
            return null;
        }

        // dx[batch×in] = g[batch×out]·W[out×in]
        var inputGradient = Reuse(ref _inputGradient, batch, InputShape);
        Gemm.Multiply(context.Pool, false, false, batch, _inFeatures, OutFeatures,
            g.Data, 0, w.Buffer, w.Offset, inputGradient.Data, 0);
        return inputGradient;
    }

    /// <inheritdoc />
    protected override int[] OnBuild(int[] inputShape)
    {
        if (_declaredInFeatures is { } declared)
        {
            if (inputShape.Length != 1 || inputShape[0] != declared)
            {
                throw ShapeError(inputShape, $"an item shape of [{declared}] (batches of [batch, {declared}])");
            }
        }
        else if (inputShape.Length != 1)
        {
            throw ShapeError(inputShape, "a flat item shape [features] (put a Flatten layer before it)");
        }

        _inFeatures = inputShape[0];
        _weight = AddParameter("weight", [OutFeatures, _inFeatures], _initializer, _inFeatures, OutFeatures);
        _bias = AddParameter("bias", [OutFeatures], Initializer.Zeros, _inFeatures, OutFeatures);
        return [OutFeatures];
    }

    private static Activation CheckActivation(Activation activation) =>
        activation is Activation.None or Activation.Relu
            ? activation
            : throw new DlExtArgumentException(nameof(activation), activation.ToString(), "Activation.None or Activation.Relu");

    // The fused ReLU passes the gradient only where the output is positive (y = max(0, v) ⇒ dy/dv = [v > 0]), and
    // NaN where the output is NaN (ReluRule);
    // the bias gradient is db[j] += Σ_r g[r, j], rows added in order. Both in one pass over blocks of columns,
    // spread over the pool for large batches: each column's sum is still one thread's rows in order.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Tensor MaskAndSumColumns(Tensor outputGradient, Tensor output, int batch, ComputePool pool)
    {
        var relu = Activation == Activation.Relu;
        var masked = relu ? Reuse(ref _maskedGradient, batch, OutputShape) : outputGradient;
        if (_columnSums.Length != OutFeatures)
        {
            _columnSums = new float[OutFeatures];
        }

        var blocks = (long)batch * OutFeatures >= ParallelElements && pool.Threads > 1
            ? Math.Min(4 * pool.Threads, (OutFeatures + ColumnBlock - 1) / ColumnBlock)
            : 1;
        var path = Simd.Current;
        var body = new ColumnBlockTask(outputGradient.Data, output.Data, masked.Data, _columnSums, batch, OutFeatures, blocks, relu, path);
        if (blocks == 1)
        {
            body.Run(0);
        }
        else
        {
            pool.For(blocks, body);
        }

        var b = Bias;
        b.PrepareGradientForAccumulation();
        Elementwise.AddInPlace(_columnSums, b.GradientBuffer.AsSpan(b.Offset, OutFeatures), path);
        return masked;
    }

    private readonly struct ColumnBlockTask(float[] gradient, float[] output, float[] masked, float[] sums, int rows, int columns, int blocks, bool relu, SimdPath path)
        : IComputeBody
    {
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Run(int index)
        {
            // Blocks start on multiples of 16 columns (whole vectors); each column is summed by one task, rows in order.
            var units = (columns + 15) / 16;
            var j0 = Math.Min(columns, (int)((long)units * index / blocks) * 16);
            var j1 = Math.Min(columns, (int)((long)units * (index + 1) / blocks) * 16);
            MaskedColumnSums.Run(gradient, output, masked, sums, rows, columns, j0, j1, relu, path);
        }
    }

    private InvalidOperationException NotBuilt() =>
        new($"Layer '{Name}' is not built yet: build the model (model.Build(inputShape)) or train it first.");
}
