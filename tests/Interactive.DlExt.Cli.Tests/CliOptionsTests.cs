namespace Interactive.DlExt.Cli.Tests;

public sealed class CliOptionsTests
{
    [Fact]
    public void No_arguments_give_the_offline_digits_job()
    {
        var options = CliOptions.Parse([]);

        Assert.Equal("digits", options.Data);
        Assert.Equal("mlp", options.Model);
        Assert.Equal(20, options.Epochs);
        Assert.Equal(32, options.BatchSize);
        Assert.Equal("adam", options.Optimizer);
        Assert.Equal(1e-3, options.LearningRate);
        Assert.Equal(0.15, options.ValidationSplit);
        Assert.Equal(8, options.SweepTrials);
        Assert.Equal("dlext-report.html", options.ReportPath);
        Assert.Null(options.EarlyStop);
        Assert.False(options.Help);
    }

    [Fact]
    public void Fashion_mnist_brings_its_own_epoch_and_batch_defaults_unless_they_are_given()
    {
        var defaults = CliOptions.Parse(["--data", "fashion-mnist"]);
        var given = CliOptions.Parse(["--epochs", "3", "--data", "fashion-mnist", "--batch-size", "16"]);

        Assert.Equal((10, 64), (defaults.Epochs, defaults.BatchSize));
        Assert.Equal((3, 16), (given.Epochs, given.BatchSize));
    }

    [Fact]
    public void Every_option_takes_its_value_after_a_space_or_an_equals_sign()
    {
        var options = CliOptions.Parse([
            "--data=mnist", "--data-dir", "/data/mnist", "--model=cnn", "--epochs", "4", "--batch-size=128", "--lr", "3e-4",
            "--optimizer=rmsprop", "--val-split", "0.2", "--early-stop=3", "--seed", "7", "--threads=1", "--sweep-trials", "0",
            "--report=out/r.html"]);

        Assert.Equal(
            new CliOptions
            {
                Data = "mnist", DataFolder = "/data/mnist", Model = "cnn", Epochs = 4, BatchSize = 128, LearningRate = 3e-4,
                Optimizer = "rmsprop", ValidationSplit = 0.2, EarlyStop = 3, Seed = 7, Threads = 1, SweepTrials = 0, ReportPath = "out/r.html",
            },
            options);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public void Help_is_asked_for_with_either_spelling(string flag) => Assert.True(CliOptions.Parse([flag]).Help);

    [Theory]
    [InlineData(new[] { "--epochs", "0" }, "--epochs", "0", "an integer ≥ 1")]
    [InlineData(new[] { "--batch-size", "many" }, "--batch-size", "many", "an integer ≥ 1")]
    [InlineData(new[] { "--threads=0" }, "--threads", "0", "an integer ≥ 1")]
    [InlineData(new[] { "--sweep-trials", "-1" }, "--sweep-trials", "-1", "an integer ≥ 0")]
    [InlineData(new[] { "--data", "cifar10" }, "--data", "cifar10", "one of digits, fashion-mnist, mnist")]
    [InlineData(new[] { "--model", "rnn" }, "--model", "rnn", "one of mlp, cnn")]
    [InlineData(new[] { "--optimizer", "adamax" }, "--optimizer", "adamax", "one of sgd, momentum, nesterov, adagrad, rmsprop, adam, adamw")]
    [InlineData(new[] { "--lr", "fast" }, "--lr", "fast", "a number > 0")]
    [InlineData(new[] { "--lr", "-0.1" }, "--lr", "-0.1", "a number > 0")]
    [InlineData(new[] { "--val-split", "1.5" }, "--val-split", "1.5", "a fraction between 0 and 1")]
    [InlineData(new[] { "--epochs" }, "--epochs", "nothing", "a value after it")]
    [InlineData(new[] { "--epochs", "--lr", "0.1" }, "--epochs", "nothing", "a value after it")]
    [InlineData(new[] { "--epoch", "5" }, "option", "--epoch", "one of the options listed by --help")]
    public void A_bad_option_is_refused_with_its_name_its_value_and_what_is_accepted(string[] args, string parameter, string value, string accepted)
    {
        var error = Assert.Throws<DlExtArgumentException>(() => CliOptions.Parse(args));

        Assert.Equal(parameter, error.ParamName);
        Assert.Equal(value, error.Value);
        Assert.Contains(accepted, error.Accepted, StringComparison.Ordinal);
    }

    [Fact]
    public void The_usage_text_lists_every_option_the_parser_accepts()
    {
        foreach (var option in new[]
                 {
                     "--data", "--data-dir", "--model", "--epochs", "--batch-size", "--lr", "--optimizer", "--val-split", "--early-stop",
                     "--seed", "--threads", "--sweep-trials", "--report", "--help",
                 })
        {
            Assert.Contains(option + " ", CliOptions.Usage, StringComparison.Ordinal);
        }
    }
}
