using System.Globalization;

namespace Interactive.DlExt;

/// <summary>
/// A model written as text, for magics and command lines: <c>mlp:512,256</c> is a multilayer perceptron with hidden
/// layers of 512 and 256 ReLU units; <c>cnn:32,64</c> is one 3×3 convolution (padding 1), ReLU and 2×2 max pooling per
/// channel count, then a dense layer of 128 ReLU units. The input and output sizes come from the data
/// (<see cref="Build"/>), so the course's 784-512-256-10 network is <c>mlp:512,256</c> on MNIST.
/// </summary>
public sealed record ModelRecipe
{
    /// <summary>The most hidden layers a recipe may list.</summary>
    public const int MaxLayers = 16;

    /// <summary>The widest layer (units or channels) a recipe may ask for.</summary>
    public const int MaxWidth = 65_536;

    /// <summary>The dense layer between a CNN's convolutions and its output.</summary>
    public const int CnnDenseUnits = 128;

    /// <summary>What is accepted, in words (for help texts and errors).</summary>
    public const string Syntax = "mlp:W1,W2,… (hidden ReLU layers of W units) or cnn:C1,C2,… (3×3 conv, ReLU, 2×2 max pool per C channels, then 128 dense units)";

    private ModelRecipe(string kind, IReadOnlyList<int> widths)
    {
        Kind = kind;
        Widths = widths;
    }

    /// <summary>"mlp" or "cnn".</summary>
    public string Kind { get; }

    /// <summary>Hidden widths (MLP units, CNN channels), in order.</summary>
    public IReadOnlyList<int> Widths { get; }

    /// <summary>Whether the model starts with a dense layer and so reads its input as a vector.</summary>
    public bool WantsVectors => Kind == "mlp";

    /// <summary>Whether <paramref name="text"/> is written like a recipe (mlp:… or cnn:…), valid or not: a C# variable
    /// name cannot contain ':'.</summary>
    public static bool LooksLikeOne(string text) =>
        text.StartsWith("mlp:", StringComparison.OrdinalIgnoreCase) || text.StartsWith("cnn:", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads a recipe.</summary>
    /// <param name="text">e.g. "mlp:512,256" or "cnn:32,64".</param>
    /// <param name="parameter">The option or parameter to name in an error.</param>
    /// <exception cref="DlExtArgumentException">Not a recipe: the message shows <see cref="Syntax"/>.</exception>
    public static ModelRecipe Parse(string text, string parameter = "model")
    {
        ArgumentNullException.ThrowIfNull(text);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var kind = (colon < 0 ? text : text[..colon]).Trim().ToLowerInvariant();
        var widths = new List<int>();
        if (kind is "mlp" or "cnn" && colon > 0)
        {
            foreach (var part in text[(colon + 1)..].Split(',', StringSplitOptions.TrimEntries))
            {
                if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var width) || width < 1 || width > MaxWidth)
                {
                    widths.Clear();
                    break;
                }

                widths.Add(width);
            }
        }

        return widths.Count is > 0 and <= MaxLayers
            ? new ModelRecipe(kind, widths)
            : throw new DlExtArgumentException(parameter, text, $"{Syntax}, with 1 to {MaxLayers} widths from 1 to {MaxWidth}");
    }

    /// <summary>A new, unbuilt model for <paramref name="data"/>: its input from the data's item shape, its output one
    /// logit per class (or one value per regression target).</summary>
    /// <exception cref="DlExtArgumentException">A CNN for data that is not images, or more poolings than the images allow.</exception>
    public Sequential Build(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var shape = data.ItemShape;
        var outputs = data.IsClassification ? data.ClassCount : data.Targets.ItemLength;
        var layers = new List<Layer>();
        if (Kind == "mlp")
        {
            var inputs = shape.Aggregate(1, (a, b) => a * b);
            if (shape.Length > 1)
            {
                layers.Add(new Flatten());
            }

            foreach (var width in Widths)
            {
                layers.Add(new Linear(inputs, width));
                layers.Add(new ReLU());
                inputs = width;
            }

            layers.Add(new Linear(inputs, outputs));
            return new Sequential([.. layers]);
        }

        if (shape.Length != 3)
        {
            throw new DlExtArgumentException("model", ToString(),
                $"an mlp for data of shape {Tensor.Describe(shape)}: a cnn needs images [channels, height, width]");
        }

        var side = Math.Min(shape[1], shape[2]) >> Widths.Count;
        if (side < 1)
        {
            throw new DlExtArgumentException("model", ToString(),
                $"at most {(int)Math.Log2(Math.Min(shape[1], shape[2]))} convolution layers for {shape[1]}×{shape[2]} images (each halves the side)");
        }

        var channels = shape[0];
        foreach (var width in Widths)
        {
            layers.Add(new Conv2d(channels, width, 3, padding: 1));
            layers.Add(new ReLU());
            layers.Add(new MaxPool2d(2));
            channels = width;
        }

        layers.AddRange([new Flatten(), new Linear(CnnDenseUnits), new ReLU(), new Linear(outputs)]);
        return new Sequential([.. layers]);
    }

    /// <inheritdoc />
    public override string ToString() => Kind + ":" + string.Join(",", Widths.Select(w => w.ToString(CultureInfo.InvariantCulture)));
}
