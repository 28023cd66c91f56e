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
        Assert.Equal("tpe", options.SweepStrategy);
        Assert.Equal("median", options.SweepPruner);
        Assert.Equal(5, options.SweepEpochsOrDefault);
        Assert.Equal([16, 32, 64, 128], options.SweepBatchSizes);
        Assert.Equal("dlext-report.html", options.ReportPath);
        Assert.Equal(Math.Min(Environment.ProcessorCount, TrainingOptions.MaxThreads), options.Threads);
        Assert.Null(options.EarlyStop);
    }

    [Fact]
    public void Fashion_mnist_brings_its_own_epoch_and_batch_defaults_unless_they_are_given()
    {
        var defaults = CliOptions.Parse(["--data", "fashion-mnist"]);
        var given = CliOptions.Parse(["--epochs", "3", "--data", "fashion-mnist", "--batch-size", "16"]);

        Assert.Equal((10, 64, 2), (defaults.Epochs, defaults.BatchSize, defaults.SweepEpochsOrDefault));
        Assert.Equal((3, 16), (given.Epochs, given.BatchSize));
    }

    [Fact]
    public void Every_option_takes_its_value_after_a_space_or_an_equals_sign()
    {
        var folder = Directory.CreateTempSubdirectory("dlext-data-").FullName;
        try
        {
            var options = CliOptions.Parse([
                "--data=mnist", "--data-dir", folder, "--model=cnn", "--epochs", "4", "--batch-size=128", "--lr", "3e-4",
                "--optimizer=rmsprop", "--val-split", "0.2", "--early-stop=3", "--seed", "7", "--threads=1", "--sweep-trials", "0",
                "--report=out/r.html", "--sweep-strategy", "grid", "--sweep-epochs=3", "--sweep-pruner", "asha", "--sweep-lr", "1e-3..0.1",
                "--sweep-batch-sizes=32,64"]);

            Assert.Equal(
                new CliOptions
                {
                    Data = "mnist", DataFolder = folder, Model = "cnn", Epochs = 4, BatchSize = 128, LearningRate = 3e-4,
                    Optimizer = "rmsprop", ValidationSplit = 0.2, EarlyStop = 3, Seed = 7, Threads = 1, SweepTrials = 0, ReportPath = "out/r.html",
                    SweepStrategy = "grid", SweepEpochs = 3, SweepPruner = "asha", SweepLearningRates = (1e-3, 0.1),
                },
                options with { SweepBatchSizes = CliOptions.DefaultSweepBatchSizes });
            Assert.Equal([32, 64], options.SweepBatchSizes);
        }
        finally
        {
            Directory.Delete(folder);
        }
    }

    [Fact]
    public void Clip_norm_and_clip_value_are_read_and_off_by_default()
    {
        var options = CliOptions.Parse(["--clip-norm", "1.5", "--clip-value=0.25"]);

        Assert.Equal((1.5, 0.25), (options.ClipNorm, options.ClipValue));
        Assert.Equal((null, null), (CliOptions.Parse([]).ClipNorm, CliOptions.Parse([]).ClipValue));
    }

    [Fact]
    public void Checkpoint_every_and_resume_are_read_and_off_by_default()
    {
        var options = CliOptions.Parse(["--checkpoint", "out/ck", "--checkpoint-every=3", "--resume"]);

        Assert.Equal(("out/ck", 3, true), (options.CheckpointFolder, options.CheckpointEvery, options.Resume));
        var none = CliOptions.Parse([]);
        Assert.Equal((null, 1, false), (none.CheckpointFolder, none.CheckpointEvery, none.Resume));
    }

    [Theory]
    [InlineData(new[] { "--resume" }, "--resume needs --checkpoint DIR, the folder of the checkpoint")]
    [InlineData(new[] { "--checkpoint-every", "2" }, "--checkpoint-every needs --checkpoint DIR, the folder of the checkpoint")]
    [InlineData(new[] { "--checkpoint", "ck", "--checkpoint-every", "0" }, "--checkpoint-every = 0 is not accepted: expected an integer ≥ 1.")]
    public void Resume_or_an_interval_without_a_checkpoint_folder_is_refused(string[] args, string message) =>
        Assert.Equal(message, Assert.Throws<DlExtArgumentException>(() => CliOptions.Parse(args)).Reason);

    [Fact]
    public void A_response_file_holds_options_one_per_line()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(file, ["--epochs 4", "--optimizer sgd", "--sweep-trials 0"]);

            var options = CliOptions.Parse(["@" + file, "--lr", "0.05"]);

            Assert.Equal((4, "sgd", 0, 0.05), (options.Epochs, options.Optimizer, options.SweepTrials, options.LearningRate));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData(new[] { "--epochs", "0" }, "--epochs = 0 is not accepted: expected an integer ≥ 1.")]
    [InlineData(new[] { "--batch-size", "many" }, "--batch-size = many is not accepted: expected an integer ≥ 1.")]
    [InlineData(new[] { "--sweep-trials", "-1" }, "--sweep-trials = -1 is not accepted: expected an integer ≥ 0.")]
    [InlineData(new[] { "--data", "cifar10" }, "--data = cifar10 is not accepted: expected one of digits, fashion-mnist, mnist.")]
    [InlineData(new[] { "--model", "rnn" }, "--model = rnn is not accepted: expected one of mlp, cnn.")]
    [InlineData(new[] { "--optimizer", "adamax" }, "--optimizer = adamax is not accepted: expected one of sgd, momentum, nesterov, adagrad, rmsprop, adam, adamw.")]
    [InlineData(new[] { "--lr", "fast" }, "--lr = fast is not accepted: expected a number > 0.")]
    [InlineData(new[] { "--lr", "-0.1" }, "--lr = -0.1 is not accepted: expected a number > 0.")]
    [InlineData(new[] { "--clip-norm", "0" }, "--clip-norm = 0 is not accepted: expected a number > 0.")]
    [InlineData(new[] { "--clip-norm", "-1" }, "--clip-norm = -1 is not accepted: expected a number > 0.")]
    [InlineData(new[] { "--clip-value", "0" }, "--clip-value = 0 is not accepted: expected a number > 0.")]
    [InlineData(new[] { "--clip-value", "-0.5" }, "--clip-value = -0.5 is not accepted: expected a number > 0.")]
    [InlineData(new[] { "--val-split", "1.5" }, "--val-split = 1.5 is not accepted: expected a number > 0 and < 1.")]
    [InlineData(new[] { "--sweep-strategy", "bayesian" }, "--sweep-strategy = bayesian is not accepted: expected one of grid, random, coarse-to-fine, tpe, gp.")]
    [InlineData(new[] { "--sweep-pruner", "successive-halving" }, "--sweep-pruner = successive-halving is not accepted: expected one of none, median, asha, hyperband.")]
    [InlineData(new[] { "--sweep-lr", "0.1..0.01" }, "--sweep-lr = 0.1..0.01 is not accepted: expected MIN..MAX with 0 < MIN < MAX, such as 1e-4..1e-2.")]
    [InlineData(new[] { "--sweep-batch-sizes", "32,0" }, "--sweep-batch-sizes = 32,0 is not accepted: expected distinct integers ≥ 1 separated by commas, such as 32,64,128.")]
    [InlineData(new[] { "--report", "" }, "--report = \"\" is not accepted: expected a path such as out/report.html.")]
    public void A_bad_value_is_refused_naming_the_option_the_value_and_what_is_accepted(string[] args, string message)
    {
        var error = Assert.Throws<DlExtArgumentException>(() => CliOptions.Parse(args));

        Assert.Equal(args[0], error.ParamName);
        Assert.Equal(message, error.Reason);
    }

    [Theory]
    [InlineData(new[] { "--lr" }, "--lr needs a value such as 0.001")]
    [InlineData(new[] { "--epochs", "--lr", "0.1" }, "--epochs needs a value such as 20")]
    [InlineData(new[] { "--report" }, "--report needs a value such as out/report.html")]
    [InlineData(new[] { "--val-split" }, "--val-split needs a value such as 0.15")]
    public void A_missing_value_is_named_with_an_example(string[] args, string message) =>
        Assert.Equal(message, Assert.Throws<DlExtArgumentException>(() => CliOptions.Parse(args)).Reason);

    [Theory]
    [InlineData(new[] { "--epoch", "5" }, "--epoch is not an option of dlext; did you mean --epochs?")]
    [InlineData(new[] { "--LR", "0.1" }, "--LR is not an option of dlext; did you mean --lr?")]
    [InlineData(new[] { "--batchsize=64" }, "--batchsize is not an option of dlext; did you mean --batch-size?")]
    [InlineData(new[] { "--frobnicate" }, "--frobnicate is not an option of dlext")]
    public void A_mistyped_option_is_refused_with_the_nearest_one(string[] args, string message) =>
        Assert.Equal(message, Assert.Throws<DlExtArgumentException>(() => CliOptions.Parse(args)).Reason);

    [Fact]
    public void Threads_go_up_to_the_trainers_maximum_and_no_further()
    {
        Assert.Equal(TrainingOptions.MaxThreads, CliOptions.Parse(["--threads", $"{TrainingOptions.MaxThreads}"]).Threads);

        foreach (var bad in new[] { 0, TrainingOptions.MaxThreads + 1 })
        {
            var error = Assert.Throws<DlExtArgumentException>(() => CliOptions.Parse(["--threads", $"{bad}"]));
            Assert.Equal($"--threads = {bad} is not accepted: expected an integer ≥ 1 and ≤ {TrainingOptions.MaxThreads}.", error.Reason);
        }
    }

    [Fact]
    public void A_data_folder_is_refused_with_the_embedded_digits_naming_both_options()
    {
        var error = Assert.Throws<DlExtArgumentException>(() => CliOptions.Parse(["--data-dir", Path.GetTempPath()]));

        Assert.Equal("--data-dir", error.ParamName);
        Assert.Contains("--data-dir", error.Reason, StringComparison.Ordinal);
        Assert.Contains("--data digits", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_data_folder_that_does_not_exist_is_refused_before_any_work()
    {
        var missing = Path.Combine(Path.GetTempPath(), "dlext-no-such-folder-" + Guid.NewGuid().ToString("N"));

        var error = Assert.Throws<DlExtArgumentException>(() => CliOptions.Parse(["--data", "mnist", "--data-dir", missing]));

        Assert.Equal($"--data-dir = {missing} is not accepted: expected an existing folder holding the data set's IDX files.", error.Reason);
    }
}
