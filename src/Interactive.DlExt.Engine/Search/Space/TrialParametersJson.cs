using System.Text;
using System.Text.Json;

namespace Interactive.DlExt.Search;

/// <summary>Stores trial parameters as a JSON object ({"lr": 0.001, "optimizer": "adam"}) and reads them back typed by the space.</summary>
internal static class TrialParametersJson
{
    public static string Write(TrialParameters parameters, SearchSpace space)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            foreach (var name in parameters.Names)
            {
                writer.WritePropertyName(name);
                space[name].WriteJson(writer, parameters.Value(name));
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static TrialParameters Read(string json, SearchSpace space)
    {
        using var document = JsonDocument.Parse(json);
        var values = new List<KeyValuePair<string, object>>();
        foreach (var property in document.RootElement.EnumerateObject())
        {
            var parameter = space.Find(property.Name)
                ?? throw new InvalidDataException($"The stored trial has a parameter '{property.Name}' that the search space does not declare.");
            values.Add(new(property.Name, parameter.ReadJson(property.Value)));
        }

        // Keep space order whatever order the JSON had.
        var order = space.Parameters.Select(p => p.Name).ToList();
        return new TrialParameters(values.OrderBy(v => order.IndexOf(v.Key)));
    }
}
