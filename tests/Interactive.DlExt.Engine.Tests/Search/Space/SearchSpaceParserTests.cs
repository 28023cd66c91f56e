using Interactive.DlExt.Search;

namespace Interactive.DlExt.Tests.Search;

public sealed class SearchSpaceParserTests
{
    [Fact]
    public void A_log_range_parses_to_a_log_uniform_real_range()
    {
        var p = Assert.IsType<FloatParameter>(SearchSpaceParser.ParseOption("lr", "1e-4..1e-1:log"));
        Assert.Equal(("lr", 1e-4, 0.1, true), (p.Name, p.Low, p.High, p.IsLog));
    }

    [Fact]
    public void A_plain_range_parses_to_a_uniform_real_range()
    {
        var p = Assert.IsType<FloatParameter>(SearchSpaceParser.ParseOption("dropout", "0.1..0.9"));
        Assert.Equal((0.1, 0.9, false), (p.Low, p.High, p.IsLog));
    }

    [Theory]
    [InlineData("16..256:int", false, 1)]
    [InlineData("16..256:int:log", true, 1)]
    [InlineData("16..256:log:int", true, 1)]
    [InlineData("16..256:step=16", false, 16)]
    public void Integer_ranges_parse_with_their_scale_and_step(string text, bool log, int step)
    {
        var p = Assert.IsType<IntParameter>(SearchSpaceParser.ParseOption("units", text));
        Assert.Equal((16.0, 256.0, log, step), (p.Low, p.High, p.IsLog, p.Step));
    }

    [Fact]
    public void Comma_lists_parse_to_typed_choices()
    {
        var ints = Assert.IsType<ChoiceParameter>(SearchSpaceParser.ParseOption("batch_size", "32, 64,128"));
        Assert.Equal(new object[] { 32, 64, 128 }, ints.Values);
        var reals = Assert.IsType<ChoiceParameter>(SearchSpaceParser.ParseOption("wd", "0,1e-4,0.01"));
        Assert.Equal(new object[] { 0.0, 1e-4, 0.01 }, reals.Values);
        var names = Assert.IsType<ChoiceParameter>(SearchSpaceParser.ParseOption("optimizer", "sgd,adam"));
        Assert.Equal(new object[] { "sgd", "adam" }, names.Values);
    }

    [Fact]
    public void A_single_value_is_a_fixed_choice()
    {
        var p = Assert.IsType<ChoiceParameter>(SearchSpaceParser.ParseOption("epochs", "10"));
        Assert.Equal(new object[] { 10 }, p.Values);
    }

    [Theory]
    [InlineData("0.1..0.01", "low must be < high")]
    [InlineData("0.5..0.5", "low must be < high")]
    [InlineData("0..0.1:log", "log ranges need low > 0")]
    [InlineData("-1..1:log", "log ranges need low > 0")]
    [InlineData("1e-4..abc", "'abc' is not a number")]
    [InlineData("0.1..0.9:cube", "flags :log, :int or :step=k")]
    [InlineData("1.5..8:int", "integer bounds")]
    [InlineData("16..250:step=16", "multiple of the step")]
    [InlineData("sgd,,adam", "without empty items")]
    [InlineData("sgd,adam,sgd", "distinct values")]
    [InlineData("  ", "a comma list")]
    public void Bad_text_throws_naming_the_parameter_and_the_text(string text, string reason)
    {
        var e = Assert.Throws<DlExtArgumentException>(() => SearchSpaceParser.ParseOption("lr", text));
        Assert.Equal("lr", e.ParamName);
        Assert.StartsWith("lr = ", e.Reason, StringComparison.Ordinal);
        Assert.Contains(reason, e.Reason, StringComparison.Ordinal);
        if (!string.IsNullOrWhiteSpace(text) && !text.Contains(",,", StringComparison.Ordinal) && !text.Contains("sgd,adam,sgd", StringComparison.Ordinal))
        {
            Assert.Contains(text, e.Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Describe_round_trips_through_the_parser()
    {
        foreach (var text in new[] { "0.0001..0.1:log", "0.1..0.9", "16..256:int:log", "16..256:int:step=16", "32,64,128", "sgd,adam" })
        {
            Assert.Equal(text, SearchSpaceParser.ParseOption("x", text).Describe());
        }
    }

    [Fact]
    public void A_searched_momentum_exists_only_for_the_listed_optimizers_that_use_it()
    {
        var space = SearchSpaceParser.Parse([new("momentum", "0.8..0.99"), new("optimizer", "sgd,momentum,nesterov,adam")]);

        var momentum = space["momentum"];
        Assert.Equal("optimizer", momentum.Condition!.Parent);
        Assert.Equal(["momentum", "nesterov"], momentum.Condition.Values.Select(v => v.ToString()));
        Assert.Equal(["optimizer", "momentum"], space.Parameters.Select(p => p.Name)); // the parent comes first
    }

    [Fact]
    public void A_momentum_next_to_optimizers_that_all_use_it_stays_unconditional()
    {
        var space = SearchSpaceParser.Parse([new("optimizer", "momentum,nesterov"), new("momentum", "0.8..0.99")]);

        Assert.Null(space["momentum"].Condition);
    }
}
