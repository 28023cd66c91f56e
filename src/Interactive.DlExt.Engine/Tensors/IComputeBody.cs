namespace Interactive.DlExt;

/// <summary>
/// The body of a parallel loop as a struct, so that <see cref="ComputePool.For{TBody}(int, TBody)"/> runs
/// without allocating a delegate or a closure. <see cref="Run"/> is called from several threads on the same
/// instance at once: it must not change the struct's fields.
/// </summary>
internal interface IComputeBody
{
    /// <summary>Does the work of one index.</summary>
    void Run(int index);
}
