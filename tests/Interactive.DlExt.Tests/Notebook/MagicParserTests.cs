using Interactive.DlExt.Notebook;

namespace Interactive.DlExt.Tests.Notebook;

public sealed class MagicParserTests
{
    private static MagicArguments Train(string line) => MagicParser.Parse(DlExtMagics.Train, line);

    [Fact]
    public void Options_take_values_with_a_space_or_an_equals_sign()
    {
        var a = Train("#!train model --epochs 5 --lr=1e-3 --batch-size=64");

        Assert.Equal("model", a.Text("--model"));
        Assert.Equal(5, a.WholeNumber("--epochs", 0));
        Assert.Equal(0.001, a.Number("--lr", 0));
        Assert.Equal(64, a.WholeNumber("--batch-size", 0));
    }

    [Fact]
    public void Quoted_values_keep_their_spaces_and_flags_take_no_value()
    {
        var a = Train("#!train model --report \"my report.html\" --quiet --schedule 'step:size=2,gamma=0.5'");

        Assert.Equal("my report.html", a.Text("--report"));
        Assert.True(a.Flag("--quiet"));
        Assert.Equal("step:size=2,gamma=0.5", a.Text("--schedule"));
    }

    [Fact]
    public void A_mistyped_option_gets_the_nearest_name_suggested()
    {
        var e = Assert.Throws<DlExtArgumentException>(() => Train("#!train model --batchsize 32"));

        Assert.Equal("--batchsize is not an option of #!train: did you mean --batch-size?", e.Reason);
    }

    [Theory]
    [InlineData("--epochs ten", "--epochs = ten is not accepted: expected an integer ≥ 1.")]
    [InlineData("--epochs 0", "--epochs = 0 is not accepted: expected an integer ≥ 1.")]
    [InlineData("--lr -0.1", "--lr = -0.1 is not accepted: expected a number > 0 (1e-3 style allowed).")]
    [InlineData("--val-split 1.5", "--val-split = 1.5 is not accepted: expected a number > 0 and < 1 (1e-3 style allowed).")]
    [InlineData("--optimizer adamm", "--optimizer = adamm is not accepted: expected one of sgd, momentum, nesterov, adagrad, rmsprop, adam, adamw (did you mean adam?).")]
    [InlineData("--out 1history", "--out = 1history is not accepted: expected a C# variable name (letters, digits and _, not starting with a digit).")]
    [InlineData("--epochs", "--epochs = nothing is not accepted: expected an integer ≥ 1.")]
    [InlineData("--threads 100000", "--threads = 100000 is not accepted: expected an integer ≥ 1 and ≤ 256.")]
    public void Bad_values_name_the_option_the_value_and_what_is_accepted(string options, string message)
    {
        var e = Assert.Throws<DlExtArgumentException>(() => Train("#!train model " + options));

        Assert.Equal(message, e.Reason);
    }

    [Fact]
    public void An_option_given_twice_is_refused()
    {
        var e = Assert.Throws<DlExtArgumentException>(() => Train("#!train m --epochs 2 --epochs 3"));

        Assert.Contains("given twice", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unclosed_quote_is_reported()
    {
        var e = Assert.Throws<DlExtArgumentException>(() => Train("#!train m --report \"x.html"));

        Assert.Contains("not closed", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Negative_numbers_are_values_not_option_names()
    {
        var e = Assert.Throws<DlExtArgumentException>(() => Train("#!train m --l2 -1"));

        Assert.Equal("--l2 = -1 is not accepted: expected a number ≥ 0 (1e-3 style allowed).", e.Reason);
    }

    [Fact]
    public void The_magic_line_is_found_by_occurrence_inside_a_cell()
    {
        var cell = "var x = 1;\n#!train a --epochs 1\n// comment\n#!train b --epochs 2\nConsole.WriteLine(x);";

        Assert.Equal("#!train a --epochs 1", MagicLine.Find(cell, "#!train", 0));
        Assert.Equal("#!train b --epochs 2", MagicLine.Find(cell, "#!train", 1));
        Assert.Throws<DlExtArgumentException>(() => MagicLine.Find(cell, "#!train", 2));
    }

    [Fact]
    public void Every_option_of_every_magic_has_a_description_and_a_kernel_property_name()
    {
        foreach (var spec in DlExtMagics.All)
        {
            Assert.StartsWith("#!", spec.Name, StringComparison.Ordinal);
            Assert.All(spec.Options, o =>
            {
                Assert.False(string.IsNullOrWhiteSpace(o.Description));
                Assert.Matches("^--[a-z0-9-]+$", o.Name);
                Assert.Matches("^[A-Z][A-Za-z0-9]*$", o.PropertyName);
            });
            Assert.Equal(spec.Options.Count, spec.Options.Select(o => o.Name).Distinct().Count());
        }

        Assert.Equal("BatchSize", DlExtMagics.Train.Find("--batch-size")!.PropertyName);
    }
}
