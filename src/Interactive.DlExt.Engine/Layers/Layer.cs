using System.Runtime.CompilerServices;

namespace Interactive.DlExt;

/// <summary>
/// A differentiable building block. <see cref="Forward"/> maps a batch (first dimension = batch) to a batch
/// and remembers what <see cref="Backward"/> needs; <see cref="Backward"/> adds the parameter gradients into
/// the model's gradient buffer and returns the gradient with respect to the input.
/// Output tensors are reused between calls: copy one if you keep it past the next forward pass.
/// </summary>
[TypeFormatterSource(TypeFormatterSourceAttribute.DlExtSource)]
public abstract class Layer
{
    private readonly List<Parameter> _parameters = [];
    private int[]? _inputShape;
    private int[]? _outputShape;
    private readonly TensorSpares _spares = new();

    /// <summary>Creates a layer with an optional display name.</summary>
    protected Layer(string? name = null)
    {
        Name = name ?? GetType().Name;
    }

    /// <summary>The display name (model summaries and error messages).</summary>
    public string Name { get; set; }

    /// <summary>The per-item input shape, once built.</summary>
    public IReadOnlyList<int> InputShape => _inputShape ?? throw NotBuilt();

    /// <summary>The per-item output shape, once built.</summary>
    public IReadOnlyList<int> OutputShape => _outputShape ?? throw NotBuilt();

    /// <summary>Whether shapes and parameters exist yet.</summary>
    public bool IsBuilt => _outputShape is not null;

    /// <summary>This layer's own parameters (not its children's).</summary>
    public IReadOnlyList<Parameter> Parameters => _parameters;

    /// <summary>Layers nested inside this one (for containers).</summary>
    public virtual IReadOnlyList<Layer> Children => [];

    /// <summary>False for the first layer of a model, whose input gradient nobody needs (saves a GEMM).</summary>
    protected internal bool InputGradientRequired { get; internal set; } = true;

    /// <summary>A one-line description for summaries, e.g. "Linear(784 → 128)".</summary>
    public virtual string Describe() => Name;

    /// <summary>Computes the output for a batch.</summary>
    public abstract Tensor Forward(Tensor input, LayerContext context);

    /// <summary>Adds parameter gradients and returns the input gradient (may return null when
    /// <see cref="InputGradientRequired"/> is false).</summary>
    public abstract Tensor? Backward(Tensor outputGradient, LayerContext context);

    /// <summary>Fixes shapes and declares parameters for a per-item input shape; returns the output shape.</summary>
    internal int[] Build(int[] inputShape)
    {
        if (_inputShape is not null)
        {
            if (!_inputShape.AsSpan().SequenceEqual(inputShape))
            {
                throw new DlExtArgumentException("input shape", Tensor.Describe(inputShape),
                    $"{Tensor.Describe(_inputShape)}, the shape layer '{Name}' was built for");
            }

            return _outputShape!;
        }

        var output = OnBuild(inputShape);
        _inputShape = (int[])inputShape.Clone();
        _outputShape = output;
        return output;
    }

    /// <summary>Checks the input shape, declares parameters with <see cref="AddParameter"/>, and returns the output shape.
    /// Throw <see cref="DlExtArgumentException"/> naming this layer and both shapes when the input does not fit.</summary>
    protected abstract int[] OnBuild(int[] inputShape);

    /// <summary>Declares a parameter (call from <see cref="OnBuild"/>).</summary>
    protected Parameter AddParameter(string name, int[] shape, Initializer initializer, int fanIn, int fanOut, bool trainable = true)
    {
        var p = new Parameter(this, name, shape, initializer, fanIn, fanOut, trainable);
        _parameters.Add(p);
        return p;
    }

    /// <summary>An error that names this layer, what it expected and the shape it got.</summary>
    protected DlExtArgumentException ShapeError(IReadOnlyList<int> got, string expected) =>
        new("input shape", Tensor.Describe(got), $"{expected} for layer '{Name}' ({Describe()})");

    /// <summary>Checks a batch's item shape against the built input shape.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected void CheckInput(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var expected = _inputShape ?? throw NotBuilt();
        if (input.Rank != expected.Length + 1 || !input.ItemShape().AsSpan().SequenceEqual(expected))
        {
            throw ShapeError(input.Shape, $"[batch, {string.Join(", ", expected)}]");
        }
    }

    /// <summary>Returns <paramref name="cache"/> if it is shaped [<paramref name="batchSize"/>, ..<paramref name="itemShape"/>],
    /// else a tensor of that shape stored in it: one this layer set aside when the batch size last changed (a smaller
    /// last batch and evaluation batches alternate with the full batch), or a new one. The tensor it replaces is set
    /// aside in turn, so alternating batch sizes allocate nothing after the first time.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected Tensor Reuse(ref Tensor? cache, int batchSize, IReadOnlyList<int> itemShape) => _spares.Fit(ref cache, batchSize, itemShape);

    /// <summary><see cref="Reuse"/> for a tensor shaped like <paramref name="like"/>.</summary>
    private protected Tensor ReuseLike(ref Tensor? cache, Tensor like) => _spares.Fit(ref cache, like);

    private InvalidOperationException NotBuilt() =>
        new($"Layer '{Name}' is not built yet: build the model (model.Build(inputShape)) or train it first.");
}
