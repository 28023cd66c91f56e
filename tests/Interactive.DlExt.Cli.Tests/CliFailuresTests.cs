using System.Globalization;

namespace Interactive.DlExt.Cli.Tests;

public sealed class CliFailuresTests
{
    public static TheoryData<Exception, int> Failures() => new()
    {
        { new DlExtArgumentException("batchSize", "100000", "at most 1222"), ExitCodes.BadArguments },
        { new DatasetUnavailableException("mnist was not found."), ExitCodes.DataUnavailable },
        { new DlExtFileException("/data/train-images-idx3-ubyte.gz", "is truncated"), ExitCodes.BadFile },
        { new InvalidDataException("not a gzip file"), ExitCodes.BadFile },
        { new OperationCanceledException(), ExitCodes.Cancelled },
        { new InvalidOperationException("a bug"), ExitCodes.InternalError },
        { new NotSupportedException(), ExitCodes.InternalError },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Each_kind_of_failure_has_its_exit_code(Exception failure, int code)
    {
        using var error = new StringWriter(CultureInfo.InvariantCulture);

        Assert.Equal(code, CliFailures.Report(failure, error, trace: false));
        Assert.StartsWith("dlext: ", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_library_argument_error_names_the_option()
    {
        using var error = new StringWriter(CultureInfo.InvariantCulture);

        CliFailures.Report(new DlExtArgumentException("validationSplit", "2", "a fraction in (0, 1)"), error, trace: false);

        Assert.StartsWith("dlext: --val-split = 2 is not accepted", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_internal_error_is_one_line_and_its_trace_comes_only_when_asked_for()
    {
        var bug = Thrown(new InvalidOperationException("the impossible\nhappened"));
        using var plain = new StringWriter(CultureInfo.InvariantCulture);
        using var traced = new StringWriter(CultureInfo.InvariantCulture);

        CliFailures.Report(bug, plain, trace: false);
        CliFailures.Report(bug, traced, trace: true);

        Assert.Equal(
            "dlext: internal error (InvalidOperationException: the impossible happened); set DLEXT_TRACE=1 for the full trace" + Environment.NewLine,
            plain.ToString());
        Assert.Contains("   at ", traced.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_data_set_tells_a_command_line_user_about_data_dir_not_the_csharp_call()
    {
        var message = "fashion-mnist was not found and downloads are turned off. Put the files (a.gz, b.gz) in a folder and pass it " +
            "(Datasets.FashionMnist(folder: \"...\")), or set DLEXT_FASHION_MNIST_DIR to that folder, or copy them into '/cache'.";

        var text = CliFailures.ForCommandLine(message);

        Assert.DoesNotContain("Datasets.", text, StringComparison.Ordinal);
        Assert.Contains("pass it --data-dir PATH", text, StringComparison.Ordinal);
        Assert.EndsWith("or let dlext download them (it needs network access).", text, StringComparison.Ordinal);
    }

    private static Exception Thrown(Exception e)
    {
        try
        {
            throw e;
        }
        catch (Exception caught)
        {
            return caught;
        }
    }
}
