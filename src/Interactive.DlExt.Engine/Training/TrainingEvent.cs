namespace Interactive.DlExt;

/// <summary>The closed list of moments a <see cref="TrainingCallback"/> hears about, in before/after pairs.</summary>
public enum TrainingEvent
{
    /// <summary>Before the first epoch.</summary>
    TrainingStarted,

    /// <summary>Before an epoch's first batch.</summary>
    EpochStarted,

    /// <summary>Before a batch's forward pass.</summary>
    BatchStarted,

    /// <summary>After a batch's backward pass and any clipping, before its optimizer step: the gradients are in
    /// <see cref="TrainingState.Gradients"/> (a callback may read or change them) and their norm before clipping in
    /// <see cref="TrainingState.GradientNorm"/>.</summary>
    GradientsComputed,

    /// <summary>After a batch's optimizer step (its loss and learning rate are in the state).</summary>
    BatchEnded,

    /// <summary>After an epoch's validation (its record is the history's last epoch).</summary>
    EpochEnded,

    /// <summary>After the last epoch, or after stopping for any reason.</summary>
    TrainingEnded,
}
