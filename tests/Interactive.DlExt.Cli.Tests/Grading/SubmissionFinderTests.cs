using Interactive.DlExt.Cli.Grading;

namespace Interactive.DlExt.Cli.Tests.Grading;

public sealed class SubmissionFinderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dlext-finder-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private void Touch(params string[] parts)
    {
        var path = Path.Combine([_folder, .. parts]);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "");
    }

    [Fact]
    public void Lone_notebooks_and_folders_are_submissions_in_name_order_and_other_files_and_hidden_folders_are_not()
    {
        Touch("zoe.ipynb");
        Touch("carol.dib");
        Touch("readme.txt");
        Touch("alice", "homework.ipynb");
        Touch("alice", "run.json");
        Touch("bob", "work", "hw.ipynb");
        Touch(".git", "x.ipynb");
        Touch("dan", ".ipynb_checkpoints", "homework-checkpoint.ipynb");
        Touch("dan", "homework.ipynb");

        var found = SubmissionFinder.Find(_folder);

        Assert.Equal(
        [
            ("alice", "homework.ipynb", null),
            ("bob", Path.Combine("work", "hw.ipynb"), null),
            ("carol.dib", "carol.dib", null),
            ("dan", "homework.ipynb", null),
            ("zoe.ipynb", "zoe.ipynb", (string?)null),
        ], found.Select(s => (s.Name, s.NotebookName, s.Problem)));
        Assert.Equal(Path.Combine(_folder, "alice"), found[0].Folder);
        Assert.Null(found[2].Folder);
    }

    [Fact]
    public void A_folder_with_no_notebook_or_several_is_listed_with_the_problem()
    {
        Touch("erin", "run.json");
        Touch("frank", "a.ipynb");
        Touch("frank", "b.ipynb");

        var found = SubmissionFinder.Find(_folder);

        Assert.Equal(
        [
            ("erin", "no notebook (.ipynb or .dib) in the folder"),
            ("frank", "several notebooks (a.ipynb, b.ipynb): a submission folder holds one"),
        ], found.Select(s => (s.Name, s.Problem!)));
        Assert.All(found, s => Assert.Null(s.Notebook));
    }
}
