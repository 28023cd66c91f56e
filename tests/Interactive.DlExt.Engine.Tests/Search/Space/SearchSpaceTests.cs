using Interactive.DlExt.Search;

namespace Interactive.DlExt.Tests.Search;

public sealed class SearchSpaceTests
{
    internal static SearchSpace Conditional() => SearchSpace.Create()
        .LogUniform("lr", 1e-4, 1e-1)
        .Choice("batch_size", 32, 64, 128)
        .Choice("optimizer", "sgd", "momentum", "adam")
        .Uniform("momentum", 0.8, 0.99, when: ("optimizer", ["momentum"]));

    [Fact]
    public void The_fluent_builder_keeps_declaration_order_and_conditions()
    {
        var space = Conditional();
        Assert.Equal(new[] { "lr", "batch_size", "optimizer", "momentum" }, space.Parameters.Select(p => p.Name));
        Assert.Equal("optimizer", space["momentum"].Condition!.Parent);
        Assert.Equal("momentum = 0.8..0.99 when optimizer in {momentum}", space["momentum"].ToString());
    }

    [Fact]
    public void A_conditional_parameter_is_sampled_only_when_its_parent_allows_it()
    {
        var space = Conditional();
        var strategy = new RandomSearch();
        var history = new StudyHistory(space, StudyDirection.Minimize, []);
        var seen = new HashSet<string>();
        for (var n = 0; n < 60; n++)
        {
            var p = strategy.Suggest(history, n, RandomSource.Derive(3, (ulong)n)).Parameters!;
            Assert.Equal(p.String("optimizer") == "momentum", p.Has("momentum"));
            seen.Add(p.String("optimizer"));
            var lr = p.Double("lr");
            Assert.InRange(lr, 1e-4, 1e-1);
            Assert.Contains(p.Int("batch_size"), new[] { 32, 64, 128 });
        }

        Assert.Equal(3, seen.Count);
    }

    [Fact]
    public void Conditions_must_name_an_earlier_choice_and_its_values()
    {
        var missing = Assert.Throws<DlExtArgumentException>(() => SearchSpace.Create().Uniform("momentum", 0.8, 0.99, when: ("optimizer", ["momentum"])));
        Assert.Contains("a parent choice declared before momentum", missing.Reason, StringComparison.Ordinal);
        var badValue = Assert.Throws<DlExtArgumentException>(() =>
            SearchSpace.Create().Choice("optimizer", "sgd", "adam").Uniform("momentum", 0.8, 0.99, when: ("optimizer", ["nesterov"])));
        Assert.Contains("parent values among sgd,adam", badValue.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Builder_ranges_are_validated_with_the_same_messages()
    {
        Assert.Contains("log ranges need low > 0", Assert.Throws<DlExtArgumentException>(() => SearchSpace.Create().LogUniform("lr", 0, 1)).Reason, StringComparison.Ordinal);
        Assert.Contains("low must be < high", Assert.Throws<DlExtArgumentException>(() => SearchSpace.Create().IntRange("units", 8, 4)).Reason, StringComparison.Ordinal);
        Assert.Contains("declared twice", Assert.Throws<DlExtArgumentException>(() => SearchSpace.Create().Choice("a", 1, 2).Choice("a", 3)).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Trial_parameters_offer_typed_getters()
    {
        var p = new TrialParameters([new("lr", 0.01), new("batch_size", 64), new("optimizer", "adam"), new("nesterov", true)]);
        Assert.Equal(0.01, p.Double("lr"));
        Assert.Equal(64, p.Int("batch_size"));
        Assert.Equal(64.0, p.Double("batch_size"));
        Assert.Equal("adam", p.String("optimizer"));
        Assert.True(p.Bool("nesterov"));
        Assert.False(p.Has("momentum"));
        Assert.Contains("one of lr, batch_size, optimizer, nesterov", Assert.Throws<DlExtArgumentException>(() => p.Double("momentum")).Reason, StringComparison.Ordinal);
        Assert.Contains("an integer parameter", Assert.Throws<DlExtArgumentException>(() => p.Int("lr")).Reason, StringComparison.Ordinal);
    }
}
