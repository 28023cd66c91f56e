namespace Interactive.DlExt.Search;

/// <summary>Whether a study looks for the smallest objective value (a loss) or the largest (an accuracy).</summary>
public enum StudyDirection
{
    /// <summary>Smaller is better.</summary>
    Minimize,

    /// <summary>Larger is better.</summary>
    Maximize,
}
