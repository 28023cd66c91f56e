namespace Interactive.DlExt;

/// <summary>The raw content of an IDX file: its element type code, dimensions and big-endian payload.</summary>
/// <param name="TypeCode">The IDX type byte (0x08 unsigned byte, 0x09 signed byte, 0x0B int16, 0x0C int32, 0x0D float32, 0x0E float64).</param>
/// <param name="Shape">The dimensions from the header.</param>
/// <param name="Payload">The values as stored (big-endian for multi-byte types).</param>
/// <param name="Source">The file name, for error messages.</param>
internal sealed record IdxContent(byte TypeCode, int[] Shape, byte[] Payload, string Source)
{
    public const byte UnsignedByte = 0x08;

    /// <summary>The values as floats, converted from the stored type.</summary>
    public Tensor ToTensor()
    {
        var values = new float[Payload.Length / IdxReader.ElementSize(TypeCode)];
        var bytes = Payload.AsSpan();
        switch (TypeCode)
        {
            case 0x08:
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = bytes[i];
                }

                break;
            case 0x09:
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = (sbyte)bytes[i];
                }

                break;
            case 0x0B:
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = System.Buffers.Binary.BinaryPrimitives.ReadInt16BigEndian(bytes[(2 * i)..]);
                }

                break;
            case 0x0C:
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes[(4 * i)..]);
                }

                break;
            case 0x0D:
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = System.Buffers.Binary.BinaryPrimitives.ReadSingleBigEndian(bytes[(4 * i)..]);
                }

                break;
            default:
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = (float)System.Buffers.Binary.BinaryPrimitives.ReadDoubleBigEndian(bytes[(8 * i)..]);
                }

                break;
        }

        return new Tensor(values, Shape);
    }
}
