using System.Text.Json;

namespace Interactive.DlExt.RealKernel.Tests.Support;

/// <summary>One event the kernel sent over stdio, and when it arrived.</summary>
public sealed record KernelEvent(string Type, JsonElement Event, string? CommandToken, DateTime ArrivedUtc)
{
    /// <summary>The formatted values of a display or return value event, by MIME type.</summary>
    public IReadOnlyDictionary<string, string> FormattedValues =>
        Event.TryGetProperty("formattedValues", out var values)
            ? values.EnumerateArray().ToDictionary(v => v.GetProperty("mimeType").GetString()!, v => v.GetProperty("value").GetString() ?? string.Empty)
            : new Dictionary<string, string>();

    /// <summary>The display id of a display event.</summary>
    public string? ValueId => Event.TryGetProperty("valueId", out var id) ? id.GetString() : null;

    public string? Message => Event.TryGetProperty("message", out var m) ? m.GetString() : null;
}
