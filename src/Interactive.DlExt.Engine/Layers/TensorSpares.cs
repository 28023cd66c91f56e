using System.Runtime.CompilerServices;

namespace Interactive.DlExt;

/// <summary>
/// A layer's buffers set aside when the batch size changed. A training epoch's smaller last batch and the
/// evaluation batches alternate with the full batch; re-allocating every output and gradient buffer at each switch
/// left hundreds of MB of garbage in the large-object heap (a CNN's 3-epoch run peaked at 623 MB). A buffer replaced
/// in its slot waits here until a slot of the same layer wants its shape again, so alternating batch sizes allocate
/// only the first time. At most <see cref="Capacity"/> wait; the one set aside longest goes first.
/// </summary>
internal sealed class TensorSpares
{
    /// <summary>Buffers kept at most (a layer has up to three slots, each seeing two or three batch sizes).</summary>
    public const int Capacity = 8;

    private readonly List<Tensor> _tensors = [];

    /// <summary>Buffers waiting now.</summary>
    public int Count => _tensors.Count;

    /// <summary>Returns <paramref name="cache"/> if it is shaped [<paramref name="batchSize"/>, ..<paramref name="itemShape"/>];
    /// otherwise sets it aside and stores in it a waiting buffer of that shape, or a new one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Tensor Fit(ref Tensor? cache, int batchSize, IReadOnlyList<int> itemShape)
    {
        ArgumentNullException.ThrowIfNull(itemShape);
        if (cache is not null && Matches(cache, batchSize, itemShape))
        {
            return cache;
        }

        var shape = new int[itemShape.Count + 1];
        shape[0] = batchSize;
        for (var i = 0; i < itemShape.Count; i++)
        {
            shape[i + 1] = itemShape[i];
        }

        return Swap(ref cache, shape);
    }

    /// <summary>Returns <paramref name="cache"/> if it has <paramref name="like"/>'s shape; otherwise sets it aside and
    /// stores in it a waiting buffer of that shape, or a new one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Tensor Fit(ref Tensor? cache, Tensor like)
    {
        ArgumentNullException.ThrowIfNull(like);
        return cache is not null && SameShape(cache.Shape, like.Shape) ? cache : Swap(ref cache, like.ShapeArray());
    }

    private Tensor Swap(ref Tensor? cache, int[] shape)
    {
        Tensor? found = null;
        for (var i = 0; i < _tensors.Count; i++)
        {
            if (SameShape(_tensors[i].Shape, shape))
            {
                found = _tensors[i];
                _tensors.RemoveAt(i);
                break;
            }
        }

        if (cache is not null)
        {
            if (_tensors.Count == Capacity)
            {
                _tensors.RemoveAt(0);
            }

            _tensors.Add(cache);
        }

        cache = found ?? new Tensor(shape);
        return cache;
    }

    private static bool Matches(Tensor tensor, int batchSize, IReadOnlyList<int> itemShape)
    {
        var shape = tensor.Shape;
        if (shape.Count != itemShape.Count + 1 || shape[0] != batchSize)
        {
            return false;
        }

        for (var i = 0; i < itemShape.Count; i++)
        {
            if (shape[i + 1] != itemShape[i])
            {
                return false;
            }
        }

        return true;
    }

    private static bool SameShape(IReadOnlyList<int> a, IReadOnlyList<int> b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        for (var i = 0; i < a.Count; i++)
        {
            if (a[i] != b[i])
            {
                return false;
            }
        }

        return true;
    }
}
