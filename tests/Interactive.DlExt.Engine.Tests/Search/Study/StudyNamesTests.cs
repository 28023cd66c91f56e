using Interactive.DlExt.Search;

namespace Interactive.DlExt.Tests.Search;

public sealed class StudyNamesTests
{
    [Theory]
    [InlineData("../escape")]
    [InlineData("/etc/passwd")]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("..")]
    [InlineData("a..b")]
    [InlineData(".hidden")]
    [InlineData("")]
    [InlineData(" padded")]
    [InlineData("padded ")]
    [InlineData("tab\there")]
    [InlineData("line\nbreak")]
    [InlineData("what?")]
    [InlineData("c:drive")]
    public void A_path_or_odd_text_is_refused_as_a_study_name_with_what_is_accepted(string name)
    {
        var e = Assert.Throws<DlExtArgumentException>(() => StudyNames.Validate(name, "--study"));

        Assert.Equal("--study", e.ParamName);
        Assert.Contains("no '/', '\\' or '..'", e.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_overlong_name_is_refused_and_one_of_the_maximum_length_is_accepted()
    {
        Assert.Throws<DlExtArgumentException>(() => StudyNames.Validate(new string('a', StudyNames.MaxLength + 1)));
        Assert.Equal(StudyNames.MaxLength, StudyNames.Validate(new string('a', StudyNames.MaxLength)).Length);
    }

    [Theory]
    [InlineData("homework")]
    [InlineData("lr sweep (v2)")]
    [InlineData("mnist_tpe-3.1+bn")]
    [InlineData("étude")]
    public void Ordinary_names_are_accepted(string name) => Assert.Equal(name, StudyNames.Validate(name));

    [Fact]
    public void A_named_study_file_lives_in_its_folder_and_a_path_as_name_is_refused_before_any_file_is_made()
    {
        var folder = Directory.CreateTempSubdirectory("dlext-names-").FullName;
        try
        {
            using (var storage = SqliteStudyStorage.ForName("homework", folder))
            {
                Assert.Equal(Path.Combine(folder, "homework.study.db"), storage.Path);
            }

            var e = Assert.Throws<DlExtArgumentException>(() => SqliteStudyStorage.ForName("../escape", folder));
            Assert.Equal("study name = \"../escape\" is not accepted: expected " + StudyNames.Accepted + ".", e.Reason);
            Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(folder)!, "escape.study.db")));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
