namespace Interactive.DlExt.Bench;

/// <summary>Prints the start of an epoch's <see cref="BatchOrder"/>, to compare with the other engine's.</summary>
internal static class OrderCheck
{
    public static int Run(BenchOptions options)
    {
        var seed = options.Integer("seed", 1, 0);
        var epoch = options.Integer("epoch", 0, 0);
        var count = options.Integer("count", 60_000, 1);
        var shown = Math.Min(options.Integer("n", 10, 1), count);
        var order = BatchOrder.Permutation((ulong)seed, epoch, count);
        Console.WriteLine($"ORDER seed={seed} epoch={epoch} count={count} first={string.Join(",", order.Take(shown))}");
        return 0;
    }
}
