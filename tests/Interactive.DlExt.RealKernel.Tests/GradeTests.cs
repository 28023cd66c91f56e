using System.Globalization;
using System.Text.Json.Nodes;
using Interactive.DlExt.Notebook;
using Interactive.DlExt.RealKernel.Tests.Support;

namespace Interactive.DlExt.RealKernel.Tests;

/// <summary>
/// <c>dlext grade</c> on a class of six homework submissions (Fixtures/submissions) through dotnet-repl and the served
/// kernel, loading this build from its packed feed: alice hands in the manifest of her own run, bob an edited one, carol
/// evaluates on the test set twice and misses a rubric check, dave's notebook is not JSON, erin's loops forever and frank's
/// reads a data file he did not hand in.
/// </summary>
[Collection(RealKernelGroup.Name)]
public sealed class GradeTests(PackedBuild build, ITestOutputHelper log) : IDisposable
{
    private const int TimeoutSeconds = 60;
    private readonly string _folder = Directory.CreateTempSubdirectory("dlext-grade-class-").FullName;

    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("DLEXT_KEEP_GRADES") != "1")
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static string Fixture => Repository.PathOf("tests", "Interactive.DlExt.RealKernel.Tests", "Fixtures", "submissions");

    [Fact]
    public async Task Grading_a_class_reports_each_submission_verified_failed_timed_out_or_unparsable_and_the_batch_goes_on()
    {
        var submissions = Path.Combine(_folder, "submissions");
        Copy(Fixture, submissions);
        var alice = await StudentRun(Path.Combine(submissions, "alice"));
        var edited = alice with
        {
            Epochs = [.. alice.Epochs.Take(2), alice.Epochs[2] with { ValidationAccuracy = 0.97 }],
            FinalMetrics = new SortedDictionary<string, string>(alice.FinalMetrics.ToDictionary(), StringComparer.Ordinal) { ["validation accuracy"] = "0.97" },
        };
        edited.Save(Path.Combine(submissions, "bob", "run.json"));
        var handedIn = Directory.EnumerateFiles(submissions, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllBytes);

        var grades = Path.Combine(_folder, "grades");
        var dlext = Repository.PathOf("src", "Interactive.DlExt.Cli", "bin", Repository.Configuration, "net10.0", "dlext.dll");
        var (code, output) = Repository.Run("dotnet", ["exec", dlext, "grade", submissions, "--out", grades, "--timeout", TimeoutSeconds.ToString(CultureInfo.InvariantCulture),
            "--package-source", build.PackagesSource], TimeSpan.FromMinutes(8));
        log.WriteLine(output);
        log.WriteLine("grades: " + grades);

        Assert.True(code == 0, output);
        Assert.Equal(handedIn.Keys.Order(), Directory.EnumerateFiles(submissions, "*", SearchOption.AllDirectories).Order());
        Assert.All(handedIn, f => Assert.Equal(f.Value, File.ReadAllBytes(f.Key)));
        var rows = CsvTable.Read(File.ReadAllText(Path.Combine(grades, "summary.csv"))).ToDictionary(r => r["submission"]);
        Assert.Equal(["alice", "bob", "carol.ipynb", "dave.ipynb", "erin", "frank"], rows.Keys);

        var a = rows["alice"];
        Assert.Equal(("yes", "all 6 code cells succeeded", ""), (a["ran"], a["outcome"], a["failed cells"]));
        Assert.Equal("run.json (training) | test.json (evaluation)", a["manifests"]);
        Assert.Equal("run.json: verified (bit-identical) | test.json: no submitted manifest to verify", a["verification"]);
        Assert.Equal(("1", "4 of 4 passed"), (a["test-set accesses"], a["rubric"]));
        Assert.Equal(alice.FinalMetrics["validation accuracy"], a["run.json: validation accuracy"]);
        Assert.Equal(alice.FinalMetrics["train loss"], a["run.json: train loss"]);
        var test = RunManifest.Load(Path.Combine(_folder, "test.json"));
        Assert.Equal(test.FinalMetrics["accuracy"], a["test.json: accuracy"]);
        Assert.Equal("executed/alice.ipynb", a["executed notebook"].Replace('\\', '/'));
        Assert.True(File.Exists(Path.Combine(grades, "executed", "alice.ipynb")));

        var b = rows["bob"];
        Assert.Equal(("yes", "all 6 code cells succeeded"), (b["ran"], b["outcome"]));
        Assert.StartsWith("run.json: not verified: epoch 3: validation accuracy is " + R(alice.Epochs[2].ValidationAccuracy!.Value) + ", the manifest says 0.97 (likely cause: ",
            b["verification"], StringComparison.Ordinal);
        Assert.Equal(alice.FinalMetrics["validation accuracy"], b["run.json: validation accuracy"]);

        var c = rows["carol.ipynb"];
        Assert.Equal(("yes", "all 7 code cells succeeded"), (c["ran"], c["outcome"]));
        Assert.Equal("run.json: no submitted manifest to verify | test.json: no submitted manifest to verify", c["verification"]);
        Assert.Equal(("2", "#1 evaluated 'digits (test)' | #2 evaluated 'digits (test)'"), (c["test-set accesses"], c["test-set uses"]));
        Assert.Equal("2 of 4 passed", c["rubric"]);
        Assert.StartsWith("FAIL: validation accuracy ≥ 0.99 by epoch 2 (best ", c["rubric checks"], StringComparison.Ordinal);
        Assert.EndsWith(" | FAIL: the test set is touched once (2 uses: evaluated as 'digits (test)' ×2)", c["rubric checks"], StringComparison.Ordinal);

        var d = rows["dave.ipynb"];
        Assert.Equal(("no", "does not parse: the notebook is not valid JSON at line 9, column 4: '\"' is invalid after a value. Expected either ',', '}', or ']'."), (d["ran"], d["outcome"]));

        var e = rows["erin"];
        Assert.Equal(("no", $"timed out after {TimeoutSeconds} s in cell 5 (var epochs = 0;)"), (e["ran"], e["outcome"]));
        Assert.Equal("run.json (training)", e["manifests"]);
        Assert.Equal("", e["executed notebook"]);

        var f = rows["frank"];
        Assert.Equal(("yes", "1 of 7 code cells failed"), (f["ran"], f["outcome"]));
        Assert.Equal("cell 4: System.IO.FileNotFoundException: Could not find file './my-features.csv'.", f["failed cells"]);
        Assert.Equal("4 of 4 passed", f["rubric"]);

        var html = File.ReadAllText(Path.Combine(grades, "summary.html"));
        Assert.Contains("6 submission(s): 3 ran without errors, 1 ran with failed cells, 2 did not run.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
    }

    /// <summary>Alice's own run: the homework's #!train line in this process (the manifest she hands in), and its test
    /// evaluation for comparison.</summary>
    private async Task<RunManifest> StudentRun(string folder)
    {
        var cells = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "homework.ipynb")))!["cells"]!.AsArray()
            .Select(c => string.Concat(c!["source"]!.AsArray().Select(l => (string?)l))).ToList();
        var trainLine = cells.Single(c => c.StartsWith("#!train", StringComparison.Ordinal));
        Assert.Contains("--manifest run.json", trainLine, StringComparison.Ordinal);
        var (train, test) = DataSplit.TrainTest(Datasets.Digits(flatten: true), 0.2, seed: 1);
        var model = new Sequential(new Linear(64, 32), new ReLU(), new Linear(32, 10));
        model.Build([64], seed: 1);
        var host = new QuietHost();
        await host.SetVariableAsync("model", model, typeof(Sequential));
        await host.SetVariableAsync("train", train, typeof(Dataset));
        await host.SetVariableAsync("test", test, typeof(Dataset));
        var manifest = Path.Combine(folder, "run.json");
        await MagicInvoker.InvokeAsync(host, trainLine.Replace("--manifest run.json", "--manifest " + manifest, StringComparison.Ordinal), DlExtMagics.Train.Name);
        await MagicInvoker.InvokeAsync(host, "#!evaluate model --data test --manifest " + Path.Combine(_folder, "test.json"), DlExtMagics.Evaluate.Name);
        return RunManifest.Load(manifest);
    }

    private static string R(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static void Copy(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        foreach (var folder in Directory.EnumerateDirectories(source))
        {
            Copy(folder, Path.Combine(target, Path.GetFileName(folder)));
        }
    }
}
