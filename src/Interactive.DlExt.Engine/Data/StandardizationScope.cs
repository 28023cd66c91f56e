namespace Interactive.DlExt;

/// <summary>Which values share one mean and one standard deviation in a <see cref="Standardizer"/>.</summary>
public enum StandardizationScope
{
    /// <summary>Each feature (each position of a sample) has its own mean and deviation: the usual choice for tables.</summary>
    PerFeature,

    /// <summary>Each channel (dimension 1 of [count, channels, …]) has its own: the usual choice for images.</summary>
    PerChannel,

    /// <summary>One mean and one deviation over every value.</summary>
    Global,
}
