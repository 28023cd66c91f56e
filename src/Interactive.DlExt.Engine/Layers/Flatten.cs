namespace Interactive.DlExt;

/// <summary>
/// Flattens each item to one dimension, e.g. [C, H, W] → [C·H·W], as PyTorch's <c>nn.Flatten()</c>
/// (row-major, so the order matches torch). Nothing is copied: the output is a view of the input's buffer,
/// and the gradient is a view of the incoming gradient reshaped back.
/// </summary>
public sealed class Flatten : Layer
{
    /// <summary>Creates the layer.</summary>
    /// <param name="name">An optional display name.</param>
    public Flatten(string? name = null)
        : base(name)
    {
    }

    /// <inheritdoc />
    public override string Describe() => "Flatten";

    /// <inheritdoc />
    public override Tensor Forward(Tensor input, LayerContext context)
    {
        CheckInput(input);
        return input.Reshape(input.BatchSize, OutputShape[0]);
    }

    /// <inheritdoc />
    public override Tensor? Backward(Tensor outputGradient, LayerContext context)
    {
        ArgumentNullException.ThrowIfNull(outputGradient);
        if (!InputGradientRequired)
        {
            return null;
        }

        var shape = new int[InputShape.Count + 1];
        shape[0] = outputGradient.BatchSize;
        for (var i = 0; i < InputShape.Count; i++)
        {
            shape[i + 1] = InputShape[i];
        }

        return outputGradient.Reshape(shape);
    }

    /// <inheritdoc />
    protected override int[] OnBuild(int[] inputShape) => [Tensor.CheckedLength(inputShape)];
}
