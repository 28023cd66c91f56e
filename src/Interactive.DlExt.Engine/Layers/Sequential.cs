using System.Runtime.CompilerServices;

namespace Interactive.DlExt;

/// <summary>
/// Layers applied one after another; the usual model. Build it with <see cref="Build"/> (or let the
/// trainer build it from the data's shape), then its parameters live in one flat <see cref="ParameterStore"/>.
/// </summary>
public sealed class Sequential : Layer
{
    private readonly List<Layer> _layers = [];

    /// <summary>Creates a model from layers.</summary>
    public Sequential(params Layer[] layers)
        : base("Sequential")
    {
        ArgumentNullException.ThrowIfNull(layers);
        foreach (var layer in layers)
        {
            Add(layer);
        }
    }

    /// <summary>The layers in order.</summary>
    public IReadOnlyList<Layer> Layers => _layers;

    /// <inheritdoc />
    public override IReadOnlyList<Layer> Children => _layers;

    /// <summary>The flat parameter buffers, once built as a model.</summary>
    public ParameterStore Store => _store ?? throw new InvalidOperationException(
        "The model is not built yet: call model.Build(inputShape) or train it first.");

    /// <summary>The seed the parameters were initialised from.</summary>
    public ulong Seed { get; private set; }

    private ParameterStore? _store;

    /// <summary>Whether <see cref="Build"/> has run on this model as a root.</summary>
    public bool HasStore => _store is not null;

    /// <summary>Appends a layer (before the model is built).</summary>
    public Sequential Add(Layer layer)
    {
        ArgumentNullException.ThrowIfNull(layer);
        if (IsBuilt)
        {
            throw new InvalidOperationException("Layers cannot be added to a model that is already built.");
        }

        _layers.Add(layer);
        return this;
    }

    /// <summary>Fixes every layer's shape for a per-item input shape (e.g. [784] or [1, 28, 28]) and
    /// initialises all parameters from <paramref name="seed"/>. Building twice with the same shape is a no-op.</summary>
    public Sequential Build(IReadOnlyList<int> inputShape, ulong seed = 0)
    {
        ArgumentNullException.ThrowIfNull(inputShape);
        if (_store is not null)
        {
            base.Build(inputShape.ToArray());
            return this;
        }

        base.Build(inputShape.ToArray());
        var parameters = new List<Parameter>();
        Collect(this, string.Empty, parameters);
        Seed = seed;
        _store = new ParameterStore(parameters, new RandomSource(seed));
        if (_layers.Count > 0)
        {
            _layers[0].InputGradientRequired = false;
        }

        return this;
    }

    /// <summary>Draws every parameter again from its initializer with <paramref name="seed"/>, exactly as
    /// <see cref="Build"/> did (non-trainable state too, e.g. batch-norm statistics), so the model is as if freshly
    /// built with that seed. Use it to train the same model again from scratch.</summary>
    /// <exception cref="InvalidOperationException">The model is not built yet.</exception>
    public Sequential Reinitialize(ulong seed)
    {
        Store.Initialize(new RandomSource(seed));
        Seed = seed;
        return this;
    }

    /// <summary>All parameters of all layers, in order.</summary>
    public IEnumerable<Parameter> AllParameters()
    {
        var list = new List<Parameter>();
        Collect(this, string.Empty, list);
        return list;
    }

    /// <inheritdoc />
    public override string Describe() => $"Sequential({_layers.Count} layers)";

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override Tensor Forward(Tensor input, LayerContext context)
    {
        var x = input;
        foreach (var layer in _layers)
        {
            x = layer.Forward(x, context);
        }

        return x;
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override Tensor? Backward(Tensor outputGradient, LayerContext context)
    {
        Tensor? g = outputGradient;
        for (var i = _layers.Count - 1; i >= 0 && g is not null; i--)
        {
            g = _layers[i].Backward(g, context);
        }

        return g;
    }

    /// <inheritdoc />
    protected override int[] OnBuild(int[] inputShape)
    {
        if (_layers.Count == 0)
        {
            throw new DlExtArgumentException("layers", "none", "at least one layer in a Sequential model");
        }

        var shape = inputShape;
        foreach (var layer in _layers)
        {
            shape = layer.Build(shape);
        }

        return shape;
    }

    private static void Collect(Layer layer, string prefix, List<Parameter> into)
    {
        foreach (var p in layer.Parameters)
        {
            p.Name = prefix + p.LocalName;
            into.Add(p);
        }

        for (var i = 0; i < layer.Children.Count; i++)
        {
            Collect(layer.Children[i], $"{prefix}{i}.", into);
        }
    }
}
