using System.Globalization;
using Interactive.DlExt.Search;

namespace Interactive.DlExt.Tests.Core;

public class NumberTextTests
{
    [Theory]
    [InlineData(1e-5, 6, "1e-5")]
    [InlineData(3.918e-5, 6, "3.918e-5")]
    [InlineData(2.24625e-5, 6, "2.24625e-5")]
    [InlineData(0.001, 6, "0.001")]
    [InlineData(0.1, 6, "0.1")]
    [InlineData(25_000_000.0, 6, "2.5e7")]
    [InlineData(-1.5e-12, 6, "-1.5e-12")]
    [InlineData(4.0559e-6, 4, "4.056e-6")]
    [InlineData(0, 6, "0")]
    public void Small_and_large_numbers_are_written_with_a_short_exponent_as_papers_write_them(double value, int digits, string expected)
    {
        Assert.Equal(expected, NumberText.General(value, digits));
    }

    [Theory]
    [InlineData(5e-4, "0.#E+0", "5e-4")]
    [InlineData(1.0, "0.#E+0", "1e0")]
    [InlineData(25_000.0, "0.#E+0", "2.5e4")]
    [InlineData(3.67e-6, "G3", "3.67e-6")]
    [InlineData(1234.6, "N0", "1,235")]
    public void A_custom_format_keeps_its_digits_and_gets_the_short_exponent(double value, string format, string expected)
    {
        Assert.Equal(expected, NumberText.Format(value, format));
    }

    [Theory]
    [InlineData(1e-5)]
    [InlineData(3.918e-5)]
    [InlineData(123456.0)]
    [InlineData(7.5e-300)]
    public void The_text_parses_back_to_the_same_double_at_six_digits(double value)
    {
        Assert.Equal(value, double.Parse(NumberText.General(value), CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_search_parameter_choice_and_its_trial_text_use_the_same_form()
    {
        var space = SearchSpace.Create().Choice("lr", 0.1, 0.001, 1e-5);

        Assert.Equal("0.1,0.001,1e-5", space.Parameters[0].Describe());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(18)]
    public void Digits_outside_1_to_17_are_refused(int digits)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NumberText.General(1.0, digits));
    }
}
