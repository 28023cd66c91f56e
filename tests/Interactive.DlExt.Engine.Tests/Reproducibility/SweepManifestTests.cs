using Interactive.DlExt.Search;
using Interactive.DlExt.Tests.Search;

namespace Interactive.DlExt.Tests.Reproducibility;

public sealed class SweepManifestTests
{
    [Fact]
    public void A_sweeps_manifest_records_its_settings_seed_data_and_every_trial_and_survives_json()
    {
        var result = Sweep.Run(new SweepSamples().Request(trials: 4, epochs: 2) with { Seed = 7 });

        var manifest = result.ManifestFor("#!sweep makeModel --trials 4");
        var read = RunManifest.Parse(manifest.ToJson());

        Assert.Equal(RunManifest.SweepKind, read.Kind);
        Assert.Equal("#!sweep makeModel --trials 4", read.Command);
        Assert.Equal("7", read.Seeds["sweep"]);
        Assert.Equal("random", read.Hyperparameters["strategy"]);
        Assert.Equal("4", read.Hyperparameters["trials"]);
        Assert.Equal(["train", "validation"], read.Data.Select(d => d.Role));
        Assert.Equal(4, read.Trials.Count);
        Assert.All(read.Trials.Zip(result.Trials), p =>
        {
            Assert.Equal(p.Second.Number, p.First.Number);
            Assert.Equal(p.Second.Value, p.First.Value);
            Assert.Equal(p.Second.Curve, p.First.Curve);
            Assert.Contains("\"lr\":", p.First.Parameters, StringComparison.Ordinal);
        });
        Assert.Equal(result.Best!.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), read.FinalMetrics["best trial"]);
        Assert.True(ManifestComparison.Compare(manifest, read).IsIdentical);
        Assert.Null(read.WeightsSha256);
    }

    [Fact]
    public void A_rerun_of_the_same_sweep_is_identical_and_one_with_another_seed_names_the_first_trial_that_differs()
    {
        var first = Sweep.Run(new SweepSamples().Request(trials: 3, epochs: 2)).ManifestFor();
        var again = Sweep.Run(new SweepSamples().Request(trials: 3, epochs: 2)).ManifestFor();
        var reseeded = Sweep.Run(new SweepSamples().Request(trials: 3, epochs: 2) with { Seed = 99 }).ManifestFor();

        Assert.True(ManifestComparison.Compare(first, again).IsIdentical);
        var comparison = ManifestComparison.Compare(first, reseeded);
        Assert.False(comparison.IsIdentical);
        Assert.Contains(comparison.Differences, d => d.StartsWith("trial #0 Completed value", StringComparison.Ordinal) && d.Contains("the manifest says trial #0", StringComparison.Ordinal));
        Assert.Contains("another seed", comparison.LikelyCause, StringComparison.Ordinal);
    }

    [Fact]
    public void A_saved_sweep_manifest_is_written_whole_and_read_back()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("dlext-sweep-manifest-").FullName, "sweep.json");
        var result = Sweep.Run(new SweepSamples().Request(trials: 2, epochs: 1));

        result.SaveManifest(path, "#!sweep");

        var loaded = RunManifest.Load(path);
        Assert.Equal(2, loaded.Trials.Count);
        Assert.Contains("sweep manifest: 2 trials", loaded.ToString(), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!, "*.tmp*"));
    }
}
