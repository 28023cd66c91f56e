namespace Interactive.DlExt.Notebook;

/// <summary>
/// The live-update rule every view shares: the first update goes out at once, later ones at most once per
/// interval (a notebook resends the whole output each time); callers send their final update unconditionally.
/// </summary>
internal sealed class UpdateThrottle(TimeProvider time, TimeSpan interval)
{
    private long? _last;

    /// <summary>Whether an update may go out now; if so, it is counted as sent.</summary>
    public bool TryPass()
    {
        var now = time.GetTimestamp();
        if (_last is { } last && time.GetElapsedTime(last, now) < interval)
        {
            return false;
        }

        _last = now;
        return true;
    }

    /// <summary>Records an update sent regardless of the interval (the final one).</summary>
    public void Sent() => _last = time.GetTimestamp();
}
