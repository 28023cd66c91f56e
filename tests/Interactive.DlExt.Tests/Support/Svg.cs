using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Interactive.DlExt.Tests.Support;

/// <summary>Parses chart output the way a browser does (SVG inside HTML), for structural assertions.</summary>
public static class Svg
{
    public static IElement Parse(string svg)
    {
        var document = new HtmlParser().ParseDocument("<!DOCTYPE html><html><body>" + svg + "</body></html>");
        var roots = document.Body!.Children;
        Assert.Single(roots);
        Assert.Equal("svg", roots[0].LocalName);
        return roots[0];
    }

    public static IReadOnlyList<string> Texts(IElement root, string selector) =>
        root.QuerySelectorAll(selector).Select(e => e.TextContent).ToList();
}
