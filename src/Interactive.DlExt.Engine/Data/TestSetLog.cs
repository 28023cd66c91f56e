namespace Interactive.DlExt;

/// <summary>The accesses to one test set, shared by every view of the same samples (a flattened or renamed copy, a
/// subset), so using any of them counts. Thread-safe.</summary>
internal sealed class TestSetLog
{
    private static long _sequence;
    private readonly List<TestSetAccess> _accesses = [];

    public IReadOnlyList<TestSetAccess> Accesses
    {
        get
        {
            lock (_accesses)
            {
                return [.. _accesses];
            }
        }
    }

    public void Record(string dataName, string purpose)
    {
        var access = new TestSetAccess(Interlocked.Increment(ref _sequence), dataName, purpose);
        lock (_accesses)
        {
            _accesses.Add(access);
        }
    }
}
