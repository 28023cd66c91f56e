using Interactive.DlExt.Tests.Support;

namespace Interactive.DlExt.Tests.Notebooks;

public sealed class NotebookTests
{
    public static TheoryData<string> Notebooks()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(Repository.PathOf("notebooks"), "*.ipynb").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(path));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task Every_csharp_cell_and_magic_of_the_notebook_runs_without_error(string notebook)
    {
        var runner = new NotebookRunner();
        var workingDirectory = Directory.CreateTempSubdirectory("dlext-notebook-");
        var previous = Environment.CurrentDirectory;
        Environment.CurrentDirectory = workingDirectory.FullName;
        try
        {
            await runner.RunAsync(Repository.PathOf("notebooks", notebook));
        }
        finally
        {
            Environment.CurrentDirectory = previous;
        }

        Assert.NotEmpty(runner.Displayed);
    }

    [Fact]
    public async Task The_quickstart_trains_to_a_good_test_accuracy_and_stores_its_variables()
    {
        var runner = new NotebookRunner();

        await runner.RunAsync(Repository.PathOf("notebooks", "01-quickstart.ipynb"));

        Assert.True(runner.TryGetVariable("history", out var history));
        Assert.Equal(20, Assert.IsType<TrainingHistory>(history).Epochs.Count);
        Assert.True(runner.TryGetVariable("result", out var result));
        Assert.True(Assert.IsType<EvaluationResult>(result).Accuracy > 0.93);
        Assert.IsType<double>(runner.Displayed[^1]);
    }

    [Fact]
    public async Task A_failing_cell_is_reported_with_its_number()
    {
        var runner = new NotebookRunner();
        var path = Path.Combine(Directory.CreateTempSubdirectory("dlext-nb-").FullName, "broken.ipynb");
        File.WriteAllText(path, """
            {"cells":[{"cell_type":"code","metadata":{},"source":["var x = 1;"]},
                      {"cell_type":"code","metadata":{},"source":["#!train nothere --epochs 1"]}],
             "metadata":{},"nbformat":4,"nbformat_minor":5}
            """);

        var e = await Assert.ThrowsAnyAsync<Xunit.Sdk.XunitException>(() => runner.RunAsync(path));

        Assert.Contains("C# cell 2 failed", e.Message, StringComparison.Ordinal);
        Assert.Contains("no C# variable named 'nothere'", e.Message, StringComparison.Ordinal);
    }
}
