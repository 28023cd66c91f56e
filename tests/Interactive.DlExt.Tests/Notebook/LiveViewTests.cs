using Interactive.DlExt.Notebook;
using Interactive.DlExt.Tests.Support;

namespace Interactive.DlExt.Tests.Notebook;

public sealed class LiveViewTests
{
    [Fact]
    public void Updates_are_throttled_to_the_minimum_interval_plus_a_final_one()
    {
        // Each clock read advances 0.1 s; with a 0.5 s minimum roughly every fifth batch updates.
        var time = new SteppingClock(TimeSpan.FromMilliseconds(100));
        var output = new RecordingHost.Output();
        var view = new LiveView(output, time, TimeSpan.FromMilliseconds(500));
        var options = new TrainingOptions { Epochs = 2, BatchSize = 32, Threads = 1, TimeProvider = time };
        options.Callbacks.Add(view);

        var history = Trainer.Fit(new Sequential(new Linear(64, 10)), Datasets.Digits(flatten: true), options);

        var steps = history.Steps.Count;
        Assert.InRange(view.UpdateCount, 3, steps / 2);
        Assert.Same(history, output.Last);
        Assert.True(((TrainingHistory)output.Last).IsComplete);
    }

    [Fact]
    public void Without_throttling_every_batch_and_epoch_updates()
    {
        var output = new RecordingHost.Output();
        var view = new LiveView(output, minimumInterval: TimeSpan.Zero);
        var options = new TrainingOptions { Epochs = 1, BatchSize = 600, Threads = 1 };
        options.Callbacks.Add(view);

        var history = Trainer.Fit(new Sequential(new Linear(64, 10)), Datasets.Digits(flatten: true), options);

        Assert.Equal(history.Steps.Count + 1 + 1, view.UpdateCount); // batches, the epoch, the end
    }

    private sealed class SteppingClock(TimeSpan step) : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks += step.Ticks;
    }
}
