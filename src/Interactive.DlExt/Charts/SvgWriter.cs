using System.Text;

namespace Interactive.DlExt.Charts;

/// <summary>
/// A small SVG builder. Element and attribute names are always our own constants; every value that may
/// come from a user (text, attribute values) is escaped here, so no caller can inject markup.
/// Ids are derived from a caller-supplied prefix or, without one, from a hash of the finished markup.
/// </summary>
internal sealed class SvgWriter
{
    // A control character cannot survive Escape (it is replaced), so it can mark where the hashed id goes.
    private const char IdPlaceholder = '\u0001';
    private readonly StringBuilder _builder;
    private readonly string? _idPrefix;
    private bool _usesPlaceholder;

    /// <summary>Starts a document of the given size with the root element and its accessible title.</summary>
    public SvgWriter(double width, double height, string? idPrefix, string? title, int capacity = 4096)
    {
        _builder = new StringBuilder(capacity);
        _idPrefix = idPrefix is null ? null : SanitizeId(idPrefix);
        Begin("svg")
            .Attr("xmlns", "http://www.w3.org/2000/svg")
            .Attr("width", width).Attr("height", height)
            .Attr("viewBox", $"0 0 {SvgNumber.Format(width)} {SvgNumber.Format(height)}")
            .Attr("role", "img")
            .Attr("font-family", "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif")
            .Attr("font-size", 11)
            .Open();
        if (!string.IsNullOrEmpty(title))
        {
            Title(title);
        }

        // An opaque background keeps dark notebook themes from swallowing the black axis text.
        Begin("rect").Attr("width", width).Attr("height", height).Attr("fill", "#ffffff").Empty();
    }

    /// <summary>The underlying builder, for path data written in place.</summary>
    public StringBuilder Builder => _builder;

    /// <summary>A document-unique id: "prefix-local".</summary>
    public string Id(string local)
    {
        if (_idPrefix is not null)
        {
            return _idPrefix + "-" + local;
        }

        _usesPlaceholder = true;
        return IdPlaceholder + "-" + local;
    }

    public SvgWriter Begin(string element)
    {
        _builder.Append('<').Append(element);
        return this;
    }

    public SvgWriter Attr(string name, string value)
    {
        _builder.Append(' ').Append(name).Append("=\"");
        Escape(_builder, value, attribute: true);
        _builder.Append('"');
        return this;
    }

    public SvgWriter Attr(string name, double value, int decimals = 2)
    {
        _builder.Append(' ').Append(name).Append("=\"");
        SvgNumber.Append(_builder, value, decimals);
        _builder.Append('"');
        return this;
    }

    /// <summary>Writes an attribute built only from <see cref="Id"/> results and constants (an id, or "url(#id)"), unescaped so hashed ids resolve.</summary>
    public SvgWriter IdAttr(string name, string value)
    {
        _builder.Append(' ').Append(name).Append("=\"").Append(value).Append('"');
        return this;
    }

    /// <summary>Starts an attribute whose value the caller writes into <see cref="Builder"/> (numbers only); end with <see cref="EndAttr"/>.</summary>
    public StringBuilder BeginAttr(string name) => _builder.Append(' ').Append(name).Append("=\"");

    public SvgWriter EndAttr()
    {
        _builder.Append('"');
        return this;
    }

    /// <summary>Closes the start tag as an empty element: "/&gt;".</summary>
    public void Empty() => _builder.Append("/>");

    /// <summary>Closes the start tag: "&gt;".</summary>
    public SvgWriter Open()
    {
        _builder.Append('>');
        return this;
    }

    public void End(string element) => _builder.Append("</").Append(element).Append('>');

    public SvgWriter Text(string text)
    {
        Escape(_builder, text, attribute: false);
        return this;
    }

    /// <summary>Writes a &lt;title&gt; child: hover text that needs no script.</summary>
    public void Title(string text)
    {
        _builder.Append("<title>");
        Escape(_builder, text, attribute: false);
        _builder.Append("</title>");
    }

    /// <summary>Closes the start tag, writes a &lt;title&gt; child and ends the element.</summary>
    public void WithTitle(string element, string title)
    {
        Open();
        Title(title);
        End(element);
    }

    /// <summary>Writes a &lt;text&gt; element; with <paramref name="halo"/> a white outline is painted under the glyphs so
    /// a label stays readable where it crosses curves or grid lines.</summary>
    public void TextAt(double x, double y, string text, string anchor = "start", string? fill = null, double fontSize = 0, string? cssClass = null, string? transform = null, string? weight = null, bool halo = false)
    {
        Begin("text").Attr("x", x).Attr("y", y);
        if (anchor != "start")
        {
            Attr("text-anchor", anchor);
        }

        if (fill is not null)
        {
            Attr("fill", fill);
        }

        if (fontSize > 0)
        {
            Attr("font-size", fontSize);
        }

        if (weight is not null)
        {
            Attr("font-weight", weight);
        }

        if (cssClass is not null)
        {
            Attr("class", cssClass);
        }

        if (transform is not null)
        {
            Attr("transform", transform);
        }

        if (halo)
        {
            Attr("stroke", "#ffffff").Attr("stroke-width", 4).Attr("stroke-linejoin", "round").Attr("paint-order", "stroke");
        }

        Open().Text(text).End("text");
    }

    /// <summary>Ends the document and resolves hashed ids.</summary>
    public string Finish()
    {
        End("svg");
        if (!_usesPlaceholder)
        {
            return _builder.ToString();
        }

        var prefix = "c" + Fnv1a(_builder).ToString("x12", System.Globalization.CultureInfo.InvariantCulture)[..12];
        return _builder.Replace(IdPlaceholder.ToString(), prefix).ToString();
    }

    /// <summary>Escapes markup characters; control characters XML forbids become U+FFFD.</summary>
    public static void Escape(StringBuilder builder, string text, bool attribute)
    {
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '"' when attribute: builder.Append("&quot;"); break;
                case '\'' when attribute: builder.Append("&#39;"); break;
                case '\n' or '\r' or '\t' when attribute: builder.Append(' '); break;
                case '\n' or '\r' or '\t': builder.Append(c); break;
                case < ' ' or '\uFFFE' or '\uFFFF': builder.Append('\uFFFD'); break;
                default: builder.Append(c); break;
            }
        }
    }

    private static string SanitizeId(string prefix)
    {
        var builder = new StringBuilder(prefix.Length + 1);
        foreach (var c in prefix)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_');
        }

        // An id must start with a letter to be usable in url(#...) everywhere.
        if (builder.Length == 0 || !char.IsAsciiLetter(builder[0]))
        {
            builder.Insert(0, 'c');
        }

        return builder.ToString();
    }

    private static ulong Fnv1a(StringBuilder text)
    {
        ulong hash = 14695981039346656037UL;
        foreach (var chunk in text.GetChunks())
        {
            foreach (var c in chunk.Span)
            {
                hash = (hash ^ c) * 1099511628211UL;
            }
        }

        return hash;
    }
}
