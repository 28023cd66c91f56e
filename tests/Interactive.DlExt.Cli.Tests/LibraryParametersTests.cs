namespace Interactive.DlExt.Cli.Tests;

public sealed class LibraryParametersTests
{
    [Theory]
    [InlineData("validationSplit", "--val-split")]
    [InlineData("validation split", "--val-split")]
    [InlineData("batchSize", "--batch-size")]
    [InlineData("batch size", "--batch-size")]
    [InlineData("learningRate", "--lr")]
    [InlineData("threads", "--threads")]
    [InlineData("epochs", "--epochs")]
    [InlineData("folder", "--data-dir")]
    [InlineData("clip_norm", "--clip-norm")]
    [InlineData("clip_value", "--clip-value")]
    public void A_library_error_names_the_option_the_user_typed(string parameter, string option)
    {
        var rewritten = LibraryParameters.Rewrite(new DlExtArgumentException(parameter, "100000", "at most the 1222 training samples"));

        Assert.Equal(option, rewritten.ParamName);
        Assert.Equal($"{option} = 100000 is not accepted: expected at most the 1222 training samples.", rewritten.Reason);
    }

    [Theory]
    [InlineData("epochs", "--sweep-epochs")]
    [InlineData("batchSize", "--sweep-batch-sizes")]
    [InlineData("learningRate", "--sweep-lr")]
    [InlineData("threads", "--threads")]
    public void During_the_sweep_the_sweep_options_are_named(string parameter, string option) =>
        Assert.Equal(option, LibraryParameters.Rewrite(new DlExtArgumentException(parameter, "0", "an integer ≥ 1"), sweep: true).ParamName);

    [Fact]
    public void A_message_without_a_value_keeps_its_text_after_the_option()
    {
        var rewritten = LibraryParameters.Rewrite(new DlExtArgumentException("batchSize", "the batch does not fit"));

        Assert.Equal("--batch-size: the batch does not fit", rewritten.Reason);
    }

    [Fact]
    public void A_parameter_the_user_cannot_set_is_left_as_the_library_wrote_it()
    {
        var error = new DlExtArgumentException("model output", "3", "10 columns");

        Assert.Same(error, LibraryParameters.Rewrite(error));
    }
}
