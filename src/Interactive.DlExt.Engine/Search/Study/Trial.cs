namespace Interactive.DlExt.Search;

/// <summary>
/// One evaluation handed to an objective: its number and parameters, a place to report the value per step
/// (epoch), and <see cref="ShouldPrune"/>. To stop a trial the pruner rejects, return early from the objective
/// (e.g. with the last value) after <see cref="ShouldPrune"/> answered true: the trial is then recorded as
/// Pruned with its partial curve.
/// </summary>
public sealed class Trial
{
    private readonly Study _study;
    private readonly SortedDictionary<int, double> _values = [];

    internal Trial(Study study, int number, int attempt, TrialParameters parameters, CancellationToken cancellationToken)
    {
        _study = study;
        Number = number;
        Attempt = attempt;
        Parameters = parameters;
        CancellationToken = cancellationToken;
    }

    /// <summary>The trial number.</summary>
    public int Number { get; }

    /// <summary>Which claim of the trial this is: 1, or more when it is a re-run (see <see cref="TrialRecord.Attempt"/>).</summary>
    public int Attempt { get; }

    /// <summary>Whether the study has handed this trial to another worker (this one fell silent past the abandon
    /// timeout): nothing this run reports or returns is recorded any more, so the objective may as well stop.</summary>
    public bool IsSuperseded { get; private set; }

    /// <summary>The parameters to evaluate.</summary>
    public TrialParameters Parameters { get; }

    /// <summary>Signalled when the study is cancelled; long objectives should honour it.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>The values reported so far, by step.</summary>
    public IReadOnlyDictionary<int, double> IntermediateValues => _values;

    /// <summary>Whether a pruner has asked this trial to stop.</summary>
    public bool IsPruned { get; private set; }

    /// <summary>Records the objective's value after <paramref name="step"/> (e.g. the validation loss after an epoch);
    /// discarded, setting <see cref="IsSuperseded"/>, when another worker has taken the trial over.</summary>
    public void Report(int step, double value)
    {
        Guard.AtLeast(step, 0, nameof(step));
        _values[step] = value;
        IsSuperseded |= !_study.Storage.ReportIntermediateValue(_study.Id, Number, Attempt, step, value);
    }

    /// <summary>Asks the study's pruner whether to stop now, given the latest report; always false without a pruner.</summary>
    public bool ShouldPrune()
    {
        if (_study.Pruner is null || _values.Count == 0)
        {
            return false;
        }

        var history = _study.History;
        var self = new TrialRecord(Number, TrialState.Running, Parameters, intermediateValues: _values);
        IsPruned |= _study.Pruner.ShouldPrune(history, self);
        return IsPruned;
    }
}
