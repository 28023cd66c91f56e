using System.Globalization;

namespace Interactive.DlExt;

/// <summary>One validated run of the training loop: the only place that raises <see cref="TrainingEvent"/>s.</summary>
internal sealed class TrainingRun
{
    private readonly Sequential _model;
    private readonly Dataset _train;
    private readonly Dataset? _validation;
    private readonly TrainingOptions _options;
    private readonly Optimizer _optimizer;
    private readonly Loss _loss;
    private readonly Penalty? _penalty;
    private readonly List<TrainingCallback> _callbacks;
    private readonly TrainingHistory _history;

    private TrainingRun(Sequential model, Dataset train, Dataset? validation, TrainingOptions options, Optimizer optimizer, Loss loss, float largestInput)
    {
        _model = model;
        _train = train;
        _validation = validation;
        _options = options;
        _optimizer = optimizer;
        _loss = loss;
        _penalty = options.L1 > 0 || options.L2 > 0 ? new Penalty(options.L1, options.L2) : null;
        _callbacks = [];
        if (options.EarlyStopping is { } early)
        {
            _callbacks.Add(early);
        }

        _callbacks.AddRange(options.Callbacks);
        var steps = new DataLoader(train, options.BatchSize, options.Shuffle, options.DropLast).BatchesPerEpoch;
        _history = new TrainingHistory(new TrainingSettings(
            Model: Describe(model),
            ParameterCount: model.Store.TrainableCount,
            Optimizer: optimizer.Name,
            OptimizerFormula: optimizer.Formula,
            LearningRate: optimizer.LearningRate,
            Schedule: options.Schedule?.Name ?? "constant",
            Loss: loss.Name,
            BatchSize: options.BatchSize,
            Epochs: options.Epochs,
            StepsPerEpoch: steps,
            TrainCount: train.Count,
            ValidationCount: validation?.Count ?? 0,
            Seed: options.Seed,
            Threads: options.Threads,
            L1: options.L1,
            L2: options.L2,
            ClipNorm: options.ClipNorm,
            ClipValue: options.ClipValue,
            ClassCount: train.ClassCount,
            LargestInput: largestInput,
            OptimizerSettings: OptimizerSettings.Of(optimizer)));
    }

    public static TrainingRun Prepare(Sequential model, Dataset train, TrainingOptions options)
    {
        Guard.AtLeast(options.Epochs, 1, "epochs");
        Guard.AtLeast(options.BatchSize, 1, "batch size");
        TrainingOptions.CheckThreads(options.Threads);
        if (options.DivergenceFactor is { } factor && !(factor > 1 && double.IsFinite(factor)))
        {
            throw new DlExtArgumentException("divergence factor", Guard.Text(factor), "a finite number > 1, or null to turn the check off");
        }

        Guard.NonNegative(options.L1, "l1");
        Guard.NonNegative(options.L2, "l2");
        if (options.ClipNorm is { } clipNorm)
        {
            Hyperparameters.ClipNorm.Check(clipNorm);
        }

        if (options.ClipValue is { } clipValue)
        {
            Hyperparameters.ClipValue.Check(clipValue);
        }

        if (options.ValidationSplit != 0)
        {
            Guard.Between(options.ValidationSplit, 0, 1, "validation split");
        }

        var largestInput = FiniteDataCheck.Require(train, "training data");
        if (options.Validation is { } given)
        {
            FiniteDataCheck.Require(given, "validation data");
        }

        var (trainPart, validation) = Trainer.SplitValidation(train, options);
        if (validation is not null)
        {
            CheckCompatible(trainPart, validation);
        }

        if (options.BatchSize > trainPart.Count)
        {
            // One full batch, as in Keras and PyTorch (a default of 32 on a 30-sample toy set must train); the history's
            // settings show the batch used. The user's options object is left as it was.
            var clamped = options.Clone();
            clamped.BatchSize = trainPart.Count;
            options = clamped;
        }

        model.Build(trainPart.ItemShape, options.Seed);
        var loss = options.Loss ?? Trainer.DefaultLoss(trainPart);
        CheckOutput(model, trainPart, loss);
        var optimizer = options.Optimizer ?? Optimizers.Create(Hyperparameters.DefaultOptimizer, Hyperparameters.DefaultLearningRate);
        if (options.Resume && options.Checkpoint is null)
        {
            throw new DlExtArgumentException("resume", "Resuming needs the checkpoint folder to resume from (TrainingOptions.Checkpoint, --checkpoint DIR).");
        }

        train.RecordTestAccess(TestSetAccess.TrainedOn);
        validation?.RecordTestAccess(TestSetAccess.ValidatedOn);
        return new TrainingRun(model, trainPart, validation, options, optimizer, loss, largestInput);
    }

