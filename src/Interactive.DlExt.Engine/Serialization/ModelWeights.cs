using System.Globalization;

namespace Interactive.DlExt;

/// <summary>
/// Saves and loads a model's parameters (trainable weights and non-trainable state such as batch-norm
/// statistics) as a safetensors file keyed by each parameter's qualified name ("0.weight", "2.bias", …).
/// Loading is all or nothing: every name and shape is checked first, and the model is changed only if the
/// file matches it exactly.
/// </summary>
public static class ModelWeights
{
    /// <summary>Writes every parameter of a built model to <paramref name="path"/> (atomically, see <see cref="SafeTensors.Save(string, IReadOnlyDictionary{string, Tensor}, IReadOnlyDictionary{string, string}?)"/>).</summary>
    /// <param name="model">A built model.</param>
    /// <param name="path">The .safetensors file to write.</param>
    /// <param name="metadata">Optional string pairs to store with the weights (e.g. the hyperparameters).</param>
    public static void Save(Sequential model, string path, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var tensors = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (var p in Parameters(model))
        {
            tensors.Add(p.Name, new Tensor(p.Values.ToArray(), p.Shape.ToArray()));
        }

        SafeTensors.Save(path, tensors, metadata);
    }

    /// <summary>Replaces the parameters of a built model with those in <paramref name="path"/>.</summary>
    /// <exception cref="DlExtArgumentException">The file's names or shapes differ from the model's; the message
    /// lists every missing, unexpected and mismatched key, and the model is left unchanged.</exception>
    /// <exception cref="DlExtFileException">The file is not valid safetensors.</exception>
    public static void Load(Sequential model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        var parameters = Parameters(model);
        var tensors = SafeTensors.Load(path);
        var missing = new List<string>();
        var mismatched = new List<string>();
        foreach (var p in parameters)
        {
            if (!tensors.TryGetValue(p.Name, out var t))
            {
                missing.Add($"{p.Name} {Tensor.Describe(p.Shape)}");
            }
            else if (!t.Shape.SequenceEqual(p.Shape))
            {
                mismatched.Add($"{p.Name} is {Tensor.Describe(t.Shape)} in the file but {Tensor.Describe(p.Shape)} in the model");
            }
        }

        var known = parameters.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var unexpected = tensors.Where(t => !known.Contains(t.Key))
            .OrderBy(t => t.Key, StringComparer.Ordinal)
            .Select(t => $"{t.Key} {Tensor.Describe(t.Value.Shape)}")
            .ToList();
        if (missing.Count + mismatched.Count + unexpected.Count > 0)
        {
            var problems = new List<string>();
            if (missing.Count > 0)
            {
                problems.Add($"missing from the file: {string.Join(", ", missing)}");
            }

            if (unexpected.Count > 0)
            {
                problems.Add($"not in the model: {string.Join(", ", unexpected)}");
            }

            if (mismatched.Count > 0)
            {
                problems.Add($"shape mismatch: {string.Join("; ", mismatched)}");
            }

            throw new DlExtArgumentException("weights file",
                $"'{path}' does not fit this model ({parameters.Count.ToString(CultureInfo.InvariantCulture)} parameters): " +
                $"{string.Join("; ", problems)}. Nothing was loaded.");
        }

        foreach (var p in parameters)
        {
            tensors[p.Name].Data.CopyTo(p.Values);
        }
    }

    /// <summary>The model's parameters; <see cref="Sequential.Store"/> throws the usual "not built yet" error first.</summary>
    private static List<Parameter> Parameters(Sequential model) => model.Store.Parameters.ToList();
}
