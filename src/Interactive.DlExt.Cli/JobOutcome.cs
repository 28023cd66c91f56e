namespace Interactive.DlExt.Cli;

/// <summary>How the main job ended, when it ended without an exception.</summary>
internal enum JobOutcome
{
    /// <summary>Training, evaluation and the sweep ran.</summary>
    Completed,

    /// <summary>Training diverged (a NaN, infinite or exploding loss): evaluation and the sweep were skipped.</summary>
    Diverged,

    /// <summary>Ctrl-C: training (or the sweep) stopped early and the rest was skipped.</summary>
    Cancelled,
}
