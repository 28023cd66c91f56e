namespace Interactive.DlExt.Tests.Data;

public sealed class CsvReaderTests
{
    [Fact]
    public void The_last_column_is_the_label_by_default()
    {
        using var temp = new TempFolder();
        var path = temp.File("iris.csv");
        File.WriteAllText(path, "1.5,2,0\n-3e1, 4 ,2\n\n5,6.25,1\n");
        var data = CsvReader.Read(path);
        Assert.Equal([3, 2], data.Features.Shape);
        Assert.Equal([1.5f, 2f, -30f, 4f, 5f, 6.25f], data.Features.Data);
        Assert.Equal([0f, 2f, 1f], data.Targets.Data);
        Assert.Equal(3, data.ClassCount);
        Assert.Equal("iris", data.Name);
    }

    [Fact]
    public void A_header_another_separator_and_a_label_column_are_honoured()
    {
        var text = "label;a;b\n1;0.5;7\n0;1.5;8\n";
        var data = CsvReader.Parse(new StringReader(text), "t.csv", new CsvOptions { HasHeader = true, Separator = ';', LabelColumn = 0 });
        Assert.Equal([0.5f, 7f, 1.5f, 8f], data.Features.Data);
        Assert.Equal([1f, 0f], data.Targets.Data);
        Assert.Equal(2, data.ClassCount);
    }

    [Fact]
    public void Regression_targets_are_values_shaped_count_by_one()
    {
        var data = CsvReader.Parse(new StringReader("1,2.5\n3,-0.5\n"), "r.csv", new CsvOptions { Regression = true });
        Assert.Equal([2, 1], data.Targets.Shape);
        Assert.Equal([2.5f, -0.5f], data.Targets.Data);
        Assert.False(data.IsClassification);
    }

    [Fact]
    public void A_gzip_csv_is_read_by_content()
    {
        using var temp = new TempFolder();
        var path = temp.File("t.csv.gz");
        File.WriteAllBytes(path, IdxTestFiles.Gzip("1,2,1\n3,4,0\n"u8.ToArray()));
        var data = CsvReader.Read(path);
        Assert.Equal([1f, 2f, 3f, 4f], data.Features.Data);
        Assert.Equal("t", data.Name);
    }

    [Fact]
    public void A_non_numeric_cell_names_the_file_line_and_column()
    {
        var e = Assert.Throws<DlExtFileException>(() =>
            CsvReader.Parse(new StringReader("1,2,0\n3,4,0\n5,abc,1\n"), "data.csv"));
        Assert.Equal("'data.csv' line 3, column 2: 'abc' is not a number (use '.' as the decimal point).", e.Message);
    }

    [Fact]
    public void A_decimal_comma_is_not_read_as_a_number()
    {
        var e = Assert.Throws<DlExtFileException>(() =>
            CsvReader.Parse(new StringReader("1;2,5;0\n"), "de.csv", new CsvOptions { Separator = ';' }));
        Assert.Contains("line 1, column 2: '2,5'", e.Message, StringComparison.Ordinal);
        Assert.Contains("HasHeader", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_with_another_column_count_is_reported()
    {
        var e = Assert.Throws<DlExtFileException>(() => CsvReader.Parse(new StringReader("1,2,0\n3,0\n"), "d.csv"));
        Assert.Contains("'d.csv' line 2: 2 columns, but line 1 has 3", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fractional_class_label_is_reported_with_a_hint()
    {
        var e = Assert.Throws<DlExtFileException>(() => CsvReader.Parse(new StringReader("1,0.5\n"), "d.csv"));
        Assert.Contains("line 1, column 2: label '0.5' is not a class index", e.Message, StringComparison.Ordinal);
        Assert.Contains("Regression", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_label_column_outside_the_table_is_rejected()
    {
        var e = Assert.Throws<DlExtArgumentException>(() =>
            CsvReader.Parse(new StringReader("1,2\n"), "d.csv", new CsvOptions { LabelColumn = 5 }));
        Assert.Equal("label column", e.ParamName);
    }

    [Fact]
    public void A_huge_class_label_is_refused_naming_the_line_instead_of_overflowing_the_class_count()
    {
        var e = Assert.Throws<DlExtFileException>(() => CsvReader.Parse(new StringReader("1,0\n2,2147483647\n"), "d.csv"));

        Assert.Equal("'d.csv' line 2, column 2: label '2147483647' is not a class index from 0 to 99999 (at most 100000 classes); set Regression for real-valued targets.", e.Message);
    }

    [Fact]
    public void A_label_beyond_the_given_class_count_is_refused()
    {
        var e = Assert.Throws<DlExtFileException>(() => CsvReader.Parse(new StringReader("1,0\n2,3\n"), "d.csv", new CsvOptions { ClassCount = 3 }));

        Assert.Equal("line 2, column 2: label '3' is not a class index from 0 to 2 (the 3 classes given in the options).", e.Problem);
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("1e999")]
    public void A_cell_that_is_not_finite_is_named_as_such(string cell)
    {
        var e = Assert.Throws<DlExtFileException>(() => CsvReader.Parse(new StringReader($"1,0\n{cell},1\n"), "d.csv"));

        Assert.Equal($"line 2, column 1: '{cell}' is not a finite number (a missing or overflowing value: drop or impute it first).", e.Problem);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(100_001)]
    public void A_class_count_outside_its_range_is_refused(int classes)
    {
        var e = Assert.Throws<DlExtArgumentException>(() => CsvReader.Parse(new StringReader("1,0\n"), "d.csv", new CsvOptions { ClassCount = classes }));

        Assert.Equal($"ClassCount = {classes} is not accepted: expected 0 (the largest label + 1) or a class count from 1 to 100000.", e.Reason);
    }
}
