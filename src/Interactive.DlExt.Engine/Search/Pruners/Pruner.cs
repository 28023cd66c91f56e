namespace Interactive.DlExt.Search;

/// <summary>Decides from a running trial's reported curve, and the study's other trials, whether to stop it early.</summary>
public abstract class Pruner
{
    /// <summary>Whether <paramref name="trial"/> (running, with its values reported so far) should stop now.</summary>
    public abstract bool ShouldPrune(StudyHistory history, TrialRecord trial);
}