    public TrainingHistory Execute(CancellationToken cancellationToken)
    {
        var time = _options.TimeProvider;
        var started = time.GetTimestamp();
        using var pool = new ComputePool(_options.Threads);
        var context = new LayerContext(pool, Trainer.DropoutRandom(_options.Seed), training: true);
        var loader = new DataLoader(_train, _options.BatchSize, _options.Shuffle, _options.DropLast, Trainer.ShuffleSeed(_options.Seed));
        var store = _model.Store;
        var state = new TrainingState(_model, _history, cancellationToken);
        Tensor? gradient = null;
        var spares = new TensorSpares(); // the loss gradient of the full and of the last, smaller batch
        store.ZeroGradients(); // once: every optimizer step leaves them at zero for the next batch
        double? startLoss = null; // the first step's loss, the yardstick of an exploding loss
        _options.Schedule?.Reset();
        var fingerprint = _options.Checkpoint is null ? null : TrainingCheckpoint.Fingerprint(_model, _optimizer, _history.Settings, _options, _train, _validation);
        var resumed = _options.Resume ? TrainingCheckpoint.Load(_options.Checkpoint!.FilePath, fingerprint!, _model, _optimizer, _options) : null;
        var firstEpoch = 0;
        var elapsedBefore = TimeSpan.Zero;
        if (resumed is not null)
        {
            // Everything was checked before this point: from here on nothing can fail half-way.
            foreach (var p in store.Parameters)
            {
                resumed.Weights[p.Name].Data.CopyTo(p.Values);
            }

            _optimizer.RestoreState(resumed.OptimizerStepCount, resumed.OptimizerBuffers, store.TrainableCount);
            if (_options.Schedule is { } schedule && !schedule.RestoreState(resumed.Schedule))
            {
                throw new DlExtFileException(_options.Checkpoint!.FilePath, $"holds a schedule state that does not fit {schedule.Name}");
            }

            context.Random.RestoreState(resumed.DropoutWords, resumed.DropoutSpare);
            _history.Restore(resumed.Steps, resumed.Epochs);
            state.Step = resumed.Step;
            startLoss = resumed.StartLoss;
            firstEpoch = resumed.EpochsDone;
            elapsedBefore = resumed.Elapsed;
            if (resumed.Stop is { } stop)
            {
                state.Stop(stop.Reason, stop.Message);
            }
        }

        Raise(TrainingEvent.TrainingStarted, state);
        if (resumed?.Early is { } early && _options.EarlyStopping is { } earlyStopping)
        {
            earlyStopping.RestoreState(early.Best, early.Wait, early.BestEpoch, early.BestWeights);
        }

        for (var epoch = firstEpoch; epoch < _options.Epochs && !state.StopRequested; epoch++)
        {
            var epochStarted = time.GetTimestamp();
            state.Epoch = epoch;
            Raise(TrainingEvent.EpochStarted, state);
            double lossSum = 0;
            long correct = 0, seen = 0;
            var batchIndex = 0;
            foreach (var batch in loader.Batches(epoch, pool))
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    state.Stop(StopReason.Cancelled, $"cancelled during epoch {epoch + 1} after {state.Step} steps");
                    break;
                }

                state.BatchIndex = batchIndex++;
                var planned = new ScheduleContext(_optimizer.LearningRate, state.Step, epoch, loader.BatchesPerEpoch, _options.Epochs);
                var rate = _options.Schedule?.LearningRateAt(planned) ?? _optimizer.LearningRate;
                var momentum = _options.Schedule?.MomentumAt(planned); // null unless the schedule cycles momentum (one-cycle)
                state.LearningRate = rate;
                Raise(TrainingEvent.BatchStarted, state);

                context.Training = true;
                var output = _model.Forward(batch.Features, context);
                var lossGradient = spares.Fit(ref gradient, output);
                var loss = _loss.Compute(output, batch.Targets, lossGradient);
                if (_penalty is not null)
                {
                    loss += _penalty.Apply(store);
                }

                startLoss ??= loss;
                if (!double.IsFinite(loss))
                {
                    state.BatchLoss = loss;
                    state.Stop(StopReason.Diverged, string.Create(CultureInfo.InvariantCulture,
                        $"diverged: the loss became {Word(loss)} at step {state.Step + 1} (epoch {epoch + 1}) with learning rate {NumberText.General(rate, 4)}; try a smaller learning rate"));
                    break;
                }

                if (_options.DivergenceFactor is { } factor && loss > factor * Math.Max(startLoss.Value, 1))
                {
                    // Recorded, so the curve shows the explosion, but not applied: the weights stay as they were.
                    state.BatchLoss = loss;
                    _history.AddStep(new StepRecord(state.Step, epoch, loss, rate));
                    state.Stop(StopReason.Diverged, string.Create(CultureInfo.InvariantCulture,
                        $"diverged: the loss reached {NumberText.General(loss, 4)} at step {state.Step + 1} (epoch {epoch + 1}), more than {NumberText.General(factor, 4)} × its start {NumberText.General(startLoss.Value, 4)}, with learning rate {NumberText.General(rate, 4)}; try a smaller learning rate"));
                    break;
                }

                _model.Backward(lossGradient, context);
                state.GradientNorm = ClipGradients(store, pool);
                Raise(TrainingEvent.GradientsComputed, state);
                _optimizer.Step(store, rate, momentum, pool);
                lossSum += loss * batch.Count;
                seen += batch.Count;
                if (_train.IsClassification)
                {
                    correct += Metrics.CountCorrect(output, batch.Targets);
                }

                state.BatchLoss = loss;
                _history.AddStep(new StepRecord(state.Step, epoch, loss, rate, state.GradientNorm));
                Raise(TrainingEvent.BatchEnded, state);
                state.Step++;
                if (state.StopRequested)
                {
                    break;
                }
            }

