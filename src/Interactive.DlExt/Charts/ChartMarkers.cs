namespace Interactive.DlExt.Charts;

/// <summary>A labelled point on a <see cref="LineChart"/>, e.g. the best validation epoch.</summary>
/// <param name="X">The x position in data units.</param>
/// <param name="Y">The y position in data units.</param>
/// <param name="Label">The text beside the point, e.g. "best: epoch 42".</param>
public sealed record PointMarker(double X, double Y, string Label);

/// <summary>A labelled dashed vertical line across a <see cref="LineChart"/>, e.g. where early stopping ended training.</summary>
/// <param name="X">The x position in data units.</param>
/// <param name="Label">The text at the top of the line, e.g. "early stop".</param>
public sealed record VerticalMarker(double X, string Label);
