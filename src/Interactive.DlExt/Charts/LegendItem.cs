namespace Interactive.DlExt.Charts;

/// <summary>One legend entry: a coloured symbol and its label.</summary>
internal readonly record struct LegendItem(string Label, string Color, LegendSymbol Symbol = LegendSymbol.Line);

/// <summary>How a legend entry draws its sample.</summary>
internal enum LegendSymbol
{
    Line,
    DashedLine,
    Point,
    Square,
}