            if (batchIndex < loader.BatchesPerEpoch || state.PendingStop is { Reason: StopReason.Diverged or StopReason.Cancelled })
            {
                break;  // the epoch was cut short (cancelled, diverged or stopped): no epoch record for half an epoch
            }

            var validation = _validation is null ? null : Evaluator.Run(_model, _validation, _loss, _options.BatchSize, context, withConfusion: true);
            _history.AddEpoch(new EpochRecord(
                epoch,
                lossSum / seen,
                _train.IsClassification ? (double)correct / seen : null,
                validation?.Loss,
                validation?.Accuracy,
                state.LearningRate,
                time.GetElapsedTime(epochStarted)));
            _options.Schedule?.OnEpochEnd(epoch, _history.Monitored(_history.LastEpoch!));
            Raise(TrainingEvent.EpochEnded, state);
            if (_options.Checkpoint is { } checkpoint
                && ((epoch + 1) % checkpoint.Every == 0 || epoch + 1 == _options.Epochs || state.StopRequested))
            {
                TrainingCheckpoint.Save(checkpoint.FilePath, new TrainingRunSnapshot(
                    _model, _optimizer, _options.Schedule, context.Random, _options.EarlyStopping, _history, state.Step, startLoss,
                    state.PendingStop, elapsedBefore + time.GetElapsedTime(started), fingerprint!));
            }
        }

        var (reason, message) = state.PendingStop ?? (StopReason.Completed, _options.Epochs == 1 ? "completed 1 epoch" : $"completed {_options.Epochs} epochs");
        _history.Elapsed = elapsedBefore + time.GetElapsedTime(started);
        _history.Complete(reason, message);
        Raise(TrainingEvent.TrainingEnded, state);
        _history.Manifest = RunManifest.ForTraining(_history, _model, _train, _validation, _options.Command);
        return _history;
    }

    private void Raise(TrainingEvent trainingEvent, TrainingState state)
    {
        foreach (var callback in _callbacks)
        {
            callback.On(trainingEvent, state);
        }
    }

    /// <summary>The gradients' global norm before clipping; then clips by norm and by value, as the options say.</summary>
    private double ClipGradients(ParameterStore store, ComputePool pool)
    {
        var gradients = store.Gradients;
        var norm = GradientClipping.GlobalNorm(gradients, pool);
        if (_options.ClipNorm is { } maxNorm)
        {
            GradientClipping.ClipNorm(gradients, norm, maxNorm, pool);
        }

        if (_options.ClipValue is { } maxValue)
        {
            GradientClipping.ClipValue(gradients, maxValue, pool);
        }

        return norm;
    }

    private static string Word(double loss) => double.IsNaN(loss) ? "NaN" : "infinite";

    private static string Describe(Sequential model) =>
        string.Join(" → ", model.Layers.Select(l => l.Describe()));

    private static void CheckCompatible(Dataset train, Dataset validation)
    {
        if (!train.ItemShape.AsSpan().SequenceEqual(validation.ItemShape))
        {
            throw new DlExtArgumentException("validation data", $"samples of shape {Tensor.Describe(validation.ItemShape)}",
                $"samples of shape {Tensor.Describe(train.ItemShape)}, like the training data");
        }

        if (train.ClassCount != validation.ClassCount)
        {
            throw new DlExtArgumentException("validation data", $"{validation.ClassCount} classes", $"{train.ClassCount} classes, like the training data");
        }
    }

    private static void CheckOutput(Sequential model, Dataset train, Loss loss)
    {
        var output = model.OutputShape;
        if (loss.IsClassification && train.IsClassification)
        {
            var width = output.Aggregate(1, (a, b) => a * b);
            var fits = width == train.ClassCount || (width == 1 && train.ClassCount == 2);
            if (!fits)
            {
                throw new DlExtArgumentException("model output", Tensor.Describe(output),
                    $"[{train.ClassCount}] (one logit per class of '{train.Name}')");
            }
        }
    }
}
