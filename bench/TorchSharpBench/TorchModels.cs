using static TorchSharp.torch.nn;
using static TorchSharp.torch;

namespace Interactive.DlExt.Bench;

/// <summary>The two benchmark models, with libtorch's default initialisation.</summary>
internal static class TorchModels
{
    /// <summary>
    /// mlp: 784-512-256-10 with ReLU. cnn: conv(1→32, 3×3, pad 1)-ReLU-maxpool 2-conv(32→64, 3×3, pad 1)-ReLU-
    /// maxpool 2-flatten-fc(64·7·7→128)-ReLU-fc(128→10). Both output logits.
    /// </summary>
    public static Module<Tensor, Tensor> Create(string name) => name switch
    {
        "mlp" => Sequential(
            ("fc1", Linear(784, 512)), ("relu1", ReLU()),
            ("fc2", Linear(512, 256)), ("relu2", ReLU()),
            ("fc3", Linear(256, 10))),
        "cnn" => Sequential(
            ("conv1", Conv2d(1, 32, 3, padding: 1)), ("relu1", ReLU()), ("pool1", MaxPool2d(2)),
            ("conv2", Conv2d(32, 64, 3, padding: 1)), ("relu2", ReLU()), ("pool2", MaxPool2d(2)),
            ("flatten", Flatten()),
            ("fc1", Linear(64 * 7 * 7, 128)), ("relu3", ReLU()),
            ("fc2", Linear(128, 10))),
        _ => throw new ArgumentException($"model '{name}' is not mlp or cnn"),
    };

    /// <summary>The input shape of one batch: [n, 784] for the MLP, [n, 1, 28, 28] for the CNN.</summary>
    public static long[] InputShape(string name, long count, int rows, int columns) =>
        name == "cnn" ? [count, 1, rows, columns] : [count, rows * columns];

    /// <summary>Number of trainable values.</summary>
    public static long ParameterCount(Module<Tensor, Tensor> model) => model.parameters().Sum(p => p.numel());
}
