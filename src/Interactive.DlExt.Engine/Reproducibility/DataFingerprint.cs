using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Interactive.DlExt;

/// <summary>Which data a run used, by content: a SHA-256 of the shapes and the float32 bytes of the features and
/// targets, so two runs on "the same" data can be told apart when the data differs in a single value.</summary>
/// <param name="Role">What the run used it for: "train", "validation", "evaluation".</param>
/// <param name="Name">The data set's name.</param>
/// <param name="Count">Samples.</param>
/// <param name="Sha256">The content hash, lower-case hex.</param>
/// <param name="IsTest">Whether the data is marked as a test set.</param>
public sealed record DataFingerprint(string Role, string Name, int Count, string Sha256, bool IsTest)
{
    // A data set's tensors are treated as fixed once it exists, so each is hashed once per process.
    private static readonly ConditionalWeakTable<Dataset, string> Hashes = [];

    /// <summary>The fingerprint of <paramref name="data"/> in role <paramref name="role"/>.</summary>
    public static DataFingerprint Of(Dataset data, string role)
    {
        ArgumentNullException.ThrowIfNull(data);
        return new(role, data.Name, data.Count, Hashes.GetValue(data, Hash), data.IsTest);
    }

    /// <summary>SHA-256 of a tensor list: each tensor's rank, dimensions and float32 values, in order (little-endian).</summary>
    internal static string Hash(params Tensor[] tensors)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> header = stackalloc byte[4];
        foreach (var tensor in tensors)
        {
            BitConverter.TryWriteBytes(header, tensor.Rank);
            sha.AppendData(header);
            foreach (var dimension in tensor.Shape)
            {
                BitConverter.TryWriteBytes(header, dimension);
                sha.AppendData(header);
            }

            sha.AppendData(MemoryMarshal.AsBytes(tensor.Data.AsSpan()));
        }

        return Convert.ToHexString(sha.GetHashAndReset()).ToLowerInvariant();
    }

    private static string Hash(Dataset data) => Hash(data.Features, data.Targets);
}
