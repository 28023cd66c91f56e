namespace Interactive.DlExt.Tests.Descent;

public sealed class SurfacesTests
{
    public static TheoryData<string> Names => [.. Surfaces.Names, "bowl:condition=7", "x^2 - 3*x*y + sin(y)"];

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_surface_has_the_gradient_of_its_values(string name)
    {
        var surface = Surfaces.Parse(name);
        const double h = 1e-6;
        var d = surface.Domain;
        foreach (var (x, y) in new[] { surface.Start, (d.XMin * 0.3, d.YMax * 0.7), (d.XMax * 0.6, d.YMin * 0.2) })
        {
            var exact = surface.Evaluate(x, y);
            var dx = (surface.Value(x + h, y) - surface.Value(x - h, y)) / (2 * h);
            var dy = (surface.Value(x, y + h) - surface.Value(x, y - h)) / (2 * h);
            var scale = Math.Max(1, Math.Abs(exact.Dx) + Math.Abs(exact.Dy));
            Assert.True(Math.Abs(dx - exact.Dx) < 1e-6 * scale && Math.Abs(dy - exact.Dy) < 1e-6 * scale,
                $"{name} at ({x}, {y}): exact ({exact.Dx}, {exact.Dy}), differences ({dx}, {dy})");
        }
    }

    [Theory]
    [InlineData("bowl")]
    [InlineData("elongated")]
    [InlineData("rosenbrock")]
    [InlineData("beale")]
    [InlineData("himmelblau")]
    public void Each_listed_minimum_is_flat_and_at_the_minimum_value(string name)
    {
        var surface = Surfaces.Parse(name);

        Assert.NotEmpty(surface.Minima);
        foreach (var (x, y) in surface.Minima)
        {
            var here = surface.Evaluate(x, y);
            Assert.Equal(surface.MinimumValue!.Value, here.Value, 8);
            Assert.True(here.GradientNorm < 1e-4, $"{name} at ({x}, {y}): ‖∇f‖ = {here.GradientNorm}");
        }
    }

    [Fact]
    public void Bowls_take_a_condition_number_and_elongated_defaults_to_ten()
    {
        Assert.Equal(1, ((QuadraticBowl)Surfaces.Parse("bowl")).Condition);
        Assert.Equal(Surfaces.DefaultElongatedCondition, ((QuadraticBowl)Surfaces.Parse("elongated")).Condition);
        Assert.Equal(4, ((QuadraticBowl)Surfaces.Parse(" Elongated:condition=4 ")).Condition);
        Assert.Equal("½(x² + 4·y²)", Surfaces.Parse("bowl:condition=4").Formula);
    }

    [Theory]
    [InlineData("bowel", "(did you mean bowl?)")]
    [InlineData("bowl:condition=0.5", "K a number in [1, 10000]")]
    [InlineData("bowl:size=3", "K a number in [1, 10000]")]
    [InlineData("rosenbrock:condition=3", "no settings after rosenbrock")]
    [InlineData("2 + 3", "a formula that depends on x or y")]
    [InlineData("x^", "the formula ends too early")]
    public void A_bad_surface_is_refused_with_what_is_accepted(string text, string expected)
    {
        var e = Assert.Throws<DlExtArgumentException>(() => Surfaces.Parse(text, parameter: "--surface"));

        Assert.Equal("--surface", e.ParamName);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_formula_is_drawn_on_its_domain_and_starts_near_the_top_left()
    {
        var surface = Surfaces.Parse("x^2 + y^2", new SurfaceDomain(-2, 2, -1, 1));

        Assert.Equal(new SurfaceDomain(-2, 2, -1, 1), surface.Domain);
        Assert.Equal((-1.5, 0.75), surface.Start);
        Assert.Null(surface.MinimumValue);
    }

    [Theory]
    [InlineData("1,2,3")]
    [InlineData("3,1,0,1")]
    [InlineData("a,b,c,d")]
    public void A_domain_needs_four_ordered_numbers(string text)
    {
        var e = Assert.Throws<DlExtArgumentException>(() => SurfaceDomain.Parse(text, "--domain"));

        Assert.Equal("--domain", e.ParamName);
        Assert.Contains("xmin,xmax,ymin,ymax", e.Message, StringComparison.Ordinal);
    }
}
