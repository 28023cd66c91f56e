namespace Interactive.DlExt.Tests.Schedules;

public class SchedulesTests
{
    public static TheoryData<string> Names() => new(Interactive.DlExt.Schedules.Names.Where(n => n != "multistep"));

    [Theory]
    [MemberData(nameof(Names))]
    public void Parse_creates_each_named_schedule_and_the_name_round_trips(string name)
    {
        var schedule = Interactive.DlExt.Schedules.Parse(name.ToUpperInvariant());
        Assert.Equal(name, schedule.Name);
        Assert.False(string.IsNullOrWhiteSpace(schedule.Formula));
        Assert.DoesNotContain('`', schedule.Formula); // views print it as text, not markdown
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Preview_has_one_rate_per_step_of_the_plan(string name)
    {
        var preview = Interactive.DlExt.Schedules.Parse(name).Preview(0.1, 3, 7);
        Assert.Equal(21, preview.Count);
        Assert.All(preview, rate => Assert.True(rate > 0 && rate <= 0.1 + 1e-15, $"{name}: {rate}"));
    }

    [Fact]
    public void Parse_reads_options()
    {
        var step = Assert.IsType<StepDecay>(Interactive.DlExt.Schedules.Parse("step: size=4, gamma=0.5"));
        Assert.Equal(4, step.StepSize);
        Assert.Equal(0.5, step.Gamma);
        var multi = Assert.IsType<MultiStepDecay>(Interactive.DlExt.Schedules.Parse("multistep:milestones=30/60"));
        Assert.Equal([30, 60], multi.Milestones);
        var cosine = Assert.IsType<CosineAnnealing>(Interactive.DlExt.Schedules.Parse("cosine:min=1e-5,restart=2,multiplier=2"));
        Assert.Equal((1e-5, 2, 2), (cosine.MinLearningRate, cosine.RestartPeriod!.Value, cosine.PeriodMultiplier));
        Assert.True(Assert.IsType<ExponentialDecay>(Interactive.DlExt.Schedules.Parse("exponential:per=step,gamma=0.999")).EveryStep);
        Assert.Equal(0.3, Assert.IsType<OneCycle>(Interactive.DlExt.Schedules.Parse("onecycle:max=0.3")).MaxLearningRate);
        Assert.Equal(3, Assert.IsType<ReduceOnPlateau>(Interactive.DlExt.Schedules.Parse("plateau:patience=3")).Patience);
    }

    [Fact]
    public void Parse_wraps_any_schedule_in_a_warmup()
    {
        var warmup = Assert.IsType<LinearWarmup>(Interactive.DlExt.Schedules.Parse("cosine:warmup=100"));
        Assert.Equal(100, warmup.WarmupSteps);
        Assert.IsType<CosineAnnealing>(warmup.Then);
    }

    [Fact]
    public void Parse_rejects_an_unknown_name_listing_the_accepted_ones()
    {
        var e = Assert.Throws<DlExtArgumentException>(() => Interactive.DlExt.Schedules.Parse("triangle"));
        Assert.Equal("schedule", e.ParamName);
        Assert.Contains("constant, step, multistep, exponential, linear, cosine, onecycle, plateau", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_rejects_an_unknown_option_listing_the_accepted_ones()
    {
        var e = Assert.Throws<DlExtArgumentException>(() => Interactive.DlExt.Schedules.Parse("step:decay=0.5"));
        Assert.Contains("\"decay=0.5\"", e.Message, StringComparison.Ordinal);
        Assert.Contains("size, gamma, warmup", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_rejects_a_value_that_is_not_a_number()
    {
        var e = Assert.Throws<DlExtArgumentException>(() => Interactive.DlExt.Schedules.Parse("step:gamma=half"));
        Assert.Equal("gamma", e.ParamName);
    }

    [Fact]
    public void Parse_rejects_a_step_size_that_is_not_whole()
    {
        var e = Assert.Throws<DlExtArgumentException>(() => Interactive.DlExt.Schedules.Parse("step:size=2.5"));
        Assert.Equal("size", e.ParamName);
        Assert.Contains("a whole number", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_takes_typed_options()
    {
        var step = Assert.IsType<StepDecay>(Interactive.DlExt.Schedules.Create("step", stepSize: 5, gamma: 0.5));
        Assert.Equal((5, 0.5), (step.StepSize, step.Gamma));
        Assert.Equal(4, Assert.IsType<ReduceOnPlateau>(Interactive.DlExt.Schedules.Create("plateau", patience: 4, minLearningRate: 1e-5)).Patience);
        Assert.Equal(0.2, Assert.IsType<OneCycle>(Interactive.DlExt.Schedules.Create("onecycle", maxLearningRate: 0.2)).MaxLearningRate);
        var warm = Assert.IsType<LinearWarmup>(Interactive.DlExt.Schedules.Create("cosine", warmupSteps: 50, minLearningRate: 1e-4));
        Assert.Equal(1e-4, Assert.IsType<CosineAnnealing>(warm.Then).MinLearningRate);
        Assert.IsType<ConstantSchedule>(Interactive.DlExt.Schedules.Create("constant"));
    }

    [Fact]
    public void Create_rejects_an_option_the_schedule_does_not_have()
    {
        var e = Assert.Throws<DlExtArgumentException>(() => Interactive.DlExt.Schedules.Create("cosine", gamma: 0.5));
        Assert.Equal("gamma", e.ParamName);
        Assert.Contains("no value for the cosine schedule (its options: min, restart, multiplier, warmup)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Preview_rejects_a_plan_without_steps()
    {
        var e = Assert.Throws<DlExtArgumentException>(() => new ConstantSchedule().Preview(0.1, 0, 10));
        Assert.Equal("epochs", e.ParamName);
    }
}
