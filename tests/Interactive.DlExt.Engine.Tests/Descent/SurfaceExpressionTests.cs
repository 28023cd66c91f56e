namespace Interactive.DlExt.Tests.Descent;

public sealed class SurfaceExpressionTests
{
    [Theory]
    [InlineData("x^2 + 10*y^2", 1, 2, 41)]
    [InlineData("x^2 + 10y^2", 1, 2, 41)]
    [InlineData("x**2 + 10 * y ** 2", 1, 2, 41)]
    [InlineData("-x^2", 3, 0, -9)]
    [InlineData("2^3^2", 0, 0, 512)]
    [InlineData("2(x + 1)(y - 1)", 1, 3, 8)]
    [InlineData("1.5e1 - x/4 / 2", 4, 0, 14.5)]
    [InlineData("pi * e", 0, 0, Math.PI * Math.E)]
    [InlineData("sqrt(abs(x)) + exp(0) + log(e) + cos(0) + sin(0) + tan(0) + tanh(0) + atan(0)", -16, 0, 7)]
    public void Parse_reads_arithmetic_powers_functions_and_implicit_products(string text, double x, double y, double expected)
    {
        Assert.Equal(expected, SurfaceExpression.Parse(text).Evaluate(x, y).Value, 12);
    }

    [Theory]
    [InlineData(0.7, 1.3)]
    [InlineData(1.9, -0.4)]
    [InlineData(0.2, 2.5)]
    public void Gradients_of_a_formula_match_central_differences(double x, double y)
    {
        var f = SurfaceExpression.Parse("sin(x)*exp(y/2) + sqrt(x^2 + 1) - log(y^2 + 2) + atan(x*y) + tanh(y) + x^y + cos(x - y)/(2 + y^2) + tan(x/3) + abs(x - 5)");
        const double h = 1e-6;

        var exact = f.Evaluate(x, y);
        var dx = (f.Evaluate(x + h, y).Value - f.Evaluate(x - h, y).Value) / (2 * h);
        var dy = (f.Evaluate(x, y + h).Value - f.Evaluate(x, y - h).Value) / (2 * h);

        Assert.Equal(dx, exact.Dx, 6);
        Assert.Equal(dy, exact.Dy, 6);
    }

    [Theory]
    [InlineData("x^^2", "at position 3 ('^') expected a number, x, y, a function or '('")]
    [InlineData("(x + 1", "at position 7 (the end) expected ')' to close the '(' opened earlier")]
    [InlineData("x + foo(y)", "at position 5 ('f') expected x, y, pi, e or a function")]
    [InlineData("xy", "write products with *, e.g. x*y")]
    [InlineData("x + 1)", "at position 6 (')') expected an operator: this ')' has no matching '('")]
    [InlineData("sin x", "at position 5 ('x') expected '(' after the function sin")]
    [InlineData("x +", "(the formula ends too early)")]
    [InlineData("x $ y", "at position 3 ('$') expected an operator")]
    [InlineData("1.2.3 + x", "at position 1 ('1') expected a number (\"1.2.3\" is not one)")]
    public void A_syntax_error_names_its_position_and_what_was_expected(string text, string expected)
    {
        var e = Assert.Throws<DlExtArgumentException>(() => SurfaceExpression.Parse(text, "--surface"));

        Assert.Equal("--surface", e.ParamName);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.Contains($"\"{text}\"", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deep_nesting_and_long_text_are_refused_without_exhausting_the_stack()
    {
        var deep = Assert.Throws<DlExtArgumentException>(() => SurfaceExpression.Parse(new string('(', 240) + "x" + new string(')', 240)));
        var negations = Assert.Throws<DlExtArgumentException>(() => SurfaceExpression.Parse(new string('-', 400) + "x"));
        var tooLong = Assert.Throws<DlExtArgumentException>(() => SurfaceExpression.Parse(string.Concat(Enumerable.Repeat("x+", 300)) + "y"));

        Assert.Contains($"more than {SurfaceExpression.MaxDepth} levels of nesting", deep.Message, StringComparison.Ordinal);
        Assert.Contains($"more than {SurfaceExpression.MaxDepth} levels of nesting", negations.Message, StringComparison.Ordinal);
        Assert.Contains($"at most {SurfaceExpression.MaxLength} characters", tooLong.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_formula_is_refused()
    {
        var e = Assert.Throws<DlExtArgumentException>(() => SurfaceExpression.Parse("  "));

        Assert.Contains("a formula in x and y", e.Message, StringComparison.Ordinal);
    }
}
