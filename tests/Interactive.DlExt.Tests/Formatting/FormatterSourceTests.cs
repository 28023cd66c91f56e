using System.Reflection;
using Interactive.DlExt.Formatting;
using Interactive.DlExt.Notebook;
using Microsoft.DotNet.Interactive.Formatting;

namespace Interactive.DlExt.Tests.Formatting;

[Collection(KernelFormatterGroup.Name)]
public sealed class FormatterSourceTests
{
    private static readonly Lazy<TrainingHistory> History = new(() => FormattingSamples.History());
    private static readonly Lazy<EvaluationResult> Evaluation = new(() => FormattingSamples.DigitsEvaluation());

    private static readonly Lazy<Search.SweepResult> Sweep = new(() => Search.Sweep.Run(
        new Search.SweepRequest(() => FormattingSamples.SpiralModel(), Datasets.Spirals(30, 2, 0.1, 1), Search.SearchSpace.Create().LogUniform("lr", 1e-3, 1e-1))
        {
            Trials = 3,
            Epochs = 2,
        }));

    public static TheoryData<string> Samples => new(SampleValues().Keys);

    private static Dictionary<string, object> SampleValues()
    {
        var built = FormattingSamples.SpiralModel().Build([2]);
        return new Dictionary<string, object>
        {
            ["history"] = History.Value,
            ["evaluation"] = Evaluation.Value,
            ["confusion matrix"] = Evaluation.Value.ConfusionMatrix!,
            ["built model"] = built,
            ["unbuilt model"] = FormattingSamples.SpiralModel(),
            ["single layer"] = new Linear(4),
            ["model summary"] = built.Summary(),
            ["optimizer"] = new Adam(0.001),
            ["schedule"] = new StepDecay(10, 0.5),
            ["schedule comparison"] = SchedulePreview.Compare(20, 50, 0.1, "step:size=5,gamma=0.5", "onecycle:maxmom=0.95,minmom=0.85"),
            ["dataset"] = Datasets.Digits(),
            ["sweep"] = Sweep.Value,
            ["magic help"] = new Interactive.DlExt.Notebook.MagicHelp(Interactive.DlExt.Notebook.DlExtMagics.All),
            ["training status"] = new Interactive.DlExt.Notebook.TrainingStatus("preparing training…"),
        };
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void The_kernel_formatter_renders_our_html_view_through_the_attribute_named_by_string(string sample)
    {
        var value = SampleValues()[sample];

        var html = Formatter.ToDisplayString(value, "text/html");

        Assert.Equal(Html.Render(value), html);
        Assert.StartsWith("<div class=\"dlext-", html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void The_kernel_formatter_renders_our_plain_text_summary(string sample)
    {
        var value = SampleValues()[sample];

        var text = Formatter.ToDisplayString(value, "text/plain");

        Assert.Equal(Html.RenderText(value), text);
        Assert.False(string.IsNullOrWhiteSpace(text));
    }

    [Theory]
    [InlineData(typeof(TrainingHistory))]
    [InlineData(typeof(EvaluationResult))]
    [InlineData(typeof(ConfusionMatrix))]
    [InlineData(typeof(Layer))]
    [InlineData(typeof(ModelSummary))]
    [InlineData(typeof(Optimizer))]
    [InlineData(typeof(LearningRateSchedule))]
    [InlineData(typeof(ScheduleComparison))]
    [InlineData(typeof(Dataset))]
    [InlineData(typeof(Search.SweepResult))]
    [InlineData(typeof(Interactive.DlExt.Notebook.MagicHelp))]
    [InlineData(typeof(Interactive.DlExt.Notebook.TrainingStatus))]
    public void Each_engine_result_type_names_the_source_that_resolves_to_the_package_type(Type type)
    {
        var attribute = type.GetCustomAttributes(inherit: true).Single(a => a.GetType().Name == "TypeFormatterSourceAttribute");
        var sourceType = attribute.GetType().GetProperty("FormatterSourceType")!.GetValue(attribute);
        var preferred = (string[])attribute.GetType().GetProperty("PreferredMimeTypes")!.GetValue(attribute)!;

        Assert.Equal(typeof(DlExtFormatterSource), sourceType);
        Assert.Equal(["text/html", "text/plain"], preferred);
    }

    [Fact]
    public void Every_formatter_has_the_single_format_method_the_kernel_convention_requires()
    {
        var formatters = new DlExtFormatterSource().CreateTypeFormatters().Cast<object>().ToList();

        Assert.Equal(ViewCatalog.Entries.Count * 2, formatters.Count);
        foreach (var formatter in formatters)
        {
            var formats = formatter.GetType().GetMethods(BindingFlags.Public | BindingFlags.Instance).Where(m => m.Name == "Format").ToList();
            var method = Assert.Single(formats);
            Assert.Equal(typeof(bool), method.ReturnType);
            Assert.Equal([typeof(object), typeof(TextWriter)], method.GetParameters().Select(p => p.ParameterType));
        }
    }

    [Fact]
    public void A_formatter_declines_a_value_of_another_type()
    {
        var formatter = new DlExtFormatterSource().CreateTypeFormatters().Cast<DlExtTypeFormatter>().First(f => f.Type == typeof(Dataset));
        using var writer = new StringWriter();

        Assert.False(formatter.Format("not a dataset", writer));
        Assert.Equal(string.Empty, writer.ToString());
    }

    [Fact]
    public void The_notebook_records_have_views_ready_for_their_attribute()
    {
        var help = new MagicHelp([new MagicSpec("#!train", "Trains a model", [new MagicOption("--epochs", "Passes over the data", MagicOptionKind.WholeNumber) { Default = "10" }], "#!train --epochs 5")]);
        var status = new TrainingStatus("epoch 3/10");

        Assert.StartsWith("<div class=\"dlext-help\"", Html.Render(help), StringComparison.Ordinal);
        Assert.Contains("--epochs", Html.Render(help), StringComparison.Ordinal);
        Assert.StartsWith("<div class=\"dlext-status\"", Html.Render(status), StringComparison.Ordinal);
        Assert.Equal("epoch 3/10", Html.RenderText(status));
    }

    [Fact]
    public void The_package_attribute_for_the_notebook_records_has_the_shape_the_kernel_looks_for()
    {
        var attribute = new Interactive.DlExt.Formatting.TypeFormatterSourceAttribute(typeof(DlExtFormatterSource));

        Assert.Equal("TypeFormatterSourceAttribute", attribute.GetType().Name);
        Assert.Equal(typeof(DlExtFormatterSource), attribute.GetType().GetProperty("FormatterSourceType")!.GetValue(attribute));
        Assert.Equal(["text/html", "text/plain"], (string[])attribute.GetType().GetProperty("PreferredMimeTypes")!.GetValue(attribute)!);
        Assert.Same(ViewCatalog.Find(typeof(IHtmlView)), ViewCatalog.Find(typeof(MagicHelp)));
        Assert.Same(ViewCatalog.Find(typeof(IHtmlView)), ViewCatalog.Find(typeof(TrainingStatus)));
        Assert.StartsWith("<div class=\"dlext-status\"", Html.Render(new TrainingStatus("loading")), StringComparison.Ordinal);
    }
}
