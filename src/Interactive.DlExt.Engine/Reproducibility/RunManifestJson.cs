using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Interactive.DlExt;

/// <summary>Writes and reads <see cref="RunManifest"/> JSON by hand, field by field, so the file's layout is fixed and
/// reading a damaged or foreign file gives a message that names what is wrong.</summary>
internal static class RunManifestJson
{
    public static string Write(RunManifest m)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteNumber("format", m.Format);
            w.WriteString("kind", m.Kind);
            w.WriteString("command", m.Command);
            w.WriteStartObject("environment");
            w.WriteString("package", m.Environment.Package);
            w.WriteString("runtime", m.Environment.Runtime);
            w.WriteString("os", m.Environment.OperatingSystem);
            w.WriteString("architecture", m.Environment.Architecture);
            w.WriteString("simd", m.Environment.Simd);
            w.WriteEndObject();
            w.WriteNumber("threads", m.Threads);
            Map(w, "seeds", m.Seeds);
            w.WriteStartArray("data");
            foreach (var d in m.Data)
            {
                w.WriteStartObject();
                w.WriteString("role", d.Role);
                w.WriteString("name", d.Name);
                w.WriteNumber("count", d.Count);
                w.WriteString("sha256", d.Sha256);
                w.WriteBoolean("test", d.IsTest);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            Map(w, "hyperparameters", m.Hyperparameters);
            w.WriteStartArray("epochs");
            foreach (var e in m.Epochs)
            {
                w.WriteStartObject();
                w.WriteNumber("epoch", e.Epoch);
                for (var f = 0; f < EpochValues.FieldNames.Count; f++)
                {
                    w.WriteString(EpochValues.FieldNames[f], e.Fields[f] is { } v ? RunManifest.Text(v) : null);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteString("epochs_sha256", m.EpochsSha256);
            if (m.Trials.Count > 0)
            {
                w.WriteStartArray("trials");
                foreach (var t in m.Trials)
                {
                    w.WriteStartObject();
                    w.WriteNumber("number", t.Number);
                    w.WriteString("state", t.State);
                    w.WriteString("parameters", t.Parameters);
                    w.WriteString("value", t.Value is { } v ? RunManifest.Text(v) : null);
                    w.WriteStartArray("curve");
                    foreach (var x in t.Curve)
                    {
                        w.WriteStringValue(RunManifest.Text(x));
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }

            Map(w, "final_metrics", m.FinalMetrics);
            w.WriteString("weights_sha256", m.WeightsSha256);
            w.WriteStartArray("test_accesses");
            foreach (var a in m.TestAccesses)
            {
                w.WriteStartObject();
                w.WriteNumber("sequence", a.Sequence);
                w.WriteString("data", a.DataName);
                w.WriteString("purpose", a.Purpose);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("checks");
            foreach (var c in m.Checks)
            {
                w.WriteStartObject();
                w.WriteString("check", c.Check);
                w.WriteBoolean("passed", c.Passed);
                w.WriteString("detail", c.Detail);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    public static RunManifest Read(string json, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new DlExtArgumentException(source, $"not JSON ({e.Message})");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("format", out var format) || format.ValueKind != JsonValueKind.Number)
            {
                throw new DlExtArgumentException(source, "has no \"format\" number: it is not a run manifest");
            }

            if (format.GetInt32() != RunManifest.CurrentFormat)
            {
                throw new DlExtArgumentException(source, $"is a manifest of format {format.GetInt32()}; this build reads format {RunManifest.CurrentFormat}");
            }

            try
            {
                var env = root.GetProperty("environment");
                return new RunManifest
                {
                    Kind = root.GetProperty("kind").GetString()!,
                    Command = root.GetProperty("command").GetString(),
                    Environment = new RunEnvironment(env.GetProperty("package").GetString()!, env.GetProperty("runtime").GetString()!,
                        env.GetProperty("os").GetString()!, env.GetProperty("architecture").GetString()!, env.GetProperty("simd").GetString()!),
                    Threads = root.GetProperty("threads").GetInt32(),
                    Seeds = ReadMap(root.GetProperty("seeds")),
                    Data = [.. root.GetProperty("data").EnumerateArray().Select(d => new DataFingerprint(
                        d.GetProperty("role").GetString()!, d.GetProperty("name").GetString()!, d.GetProperty("count").GetInt32(),
                        d.GetProperty("sha256").GetString()!, d.GetProperty("test").GetBoolean()))],
                    Hyperparameters = ReadMap(root.GetProperty("hyperparameters")),
                    Epochs = [.. root.GetProperty("epochs").EnumerateArray().Select(ReadEpoch)],
                    Trials = root.TryGetProperty("trials", out var trials) ? [.. trials.EnumerateArray().Select(ReadTrial)] : [],
                    FinalMetrics = ReadMap(root.GetProperty("final_metrics")),
                    WeightsSha256 = root.GetProperty("weights_sha256").GetString(),
                    TestAccesses = [.. root.GetProperty("test_accesses").EnumerateArray().Select(a => new TestSetAccess(
                        a.GetProperty("sequence").GetInt64(), a.GetProperty("data").GetString()!, a.GetProperty("purpose").GetString()!))],
                    Checks = root.TryGetProperty("checks", out var checks)
                        ? [.. checks.EnumerateArray().Select(c => new ExpectationResult(c.GetProperty("check").GetString()!, c.GetProperty("passed").GetBoolean(), c.GetProperty("detail").GetString()!))]
                        : [],
                };
            }
            catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw new DlExtArgumentException(source, "is damaged: " + e.Message);
            }
        }
    }

    private static EpochValues ReadEpoch(JsonElement e)
    {
        double? Field(int f) => e.GetProperty(EpochValues.FieldNames[f]).GetString() is { } text ? double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture) : null;
        return new EpochValues(e.GetProperty("epoch").GetInt32(), Field(0)!.Value, Field(1), Field(2), Field(3), Field(4)!.Value);
    }

    private static TrialValues ReadTrial(JsonElement t) => new(
        t.GetProperty("number").GetInt32(), t.GetProperty("state").GetString()!, t.GetProperty("parameters").GetString()!,
        t.GetProperty("value").GetString() is { } value ? Number(value) : null,
        [.. t.GetProperty("curve").EnumerateArray().Select(x => Number(x.GetString()!))]);

    private static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static void Map(Utf8JsonWriter w, string name, IReadOnlyDictionary<string, string> map)
    {
        w.WriteStartObject(name);
        foreach (var (key, value) in map.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            w.WriteString(key, value);
        }

        w.WriteEndObject();
    }

    private static SortedDictionary<string, string> ReadMap(JsonElement element)
    {
        var map = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in element.EnumerateObject())
        {
            map[p.Name] = p.Value.GetString() ?? string.Empty;
        }

        return map;
    }
}
