using Interactive.DlExt.Cli.Grading;

namespace Interactive.DlExt.Cli.Tests.Grading;

/// <summary>An executed notebook as dotnet-repl 0.3.259 writes it (outputs copied from a real run).</summary>
public sealed class ExecutedNotebookTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dlext-executed-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private const string Executed = """
        {"cells": [
          {"cell_type": "markdown", "metadata": {}, "source": ["# Homework"]},
          {"cell_type": "code", "metadata": {}, "source": ["var x = 1;"], "outputs": [{"output_type": "stream", "name": "stdout", "text": ["printed\n"]}]},
          {"cell_type": "code", "metadata": {}, "source": ["throw new InvalidOperationException(\"boom\");"], "outputs": [{"ename": "Error",
            "evalue": "System.InvalidOperationException: boom\n   at Submission#3.<<Initialize>>d__0.MoveNext()", "output_type": "error", "traceback": ["   at Submission#3"]}]},
          {"cell_type": "code", "metadata": {}, "source": ["int y = \"s\";"], "outputs": [{"ename": "Error", "evalue": "(1,9): error CS0029: Cannot implicitly convert type 'string' to 'int'", "output_type": "error", "traceback": [""]}]},
          {"cell_type": "code", "metadata": {}, "source": ["File.ReadAllLines(\"data.csv\")"], "outputs": [{"ename": "Error", "evalue": "System.IO.FileNotFoundException: Could not find file 'WORK/data.csv'.\nFile name: 'WORK/data.csv'", "output_type": "error", "traceback": []}]},
          {"cell_type": "code", "metadata": {}, "source": ["#!expect history --val-accuracy 0.8"], "outputs": [{"output_type": "display_data", "metadata": {}, "data": {"text/plain": ["history: 1 of 2 checks passed"],
            "text/html": ["<div class=\"dlext-expect\" style=\"x\"><div style=\"font-weight:600\">Checks on history: 1 of 2 passed</div><table style=\"border-collapse:collapse;margin:4px 0\"><tbody>",
              "<tr class=\"check-pass\"><td style=\"padding:2px 8px;color:#1b7f3b\">✓ pass</td><td style=\"padding:2px 8px\">validation accuracy ≥ 0.8 by epoch 3</td><td style=\"padding:2px 8px;color:#555\">0.8229 at epoch 2</td></tr>",
              "<tr class=\"check-fail\"><td style=\"padding:2px 8px;color:#b00020\">✗ fail</td><td style=\"padding:2px 8px\">the test set is touched once</td><td style=\"padding:2px 8px;color:#555\">2 use(s): evaluated as &#39;digits (test)&#39;, evaluated as &#39;digits (test)&#39;</td></tr></tbody></table></div>"]}}]},
          {"cell_type": "code", "metadata": {}, "source": ["#!verify run.json"], "outputs": [{"output_type": "display_data", "metadata": {}, "data": {"text/html": ["<div class=\"dlext-verify\" style=\"x\"><div style=\"color:#b00020;font-weight:700\">✗ differs: epoch 2: train loss is 0.5, the manifest says 0.4</div></div>"]}},
            {"output_type": "display_data", "metadata": {}, "data": {"text/html": ["<div class=\"dlext-verify\" style=\"x\"><div style=\"color:#1b7f3b;font-weight:700\">✓ bit-identical</div></div>"]}}]}
        ], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
        """;

    [Fact]
    public void Each_failed_cell_is_named_by_its_position_with_the_first_line_of_its_error_and_the_scratch_folder_shown_as_dot()
    {
        var path = Path.Combine(_folder, "executed.ipynb");
        File.WriteAllText(path, Executed.Replace("WORK", "/tmp/dlext-grade-1/work", StringComparison.Ordinal));

        var executed = ExecutedNotebook.Read(path, "/tmp/dlext-grade-1/work");

        Assert.Equal(6, executed.CodeCells);
        Assert.Equal(
        [
            new CellFailure(3, "System.InvalidOperationException: boom"),
            new CellFailure(4, "(1,9): error CS0029: Cannot implicitly convert type 'string' to 'int'"),
            new CellFailure(5, "System.IO.FileNotFoundException: Could not find file './data.csv'."),
        ], executed.Failures);
        Assert.Equal("cell 3: System.InvalidOperationException: boom", executed.Failures[0].ToString());
    }

    [Fact]
    public void The_rubric_checks_and_verify_outcomes_are_read_from_their_views()
    {
        var path = Path.Combine(_folder, "executed.ipynb");
        File.WriteAllText(path, Executed);

        var executed = ExecutedNotebook.Read(path, "/nowhere");

        Assert.Equal(
        [
            new ExpectationResult("validation accuracy ≥ 0.8 by epoch 3", true, "0.8229 at epoch 2"),
            new ExpectationResult("the test set is touched once", false, "2 use(s): evaluated as 'digits (test)', evaluated as 'digits (test)'"),
        ], executed.Checks);
        Assert.Equal(["differs: epoch 2: train loss is 0.5, the manifest says 0.4", "bit-identical"], executed.Verifications);
    }
}
