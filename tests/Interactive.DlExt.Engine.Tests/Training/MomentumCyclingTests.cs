using Interactive.DlExt.Tests.Support;

namespace Interactive.DlExt.Tests.Training;

public sealed class MomentumCyclingTests
{
    [Fact]
    public void One_cycle_without_a_momentum_range_trains_exactly_as_the_same_rates_without_one_cycle()
    {
        var withoutCycling = Fit(new OneCycle(pctStart: 0.25));
        var sameRates = Fit(new RatesOf(new OneCycle(pctStart: 0.25)));

        Assert.Equal(sameRates, withoutCycling);
    }

    [Fact]
    public void A_cycled_momentum_equal_to_the_optimizer_s_own_changes_nothing()
    {
        Assert.Equal(Fit(new ConstantSchedule()), Fit(new FixedMomentum(0.9)));
    }

    [Fact]
    public void One_cycle_with_a_momentum_range_changes_the_run()
    {
        Assert.NotEqual(Fit(new OneCycle(pctStart: 0.25)), Fit(new OneCycle(pctStart: 0.25, maxMomentum: 0.95, minMomentum: 0.85)));
    }

    /// <summary>The loss of every step, to the bit, of a short momentum run.</summary>
    private static long[] Fit(LearningRateSchedule schedule)
    {
        var options = new TrainingOptions { Epochs = 3, BatchSize = 30, Optimizer = new Momentum(0.1, 0.9), Schedule = schedule, Threads = 1, Seed = 3 };
        return [.. Trainer.Fit(TestData.SmallMlp(), TestData.Blobs(), options).Steps.Select(s => BitConverter.DoubleToInt64Bits(s.Loss))];
    }

    private sealed class RatesOf(LearningRateSchedule inner) : LearningRateSchedule
    {
        public override string Name => "rates of " + inner.Name;

        public override string Formula => inner.Formula;

        public override double LearningRateAt(in ScheduleContext context) => inner.LearningRateAt(context);
    }

    private sealed class FixedMomentum(double momentum) : LearningRateSchedule
    {
        public override string Name => "fixed momentum";

        public override string Formula => "η = η₀, μ fixed";

        public override double LearningRateAt(in ScheduleContext context) => context.BaseLearningRate;

        public override double? MomentumAt(in ScheduleContext context) => momentum;
    }
}
