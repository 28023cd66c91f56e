namespace Interactive.DlExt.Search;

/// <summary>The worker loop of <see cref="Study.OptimizeAsync"/>: claim, evaluate, record, repeat.</summary>
internal sealed class StudyRunner(Study study, Func<Trial, Task<double>> objective, int budget, CancellationToken cancellationToken)
{
    private int _finished;

    public async Task<int> RunAsync(int parallelism)
    {
        // Task.Run gives each worker its own thread even when the objective is synchronous.
        var workers = Enumerable.Range(0, parallelism).Select(_ => Task.Run(WorkAsync, CancellationToken.None)).ToArray();
        await Task.WhenAll(workers).ConfigureAwait(false);
        return _finished;
    }

    private async Task WorkAsync()
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var claim = study.Storage.ClaimTrial(study.Id, study.Space, budget, study.Suggest);
            if (claim.Kind == SuggestionKind.Exhausted)
            {
                return;
            }

            if (claim.Kind == SuggestionKind.Wait)
            {
                try
                {
                    await Task.Delay(study.Options.PollInterval, study.Options.TimeProvider, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                continue;
            }

            await RunTrialAsync(claim.Trial!).ConfigureAwait(false);
        }
    }

    private async Task RunTrialAsync(TrialRecord record)
    {
        var trial = new Trial(study, record.Number, record.Attempt, record.Parameters, cancellationToken);
        var interval = study.Options.HeartbeatInterval;
        using var heartbeat = study.Options.TimeProvider.CreateTimer(_ => Beat(record), null, interval, interval);
        TrialState state;
        double? value = null;
        string? message = null;
        try
        {
            var result = await objective(trial).ConfigureAwait(false);
            value = result;
            (state, message) = trial.IsPruned ? (TrialState.Pruned, null)
                : double.IsFinite(result) ? (TrialState.Completed, null)
                : (TrialState.Failed, $"the objective returned {result}");
            if (trial.IsPruned && trial.IntermediateValues.Count > 0)
            {
                value = trial.IntermediateValues.Last().Value;
            }
        }
        catch (OperationCanceledException e) when (cancellationToken.IsCancellationRequested)
        {
            state = TrialState.Cancelled; // interrupted, not finished: its curve is kept and the next run re-runs it
            message = e.Message;
        }
#pragma warning disable CA1031 // a failing trial must not stop the study: record its message and go on
        catch (Exception e)
#pragma warning restore CA1031
        {
            state = TrialState.Failed;
            message = e switch
            {
                DlExtArgumentException a => a.Reason, // already one clear line: the setting, its value and what is accepted
                TrainingDivergedException => e.Message,
                _ => $"{e.GetType().Name}: {e.Message}",
            };
        }

        await heartbeat.DisposeAsync().ConfigureAwait(false);
        if (!study.Storage.FinishTrial(study.Id, record.Number, record.Attempt, state, value, message))
        {
            return; // this worker fell silent and the trial was claimed again: the other run's result stands, move on
        }

        if (state != TrialState.Cancelled)
        {
            Interlocked.Increment(ref _finished);
        }

        study.TrialFinished?.Invoke(record.Number, state);
    }

    private void Beat(TrialRecord record)
    {
        try
        {
            study.Storage.Heartbeat(study.Id, record.Number, record.Attempt);
        }
#pragma warning disable CA1031 // a missed heartbeat is harmless (the next one or the trial's end follows); never crash the timer thread
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }
}
