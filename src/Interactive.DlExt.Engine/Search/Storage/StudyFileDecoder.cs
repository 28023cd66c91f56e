using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Interactive.DlExt.Search;

/// <summary>
/// Reads the text columns of a study file back into values, turning a hand-edited or damaged value into a
/// <see cref="DlExtFileException"/> that names the file, the row and the value instead of a parser's bare message.
/// </summary>
internal sealed class StudyFileDecoder(string path)
{
    /// <summary>What to do about an unreadable study; the file itself is never changed.</summary>
    public const string Advice = "restore it from a backup or use a new study name";

    public DlExtFileException Unreadable(string what, Exception? inner = null) =>
        new(path, $"is not a readable study: {what}; {Advice}", inner);

    public TEnum Enum<TEnum>(string text, string row, string column)
        where TEnum : struct, Enum =>
        // Only the exact names this library writes: Enum.TryParse would also take "7" or "running".
        System.Enum.GetNames<TEnum>().Contains(text, StringComparer.Ordinal)
            ? System.Enum.Parse<TEnum>(text)
            : throw Unreadable($"{row} has {column} '{text}' (expected one of {string.Join(", ", System.Enum.GetNames<TEnum>())})");

    public ulong Seed(string text, string row) =>
        ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seed)
            ? seed
            : throw Unreadable($"{row} has seed '{text}' (expected a whole number ≥ 0)");

    public TrialParameters Parameters(string json, SearchSpace space, string row)
    {
        try
        {
            return TrialParametersJson.Read(json, space);
        }
        catch (JsonException e)
        {
            throw Unreadable($"{row} has parameters that are not valid JSON ({e.Message})", e);
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException or FormatException or KeyNotFoundException or ArgumentException)
        {
            throw Unreadable($"{row} has parameters the search space cannot read ({e.Message})", e);
        }
    }

    /// <summary>The stored settings, or null for a study created before settings were stored.</summary>
    public Dictionary<string, string>? Settings(string? json, string row)
    {
        if (json is null)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            var settings = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                settings[property.Name] = property.Value.GetString() ?? throw new InvalidOperationException($"setting '{property.Name}' is null");
            }

            return settings;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw Unreadable($"{row} has settings that are not a JSON object of strings ({e.Message})", e);
        }
    }

    public static string WriteSettings(IEnumerable<KeyValuePair<string, string>> settings)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in settings)
            {
                writer.WriteString(name, value);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
