using System.Text;

namespace Interactive.DlExt.Charts;

/// <summary>
/// Writes compact path data: an absolute move per segment, then relative line-tos in tenths of a pixel.
/// Deltas are taken between already-rounded positions, so rounding never drifts along a long line.
/// </summary>
internal sealed class PathBuilder
{
    private readonly StringBuilder _builder;
    private long _lastX;
    private long _lastY;
    private bool _inSegment;

    public PathBuilder(StringBuilder builder) => _builder = builder;

    /// <summary>Starts a new segment at (x, y).</summary>
    public void MoveTo(double x, double y)
    {
        _lastX = Tenths(x);
        _lastY = Tenths(y);
        _builder.Append('M');
        SvgNumber.AppendScaled(_builder, _lastX, 10);
        _builder.Append(' ');
        SvgNumber.AppendScaled(_builder, _lastY, 10);
        _inSegment = false;
    }

    /// <summary>Draws a line from the current point to (x, y).</summary>
    public void LineTo(double x, double y)
    {
        long tx = Tenths(x), ty = Tenths(y);
        long dx = tx - _lastX, dy = ty - _lastY;
        if (dx == 0 && dy == 0 && _inSegment)
        {
            return;
        }

        _builder.Append(_inSegment ? (dx < 0 ? string.Empty : " ") : "l");
        SvgNumber.AppendScaled(_builder, dx, 10, dropLeadingZero: true);
        if (dy >= 0)
        {
            _builder.Append(' ');
        }

        SvgNumber.AppendScaled(_builder, dy, 10, dropLeadingZero: true);
        _lastX = tx;
        _lastY = ty;
        _inSegment = true;
    }

    /// <summary>A vertical line from (x, y0) to (x, y1) as its own sub-path.</summary>
    public void Vertical(double x, double y0, double y1)
    {
        MoveTo(x, y0);
        _builder.Append('v');
        SvgNumber.AppendScaled(_builder, Tenths(y1) - _lastY, 10, dropLeadingZero: true);
        _lastY = Tenths(y1);
    }

    /// <summary>A horizontal line from (x0, y) to (x1, y) as its own sub-path.</summary>
    public void Horizontal(double x0, double x1, double y)
    {
        MoveTo(x0, y);
        _builder.Append('h');
        SvgNumber.AppendScaled(_builder, Tenths(x1) - _lastX, 10, dropLeadingZero: true);
        _lastX = Tenths(x1);
    }

    /// <summary>Closes the current sub-path.</summary>
    public void Close()
    {
        _builder.Append('Z');
        _inSegment = false;
    }

    private static long Tenths(double value) => (long)Math.Round(Math.Clamp(value, -1e6, 1e6) * 10, MidpointRounding.AwayFromZero);
}
