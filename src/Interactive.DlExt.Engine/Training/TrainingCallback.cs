namespace Interactive.DlExt;

/// <summary>
/// Hooks into a run. The trainer raises every <see cref="TrainingEvent"/> in one place and calls
/// <see cref="On"/>; override it (or the named methods) to react. Callbacks run on the training thread.
/// </summary>
public abstract class TrainingCallback
{
    /// <summary>Called for every event; the default routes to the named methods.</summary>
    public virtual void On(TrainingEvent trainingEvent, TrainingState state)
    {
        switch (trainingEvent)
        {
            case TrainingEvent.TrainingStarted: OnTrainingStarted(state); break;
            case TrainingEvent.EpochStarted: OnEpochStarted(state); break;
            case TrainingEvent.BatchStarted: OnBatchStarted(state); break;
            case TrainingEvent.GradientsComputed: OnGradientsComputed(state); break;
            case TrainingEvent.BatchEnded: OnBatchEnded(state); break;
            case TrainingEvent.EpochEnded: OnEpochEnded(state); break;
            case TrainingEvent.TrainingEnded: OnTrainingEnded(state); break;
            default: throw new ArgumentOutOfRangeException(nameof(trainingEvent), trainingEvent, "unknown event");
        }
    }

    /// <summary>Before the first epoch.</summary>
    protected virtual void OnTrainingStarted(TrainingState state)
    {
    }

    /// <summary>Before each epoch.</summary>
    protected virtual void OnEpochStarted(TrainingState state)
    {
    }

    /// <summary>Before each batch.</summary>
    protected virtual void OnBatchStarted(TrainingState state)
    {
    }

    /// <summary>After each backward pass and any clipping, before the optimizer step: read or change
    /// <see cref="TrainingState.Gradients"/> here.</summary>
    protected virtual void OnGradientsComputed(TrainingState state)
    {
    }

    /// <summary>After each optimizer step.</summary>
    protected virtual void OnBatchEnded(TrainingState state)
    {
    }

    /// <summary>After each epoch's validation.</summary>
    protected virtual void OnEpochEnded(TrainingState state)
    {
    }

    /// <summary>After the run, however it ended.</summary>
    protected virtual void OnTrainingEnded(TrainingState state)
    {
    }
}
