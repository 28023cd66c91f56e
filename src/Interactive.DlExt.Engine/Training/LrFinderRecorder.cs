using System.Globalization;

namespace Interactive.DlExt;

/// <summary>Records each step of a range test, smooths the loss as fastai does and asks to stop at the last
/// planned step or when the smoothed loss diverges.</summary>
internal sealed class LrFinderRecorder(int steps, double beta, double? divergenceFactor) : TrainingCallback
{
    private readonly List<LrFinderPoint> _points = [];
    private double _average;
    private double _best = double.PositiveInfinity;

    public IReadOnlyList<LrFinderPoint> Points => _points;

    public int? DivergedAtStep { get; private set; }

    protected override void OnBatchEnded(TrainingState state)
    {
        var step = _points.Count;
        // avg_i = β·avg_{i−1} + (1 − β)·loss_i; smoothed_i = avg_i / (1 − β^(i+1)) removes the bias towards avg_0 = 0.
        _average = (beta * _average) + ((1 - beta) * state.BatchLoss);
        var smoothed = _average / (1 - DeterministicMath.Pow(beta, step + 1));
        _points.Add(new LrFinderPoint(step, state.LearningRate, state.BatchLoss, smoothed));
        if (divergenceFactor is { } factor && step > 0 && smoothed > factor * _best)
        {
            DivergedAtStep = step;
            state.RequestStop(string.Create(CultureInfo.InvariantCulture,
                $"diverged at step {step + 1}: the smoothed loss {smoothed:G4} passed {factor:G4} × its best {_best:G4} (learning rate {NumberText.General(state.LearningRate, 3)})"));
            return;
        }

        _best = Math.Min(_best, smoothed);
        if (step + 1 >= steps)
        {
            state.RequestStop($"completed {steps} steps");
        }
    }

    /// <summary>Marks a loss that became NaN or infinite (the trainer stops before this recorder sees the step).</summary>
    public void MarkNonFinite() => DivergedAtStep ??= _points.Count;
}
