using Interactive.DlExt.Cli.Grading;

namespace Interactive.DlExt.Cli.Tests.Grading;

public sealed class SummaryCsvTests
{
    [Fact]
    public void The_csv_has_a_header_then_one_record_per_submission_with_a_column_per_manifest_metric()
    {
        var lines = SummaryCsv.Write(GradeRows.Class).Split("\r\n");

        Assert.Equal(5, lines.Length);
        Assert.Equal("", lines[^1]);
        Assert.Equal("submission,notebook,ran,outcome,failed cells,manifests,verification,test-set accesses,test-set uses,rubric,rubric checks," +
            "run.json: train loss,run.json: validation accuracy,test.json: accuracy,seconds,executed notebook", lines[0]);
        Assert.Equal("alice,homework.ipynb,yes,all 6 code cells succeeded,,run.json (training) | test.json (evaluation)," +
            "run.json: verified (bit-identical) | test.json: no submitted manifest to verify,2,#1 evaluated 'digits (test)' | #2 evaluated 'digits (test)'," +
            "1 of 2 passed,pass: seed 1 (the run used seed 1) | FAIL: the test set is touched once (2 use(s))," +
            "0.80587756633758545,0.90625,0.8997214484679665,18.3,executed/alice.ipynb", lines[1]);
        Assert.Equal("\"bob, \"\"the second\"\"\",hw.ipynb,yes,1 of 6 code cells failed,cell 4: System.IO.FileNotFoundException: Could not find file './my-features.csv'.," +
            ",no manifest written by the run,,,,,,,,9.0,executed/bob.ipynb", lines[2]);
        Assert.Equal("dave.ipynb,dave.ipynb,no,\"does not parse: the notebook is not valid JSON at line 9, column 4: <oops>\",,,,,,,,,,,0.0,", lines[3]);
    }
}
