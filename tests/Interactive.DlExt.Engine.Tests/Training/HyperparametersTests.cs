using Interactive.DlExt.Search;

namespace Interactive.DlExt.Tests.Training;

public sealed class HyperparametersTests
{
    [Fact]
    public void Every_default_lies_in_its_own_range()
    {
        foreach (var h in Hyperparameters.All)
        {
            if (h.Default is { } d)
            {
                Assert.True(h.InRange(d), $"{h.Name}: default {d} outside{h.RangeText}");
            }

            foreach (var (optimizer, own) in h.OptimizerDefaults)
            {
                Assert.Contains(optimizer, DlExt.Optimizers.Names);
                Assert.True(h.InRange(own), $"{h.Name}: {optimizer}'s default {own} outside{h.RangeText}");
            }

            Assert.All(h.UsedBy, o => Assert.Contains(o, DlExt.Optimizers.Names));
        }
    }

    [Fact]
    public void Names_aliases_and_options_are_unique()
    {
        var spellings = Hyperparameters.All.SelectMany(h => h.Aliases.Prepend(h.Name).Append(h.Option)).ToList();

        Assert.Equal(spellings.Count, spellings.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void The_optimizers_read_their_defaults_from_the_descriptors_and_adamw_has_its_own_weight_decay()
    {
        Assert.Equal(0.01, Assert.IsType<AdamW>(DlExt.Optimizers.Create("adamw", 1e-3)).WeightDecay);
        Assert.Equal(0, Assert.IsType<Adam>(DlExt.Optimizers.Create("adam", 1e-3)).WeightDecay);
        Assert.Equal("0 (0.01 for adamw)", Hyperparameters.WeightDecay.DefaultDisplay);
        Assert.Equal(Hyperparameters.Rho.Default, Assert.IsType<RmsProp>(DlExt.Optimizers.Create("rmsprop", 1e-3)).Beta);
        Assert.Equal(Hyperparameters.Momentum.Default, Assert.IsType<Momentum>(DlExt.Optimizers.Create("momentum", 0.1)).Beta);
    }

    [Theory]
    [InlineData("rmsprop", "momentum", "momentum = 0.9 is not accepted: expected no value for rmsprop (only momentum and nesterov use momentum).")]
    [InlineData("sgd", "beta1", "beta1 = 0.9 is not accepted: expected no value for sgd (only adam and adamw use beta1).")]
    [InlineData("adam", "rho", "rho = 0.9 is not accepted: expected no value for adam (only rmsprop use rho).")]
    public void A_setting_the_optimizer_does_not_take_is_refused_by_the_one_rule(string optimizer, string setting, string message)
    {
        var e = Assert.Throws<DlExtArgumentException>(() => setting switch
        {
            "momentum" => DlExt.Optimizers.Create(optimizer, 0.01, momentum: 0.9),
            "beta1" => DlExt.Optimizers.Create(optimizer, 0.01, beta1: 0.9),
            _ => DlExt.Optimizers.Create(optimizer, 0.01, rho: 0.9),
        });

        Assert.Equal(message, e.Reason);
    }

    [Fact]
    public void The_sweep_names_are_the_descriptors_names_and_aliases()
    {
        Assert.Equal(Hyperparameters.SweepNames, Sweep.TrainingParameterNames);
        Assert.Contains("lr", Sweep.TrainingParameterNames);
        Assert.Contains("learning_rate", Sweep.TrainingParameterNames);
        Assert.Equal("lr", Hyperparameters.LearningRate.SearchName);
    }

    [Fact]
    public void A_searched_rho_becomes_conditional_on_rmsprop_as_momentum_does_on_its_users()
    {
        var space = SearchSpaceParser.Parse([new("optimizer", "sgd,rmsprop,adam"), new("rho", "0.8..0.99")]);

        Assert.Equal(["rmsprop"], space.Find("rho")!.Condition!.Values.Select(ParameterValues.Format));
    }

    [Fact]
    public void The_api_defaults_are_the_descriptors()
    {
        var options = new TrainingOptions();
        var request = new SweepRequest(_ => new Sequential(new Linear(2, 2)), new Dataset(new Tensor(4, 2), new Tensor(4), 2), SearchSpace.Create().Choice("lr", 0.1));

        Assert.Equal(Hyperparameters.Epochs.Default, options.Epochs);
        Assert.Equal(Hyperparameters.BatchSize.Default, options.BatchSize);
        Assert.Equal(Hyperparameters.LearningRate.Default, request.LearningRate);
        Assert.Equal(Hyperparameters.Optimizer.DefaultName, request.Optimizer);
        Assert.Equal(Hyperparameters.Epochs.Default, request.Epochs);
    }
}
