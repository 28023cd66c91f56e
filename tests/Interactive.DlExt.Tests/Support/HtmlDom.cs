using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Interactive.DlExt.Tests.Support;

/// <summary>Parses a view the way a browser does, for structural assertions.</summary>
public static class HtmlDom
{
    /// <summary>The single wrapper element of a view fragment.</summary>
    public static IElement ParseView(string html)
    {
        var document = new HtmlParser().ParseDocument("<!DOCTYPE html><html><body>" + html + "</body></html>");
        var root = Assert.Single(document.Body!.Children);
        Assert.Equal("div", root.LocalName);
        return root;
    }

    public static IDocument ParseDocument(string html) => new HtmlParser().ParseDocument(html);

    /// <summary>Table body rows that are data rows (not a spanning "…" row).</summary>
    public static IReadOnlyList<IElement> DataRows(IElement table) =>
        table.QuerySelectorAll("tbody tr").Where(r => r.QuerySelector("td[colspan]") is null).ToList();
}
