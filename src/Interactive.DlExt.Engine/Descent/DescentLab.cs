using System.Globalization;

namespace Interactive.DlExt;

/// <summary>
/// The optimizer lab: runs the very optimizer classes that train networks on a model of two parameters (x, y) whose
/// loss is a surface, and records each path, so a student sees SGD, momentum, AdaGrad, RMSProp and Adam move, and
/// what a learning rate or a β changes. The parameters are float32, as in training.
/// </summary>
public static class DescentLab
{
    /// <summary>The most runs drawn on one picture.</summary>
    public const int MaxRuns = 12;

    /// <summary>A run escapes when it leaves the surface's domain grown this many times around its centre.</summary>
    public const double EscapeFactor = 3;

    /// <summary>Runs every setting on <paramref name="surface"/> from the same start.</summary>
    /// <param name="surface">The loss surface.</param>
    /// <param name="settings">The runs, e.g. from <see cref="DescentSetting.Grid"/>; at most <see cref="MaxRuns"/>.</param>
    /// <param name="options">Steps, start and tolerance; null for the defaults.</param>
    /// <exception cref="DlExtArgumentException">No setting, too many, or a setting or option out of range.</exception>
    public static DescentResult Run(Surface surface, IReadOnlyList<DescentSetting> settings, DescentOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(surface);
        ArgumentNullException.ThrowIfNull(settings);
        options ??= new DescentOptions();
        options.Validate();
        if (settings.Count is 0 or > MaxRuns)
        {
            throw new DlExtArgumentException("runs", settings.Count.ToString(CultureInfo.InvariantCulture), $"1 to {MaxRuns} runs");
        }

        var optimizers = settings.Select(s => s.CreateOptimizer()).ToList();
        var start = options.Start ?? surface.Start;
        var runs = settings.Select((s, i) => RunOne(surface, s, s.LabelAmong(settings), optimizers[i], start, options)).ToList();
        return new DescentResult(surface, runs, start, options.Steps, options.Tolerance, DescentSetting.Common(settings));
    }

    /// <summary>Runs one optimizer (see <see cref="Run(Surface, IReadOnlyList{DescentSetting}, DescentOptions?)"/>).</summary>
    public static DescentRun Run(Surface surface, DescentSetting setting, DescentOptions? options = null) =>
        Run(surface, [setting], options).Runs[0];

    private static DescentRun RunOne(Surface surface, DescentSetting setting, string label, Optimizer optimizer, (double X, double Y) start, DescentOptions options)
    {
        var point = new SurfacePoint(surface);
        var model = new Sequential(point).Build([1]);
        var values = point.Point.Values;
        values[0] = (float)start.X;
        values[1] = (float)start.Y;
        var context = new LayerContext(ComputePool.Serial, new RandomSource(0), training: true);
        var input = new Tensor(1, 1);
        var one = new Tensor([1f], 1, 1);

        var xs = new List<double>(options.Steps + 1);
        var ys = new List<double>(options.Steps + 1);
        var losses = new List<double>(options.Steps + 1);
        var escape = surface.Domain.Grow(EscapeFactor);
        int? arrived = null;
        var first = 0.0;
        var outcome = DescentOutcome.Completed;
        var message = string.Empty;
        for (var step = 0; step <= options.Steps; step++)
        {
            if (step > 0)
            {
                model.Forward(input, context);
                model.Backward(one, context);
                optimizer.Step(model.Store, setting.LearningRate, ComputePool.Serial);
            }

            double x = point.Point.Values[0], y = point.Point.Values[1];
            var here = surface.Evaluate(x, y);
            xs.Add(x);
            ys.Add(y);
            losses.Add(here.Value);
            if (step == 0)
            {
                first = here.Value;
            }

            if (arrived is null && Arrived(surface, here, options.Tolerance))
            {
                arrived = step;
            }

            var limit = options.DivergenceFactor * Math.Max(Math.Abs(first), 1);
            if (!double.IsFinite(here.Value) || !double.IsFinite(x) || !double.IsFinite(y) || here.Value > limit)
            {
                outcome = DescentOutcome.Diverged;
                message = string.Create(CultureInfo.InvariantCulture,
                    $"diverged at step {step}: the loss reached {here.Value:G4}, more than {options.DivergenceFactor:G4} × max(|f(start)|, 1) = {limit:G4}; η = {setting.LearningRate:G4} is too large here");
                break;
            }

            if (!escape.Contains(x, y))
            {
                // Far outside the picture: with the loss rising that is divergence too; with it falling, the surface
                // simply has no lowest point that way.
                var rising = here.Value > first;
                outcome = rising ? DescentOutcome.Diverged : DescentOutcome.Escaped;
                message = rising
                    ? string.Create(CultureInfo.InvariantCulture,
                        $"diverged at step {step}: the point ({x:G3}, {y:G3}) left the picture far behind, the loss rising from {first:G4} to {here.Value:G4}; η = {setting.LearningRate:G4} is too large here")
                    : string.Create(CultureInfo.InvariantCulture,
                        $"escaped at step {step}: the point ({x:G3}, {y:G3}) left the picture far behind, the loss falling to {here.Value:G4} (no lowest point that way)");
                break;
            }
        }

        if (outcome == DescentOutcome.Completed)
        {
            message = string.Create(CultureInfo.InvariantCulture, $"took all {options.Steps} steps");
        }

        return new DescentRun(setting, label, optimizer.Formula, xs, ys, losses, arrived, outcome, message);
    }

    private static bool Arrived(Surface surface, SurfaceValue here, double tolerance) =>
        surface.MinimumValue is { } minimum ? here.Value - minimum <= tolerance : here.GradientNorm <= tolerance;
}
