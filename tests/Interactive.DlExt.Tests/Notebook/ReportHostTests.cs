using AngleSharp.Html.Parser;
using Interactive.DlExt.Notebook;

namespace Interactive.DlExt.Tests.Notebook;

[Collection("Formatter")]
public sealed class ReportHostTests
{
    [Fact]
    public async Task A_report_holds_the_final_state_of_every_output_in_order()
    {
        var console = new StringWriter();
        var host = new ReportHost(new ConsoleHost(console));
        var (train, test) = DataSplit.TrainTest(Datasets.Digits(flatten: true), 0.2, 1);
        host.Variables["model"] = new Sequential(new Linear(64, 32), new ReLU(), new Linear(32, 10));
        host.Variables["train"] = train;
        host.Variables["test"] = test;
        var path = Path.Combine(Directory.CreateTempSubdirectory("dlext-report-").FullName, "report.html");

        await MagicInvoker.InvokeAsync(host, "#!train model --data train --epochs 3 --out history", "#!train");
        await MagicInvoker.InvokeAsync(host, "#!evaluate model --data test", "#!evaluate");
        host.Save(path, "Homework 1");

        Assert.Collection(host.Outputs, o => Assert.True(Assert.IsType<TrainingHistory>(o).IsComplete), o => Assert.IsType<EvaluationResult>(o));
        var document = new HtmlParser().ParseDocument(File.ReadAllText(path));
        Assert.Equal("Homework 1", document.Title);
        Assert.True(document.QuerySelectorAll("svg").Length >= 2);
        Assert.Empty(document.QuerySelectorAll("script"));
        Assert.Contains(": completed 3 epochs", console.ToString(), StringComparison.Ordinal); // echoed to the console too
        Assert.IsType<TrainingHistory>(host.Variables["history"]);
    }

    [Fact]
    public async Task The_report_option_of_train_writes_a_self_contained_page()
    {
        var host = new ReportHost();
        host.Variables["model"] = new Sequential(new Linear(64, 10));
        var folder = Directory.CreateTempSubdirectory("dlext-report-").FullName;
        var path = Path.Combine(folder, "run.html");

        await MagicInvoker.InvokeAsync(host, $"#!train model --epochs 2 --quiet --report \"{path}\"", "#!train");

        Assert.Equal("report: " + path, Assert.IsType<TrainingStatus>(host.Outputs[^1]).Message);
        var html = File.ReadAllText(path);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.OrdinalIgnoreCase);
        var links = new HtmlParser().ParseDocument(html).QuerySelectorAll("[src], [href], link, script");
        Assert.All(links, e => Assert.DoesNotMatch("^(https?:)?//", e.GetAttribute("src") ?? e.GetAttribute("href") ?? string.Empty));
        Assert.Single(Directory.GetFiles(folder)); // no temp file left behind
    }
}
