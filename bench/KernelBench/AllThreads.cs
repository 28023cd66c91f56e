/// <summary>Runs one measurement on every thread at once (a barrier starts them together) and returns each thread's
/// result: what <see cref="FmaPeak"/> and <see cref="Bandwidth"/> share.</summary>
internal static class AllThreads
{
    /// <summary><paramref name="prepare"/> runs on each thread before the barrier (allocation, warm-up) and returns the
    /// measurement, which runs after it.</summary>
    public static double[] Measure(int threads, Func<int, Func<double>> prepare)
    {
        var results = new double[threads];
        var workers = new Thread[threads];
        using var start = new Barrier(threads);
        for (var t = 0; t < threads; t++)
        {
            var index = t;
            workers[t] = new Thread(() =>
            {
                var measure = prepare(index);
                start.SignalAndWait();
                results[index] = measure();
            });
            workers[t].Start();
        }

        foreach (var worker in workers)
        {
            worker.Join();
        }

        return results;
    }
}
