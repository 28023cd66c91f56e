using System.Globalization;

namespace Interactive.DlExt;

/// <summary>
/// A dense float32 tensor in row-major order that owns its buffer. The first dimension is the batch
/// dimension wherever a layer sees a tensor (images are N×C×H×W, as in PyTorch).
/// </summary>
public sealed class Tensor
{
    private readonly int[] _shape;

    /// <summary>Allocates a zero-filled tensor of the given shape.</summary>
    public Tensor(params int[] shape)
        : this(new float[CheckedLength(shape)], shape)
    {
    }

    /// <summary>Wraps <paramref name="data"/> (not copied) with the given shape.</summary>
    public Tensor(float[] data, params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(data);
        var length = CheckedLength(shape);
        if (data.Length != length)
        {
            throw new DlExtArgumentException(nameof(data), $"{data.Length} values", $"{length} values for shape {Describe(shape)}");
        }

        Data = data;
        _shape = (int[])shape.Clone();
    }

    /// <summary>The values, row-major.</summary>
    public float[] Data { get; }

    /// <summary>The dimensions.</summary>
    public IReadOnlyList<int> Shape => _shape;

    /// <summary>The number of dimensions.</summary>
    public int Rank => _shape.Length;

    /// <summary>The number of values.</summary>
    public int Length => Data.Length;

    /// <summary>The size of the first (batch) dimension.</summary>
    public int BatchSize => _shape.Length == 0 ? 1 : _shape[0];

    /// <summary>The number of values per batch item (the product of all dimensions but the first).</summary>
    public int ItemLength => _shape.Length == 0 ? 1 : Data.Length / Math.Max(1, _shape[0]);

    /// <summary>Gets or sets the value at a multi-dimensional index.</summary>
    public float this[params int[] index]
    {
        get => Data[Offset(index)];
        set => Data[Offset(index)] = value;
    }

    /// <summary>The per-item shape (all dimensions but the first).</summary>
    public int[] ItemShape() => _shape.Length == 0 ? [] : _shape[1..];

    /// <summary>A copy of the dimensions.</summary>
    public int[] ShapeArray() => (int[])_shape.Clone();

    /// <summary>A tensor sharing nothing with this one.</summary>
    public Tensor Clone() => new((float[])Data.Clone(), _shape);

    /// <summary>A view with the same data and another shape of the same length.</summary>
    public Tensor Reshape(params int[] shape) => new(Data, shape);

    /// <summary>Formats a shape as "[64, 1, 28, 28]".</summary>
    public static string Describe(IReadOnlyList<int> shape) =>
        "[" + string.Join(", ", shape.Select(d => d.ToString(CultureInfo.InvariantCulture))) + "]";

    /// <inheritdoc />
    public override string ToString() => $"Tensor{Describe(_shape)}";

    internal static int CheckedLength(IReadOnlyList<int> shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        long length = 1;
        foreach (var d in shape)
        {
            if (d < 0)
            {
                throw new DlExtArgumentException("shape", Describe(shape), "non-negative dimensions");
            }

            length *= d;
            if (length > Array.MaxLength)
            {
                throw new DlExtArgumentException("shape", Describe(shape), $"at most {Array.MaxLength} values in all");
            }
        }

        return (int)length;
    }

    private int Offset(int[] index)
    {
        if (index.Length != _shape.Length)
        {
            throw new DlExtArgumentException(nameof(index), Describe(index), $"{_shape.Length} indices for shape {Describe(_shape)}");
        }

        var offset = 0;
        for (var i = 0; i < index.Length; i++)
        {
            if ((uint)index[i] >= (uint)_shape[i])
            {
                throw new DlExtArgumentException(nameof(index), Describe(index), $"an index inside shape {Describe(_shape)}");
            }

            offset = (offset * _shape[i]) + index[i];
        }

        return offset;
    }
}
