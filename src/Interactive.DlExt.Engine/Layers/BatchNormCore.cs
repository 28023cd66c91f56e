namespace Interactive.DlExt;

/// <summary>
/// The batch-normalisation arithmetic shared by <see cref="BatchNorm1d"/> and <see cref="BatchNorm2d"/>, over a
/// batch laid out [N, C, S] (S = 1 for [N, F], S = H·W for images). Each channel is reduced by one task, in
/// a fixed order, with double accumulators, so results do not depend on the thread count.
/// </summary>
internal sealed class BatchNormCore
{
    /// <summary>Below this many elements the channels run on the calling thread.</summary>
    internal const int ParallelThreshold = 32_768;

    private Parameter? _weight;
    private Parameter? _bias;
    private Parameter? _runningMean;
    private Parameter? _runningVariance;
    private Tensor? _output;
    private Tensor? _normalized;
    private Tensor? _inputGradient;
    private readonly TensorSpares _spares = new();
    private double[] _inverseStd = [];
    private bool _trainingLastPass;

    public BatchNormCore(int channels, double momentum, double epsilon)
    {
        Channels = channels;
        Momentum = momentum is >= 0 and <= 1
            ? momentum
            : throw new DlExtArgumentException(nameof(momentum), Guard.Text(momentum), "a number in [0, 1]");
        Epsilon = Guard.Positive(epsilon, nameof(epsilon));
    }

    public int Channels { get; }

    public double Momentum { get; }

    public double Epsilon { get; }

    public Parameter Weight => _weight ?? throw NotBuilt();

    public Parameter Bias => _bias ?? throw NotBuilt();

    public Parameter RunningMean => _runningMean ?? throw NotBuilt();

    public Parameter RunningVariance => _runningVariance ?? throw NotBuilt();

    public void Attach(Parameter weight, Parameter bias, Parameter runningMean, Parameter runningVariance)
    {
        _weight = weight;
        _bias = bias;
        _runningMean = runningMean;
        _runningVariance = runningVariance;
    }

    /// <summary>Training: y = γ·(x − μ_B)/√(σ²_B + ε) + β with the batch's mean and biased variance, and
    /// running = (1 − momentum)·running + momentum·batch (unbiased variance). Evaluation: the running statistics.</summary>
    public Tensor Forward(Tensor input, int spatial, LayerContext context)
    {
        var batch = input.BatchSize;
        var count = batch * spatial;
        _trainingLastPass = context.Training;
        if (context.Training && count < 2)
        {
            throw new DlExtArgumentException("batch size", Guard.Text(batch),
                "more than one value per channel when training (a batch of at least 2)");
        }

        var output = _spares.Fit(ref _output, input);
        var normalized = _spares.Fit(ref _normalized, input);
        if (_inverseStd.Length != Channels)
        {
            _inverseStd = new double[Channels];
        }

        var x = input.Data;
        var xHat = normalized.Data;
        var y = output.Data;
        ForChannels(context.Pool, input.Length, c =>
        {
            double mean, inverseStd;
            if (context.Training)
            {
                double sum = 0;
                for (var n = 0; n < batch; n++)
                {
                    var start = Start(n, c, spatial);
                    for (var i = start; i < start + spatial; i++)
                    {
                        sum += x[i];
                    }
                }

                mean = sum / count;
                double squares = 0;
                for (var n = 0; n < batch; n++)
                {
                    var start = Start(n, c, spatial);
                    for (var i = start; i < start + spatial; i++)
                    {
                        var d = x[i] - mean;
                        squares += d * d;
                    }
                }

                var variance = squares / count;
                inverseStd = 1 / Math.Sqrt(variance + Epsilon);
                UpdateRunning(c, mean, variance * count / (count - 1));
            }
            else
            {
                mean = RunningMean.Values[c];
                inverseStd = 1 / Math.Sqrt(RunningVariance.Values[c] + Epsilon);
            }

            _inverseStd[c] = inverseStd;
            double gamma = Weight.Values[c], beta = Bias.Values[c];
            for (var n = 0; n < batch; n++)
            {
                var start = Start(n, c, spatial);
                for (var i = start; i < start + spatial; i++)
                {
                    var h = (x[i] - mean) * inverseStd;
                    xHat[i] = (float)h;
                    y[i] = (float)((gamma * h) + beta);
                }
            }
        });
        return output;
    }

    /// <summary>dγ += Σ g·x̂, dβ += Σ g; training: dx = γ/(m·σ)·(m·g − Σg − x̂·Σ g·x̂) over the m values of a
    /// channel (the statistics depend on x); evaluation: dx = γ·g/σ with the running σ.</summary>
    public Tensor? Backward(Tensor outputGradient, int spatial, bool inputGradientRequired, LayerContext context)
    {
        ArgumentNullException.ThrowIfNull(outputGradient);
        var normalized = _normalized ?? throw new InvalidOperationException("Backward was called before Forward: run a forward pass first.");
        if (outputGradient.Length != normalized.Length)
        {
            throw new DlExtArgumentException("output gradient", Tensor.Describe(outputGradient.Shape),
                $"the shape of the last output, {Tensor.Describe(normalized.Shape)}");
        }

        var batch = normalized.BatchSize;
        var count = batch * spatial;
        var inputGradient = inputGradientRequired ? _spares.Fit(ref _inputGradient, normalized) : null;
        var g = outputGradient.Data;
        var xHat = normalized.Data;
        Weight.PrepareGradientForAccumulation();
        Bias.PrepareGradientForAccumulation();
        ForChannels(context.Pool, normalized.Length, c =>
        {
            double sumG = 0, sumGX = 0;
            for (var n = 0; n < batch; n++)
            {
                var start = Start(n, c, spatial);
                for (var i = start; i < start + spatial; i++)
                {
                    sumG += g[i];
                    sumGX += (double)g[i] * xHat[i];
                }
            }

            Weight.GradientBuffer[Weight.Offset + c] += (float)sumGX;
            Bias.GradientBuffer[Bias.Offset + c] += (float)sumG;
            if (inputGradient is null)
            {
                return;
            }

            var dx = inputGradient.Data;
            var scale = Weight.Values[c] * _inverseStd[c];
            var k = scale / count;
            for (var n = 0; n < batch; n++)
            {
                var start = Start(n, c, spatial);
                for (var i = start; i < start + spatial; i++)
                {
                    dx[i] = _trainingLastPass
                        ? (float)(k * ((count * (double)g[i]) - sumG - (xHat[i] * sumGX)))
                        : (float)(scale * g[i]);
                }
            }
        });
        return inputGradient;
    }

    private static InvalidOperationException NotBuilt() =>
        new("The batch-norm layer is not built yet: build the model (model.Build(inputShape)) or train it first.");

    private void ForChannels(ComputePool pool, int length, Action<int> body)
    {
        if (length < ParallelThreshold)
        {
            for (var c = 0; c < Channels; c++)
            {
                body(c);
            }

            return;
        }

        pool.For(Channels, body);
    }

    // Where item n's values of channel c start in an [N, C, S] buffer.
    private int Start(int n, int channel, int spatial) => ((n * Channels) + channel) * spatial;

    private void UpdateRunning(int channel, double batchMean, double unbiasedVariance)
    {
        var mean = RunningMean.Values;
        var variance = RunningVariance.Values;
        mean[channel] = (float)(((1 - Momentum) * mean[channel]) + (Momentum * batchMean));
        variance[channel] = (float)(((1 - Momentum) * variance[channel]) + (Momentum * unbiasedVariance));
    }
}
