namespace Interactive.DlExt.Tests.Layers;

/// <summary>Small helpers for running layers by hand in tests.</summary>
internal static class LayerHarness
{
    public static LayerContext Context(bool training = false, ulong seed = 1) =>
        new(ComputePool.Serial, new RandomSource(seed), training);

    /// <summary>Builds a one-layer model (parameters initialised from <paramref name="seed"/>) and returns it.</summary>
    public static Sequential Model(Layer layer, int[] itemShape, ulong seed = 0) =>
        new Sequential(layer).Build(itemShape, seed);

    public static float[] Values(this Tensor tensor) => (float[])tensor.Data.Clone();
}
