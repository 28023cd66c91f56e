namespace Interactive.DlExt;

/// <summary>
/// 2-D convolution kernels on NCHW float32 tensors (see <see cref="ConvolutionGeometry"/>), built on the
/// packed GEMM. Forward unfolds each image (im2col) and multiplies; the unfolded batch is kept so the weight
/// gradient is one GEMM that sums over all images in image order, split across threads by weight tile.
/// Images are independent in the forward and input-gradient passes, so those run one image per task.
/// Every output value is one fixed-order reduction: results do not depend on threads or SIMD width.
/// </summary>
internal static unsafe class Convolution
{
    [ThreadStatic]
    private static float[]? _scratch;

    /// <summary>output = conv(input, weights) + bias, and fills <paramref name="columns"/> (length
    /// <see cref="ConvolutionGeometry.ColumnsLength"/>) with the unfolded input for <see cref="BackwardWeights"/>.</summary>
    /// <param name="pool">The threads to use.</param>
    /// <param name="geometry">The shapes.</param>
    /// <param name="input">[Batch, InChannels, Height, Width].</param>
    /// <param name="weights">The weight buffer.</param>
    /// <param name="weightOffset">Where the [OutChannels, InChannels, KernelHeight, KernelWidth] weights start.</param>
    /// <param name="bias">The bias buffer, or null.</param>
    /// <param name="biasOffset">Where the OutChannels biases start.</param>
    /// <param name="output">[Batch, OutChannels, OutputHeight, OutputWidth], overwritten.</param>
    /// <param name="columns">Receives the unfolded input.</param>
    public static void Forward(
        ComputePool pool, ConvolutionGeometry geometry, float[] input, float[] weights, int weightOffset,
        float[]? bias, int biasOffset, float[] output, float[] columns)
    {
        ArgumentNullException.ThrowIfNull(pool);
        Check(geometry, input, weights, weightOffset, output);
        CheckLength(columns, 0, geometry.ColumnsLength, nameof(columns));
        CheckLength(bias, biasOffset, geometry.OutChannels, nameof(bias));
        var path = Simd.Current;
        fixed (float* x = input, w = weights, b = bias, y = output, cols = columns)
        {
            var task = new ForwardTask(geometry, x, w + weightOffset, b == null ? null : b + biasOffset, y, cols, path, GemmTuning.Current);
            pool.For(geometry.Batch, task);
        }
    }

    /// <summary>inputGradient = the gradient of the loss with respect to the input (overwritten).</summary>
    /// <param name="pool">The threads to use.</param>
    /// <param name="geometry">The shapes.</param>
    /// <param name="outputGradient">[Batch, OutChannels, OutputHeight, OutputWidth].</param>
    /// <param name="weights">The weight buffer.</param>
    /// <param name="weightOffset">Where the weights start.</param>
    /// <param name="inputGradient">[Batch, InChannels, Height, Width], overwritten.</param>
    public static void BackwardData(
        ComputePool pool, ConvolutionGeometry geometry, float[] outputGradient, float[] weights, int weightOffset, float[] inputGradient)
    {
        ArgumentNullException.ThrowIfNull(pool);
        Check(geometry, inputGradient, weights, weightOffset, outputGradient);
        var path = Simd.Current;
        fixed (float* dy = outputGradient, w = weights, dx = inputGradient)
        {
            pool.For(geometry.Batch, new BackwardDataTask(geometry, dy, w + weightOffset, dx, path, GemmTuning.Current));
        }
    }

    /// <summary>Adds the weight gradient Σ_images dY·colsᵀ and the bias gradient Σ dY (per channel, in image
    /// order) into the gradient buffers.</summary>
    /// <param name="pool">The threads to use.</param>
    /// <param name="geometry">The shapes.</param>
    /// <param name="columns">The unfolded input from <see cref="Forward"/>.</param>
    /// <param name="outputGradient">[Batch, OutChannels, OutputHeight, OutputWidth].</param>
    /// <param name="weightGradient">The buffer the weight gradient is added into.</param>
    /// <param name="weightOffset">Where the weight gradient starts.</param>
    /// <param name="biasGradient">The buffer the bias gradient is added into, or null.</param>
    /// <param name="biasOffset">Where the bias gradient starts.</param>
    public static void BackwardWeights(
        ComputePool pool, ConvolutionGeometry geometry, float[] columns, float[] outputGradient,
        float[] weightGradient, int weightOffset, float[]? biasGradient, int biasOffset)
    {
        ArgumentNullException.ThrowIfNull(pool);
        geometry.Validate();
        CheckLength(columns, 0, geometry.ColumnsLength, nameof(columns));
        CheckLength(outputGradient, 0, (long)geometry.Batch * geometry.OutputLength, nameof(outputGradient));
        CheckLength(weightGradient, weightOffset, geometry.WeightLength, nameof(weightGradient));
        CheckLength(biasGradient, biasOffset, geometry.OutChannels, nameof(biasGradient));
        if (geometry.Batch == 0)
        {
            return;
        }

        var clock = PartClock.Start();
        fixed (float* cols = columns, dy = outputGradient, dw = weightGradient)
        {
            if (SmallPatchConvolution.ServesWeightGradient(geometry, Simd.Current))
            {
                SmallPatchConvolution.AddWeightGradient(pool, geometry, cols, dy, dw + weightOffset);
            }
            else if (geometry.Patch < geometry.OutChannels)
            {
                AddWeightGradientTransposed(pool, geometry, cols, dy, dw + weightOffset);
            }
            else
            {
                AddWeightGradient(pool, geometry, cols, dy, dw + weightOffset);
            }
        }

        PartClock.Stop(StepPart.ConvWeightGemm, clock);
        clock = PartClock.Start();
        var pixels = geometry.OutputPixels;
        if (biasGradient is not null)
        {
            var outputGradientCopy = outputGradient;
            var path = Simd.Current;
            pool.For(geometry.OutChannels, channel =>
            {
                var sum = biasGradient[biasOffset + channel];
                for (var image = 0; image < geometry.Batch; image++)
                {
                    sum += Elementwise.Sum(outputGradientCopy.AsSpan((image * geometry.OutputLength) + (channel * pixels), pixels), path);
                }

                biasGradient[biasOffset + channel] = sum;
            });
        }

        PartClock.Stop(StepPart.ConvBiasSum, clock);
    }

    // dW[out × patch] += Σ_images dY·colsᵀ, images in order.
    private static void AddWeightGradient(ComputePool pool, in ConvolutionGeometry geometry, float* cols, float* dy, float* dw)
    {
        int pixels = geometry.OutputPixels, patch = geometry.Patch;
        var g = new GemmOperands
        {
            M = geometry.OutChannels,
            N = patch,
            K = pixels,
            A = dy,
            Lda = pixels,
            BatchStrideA = geometry.OutputLength,
            B = cols,
            Ldb = pixels,
            TransposeB = true,
            BatchStrideB = (nint)patch * pixels,
            C = dw,
            Ldc = patch,
            Batch = geometry.Batch,
            Accumulate = true,
            Path = Simd.Current,
        };
        GemmDriver.Run(pool, g);
    }

    // A short patch (e.g. 9 for one input channel) would fill only part of the 32-wide column tiles: compute
    // dWᵀ[patch × out] = Σ_images cols·dYᵀ instead, starting from dWᵀ, so each element is the same FMA chain.
    private static void AddWeightGradientTransposed(ComputePool pool, in ConvolutionGeometry geometry, float* cols, float* dy, float* dw)
    {
        int pixels = geometry.OutputPixels, patch = geometry.Patch, outChannels = geometry.OutChannels;
        var path = Simd.Current;
        var transposed = Scratch((long)patch * outChannels);
        Transpose.Matrix(dw, outChannels, patch, patch, transposed, outChannels, path);
        var g = new GemmOperands
        {
            M = patch,
            N = outChannels,
            K = pixels,
            A = cols,
            Lda = pixels,
            BatchStrideA = (nint)patch * pixels,
            B = dy,
            Ldb = pixels,
            TransposeB = true,
            BatchStrideB = geometry.OutputLength,
            C = transposed,
            Ldc = outChannels,
            Batch = geometry.Batch,
            Accumulate = true,
            Path = path,
        };
        GemmDriver.Run(pool, g);
        Transpose.Matrix(transposed, patch, outChannels, outChannels, dw, patch, path);
    }

    private static float* Scratch(long length)
    {
        if (_scratch is null || _scratch.Length < length)
        {
            _scratch = GC.AllocateUninitializedArray<float>((int)length, pinned: true);
        }

        return (float*)System.Runtime.CompilerServices.Unsafe.AsPointer(ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(_scratch));
    }

    private static void Check(in ConvolutionGeometry g, float[] input, float[] weights, int weightOffset, float[] output)
    {
        g.Validate();
        CheckLength(input, 0, (long)g.Batch * g.InputLength, nameof(input));
        CheckLength(weights, weightOffset, g.WeightLength, nameof(weights));
        CheckLength(output, 0, (long)g.Batch * g.OutputLength, nameof(output));
    }

    private static void CheckLength(float[]? buffer, int offset, long length, string parameter)
    {
        if (buffer is not null && (offset < 0 || offset + length > buffer.Length))
        {
            throw new DlExtArgumentException(parameter, $"{buffer.Length} values from offset {offset}", $"at least {length} values after the offset");
        }

        if (buffer is null && parameter is not "bias" and not "biasGradient")
        {
            throw new ArgumentNullException(parameter);
        }
    }

    // Per image: cols = unfold(x); Yᵀ[pixels × out] = colsᵀ·Wᵀ + bias (tall GEMM: full register tiles); y = (Yᵀ)ᵀ.
    // A patch shorter than the filter count skips the GEMM and the transpose (SmallPatchConvolution).
    private readonly struct ForwardTask(ConvolutionGeometry g, float* x, float* w, float* bias, float* y, float* columns, SimdPath path, GemmTiling tiling) : IComputeBody
    {
        public void Run(int index)
        {
            int pixels = g.OutputPixels, patch = g.Patch;
            var cols = columns + ((long)index * patch * pixels);
            var clock = PartClock.Start();
            Im2Col.Unfold(g, x + ((long)index * g.InputLength), cols, path);
            PartClock.Stop(StepPart.Im2Col, clock);
            clock = PartClock.Start();
            if (SmallPatchConvolution.Serves(g, path))
            {
                SmallPatchConvolution.Forward(g, cols, w, bias, y + ((long)index * g.OutputLength));
                PartClock.Stop(StepPart.ConvForwardDirect, clock);
                return;
            }

            var transposed = Scratch((long)pixels * g.OutChannels);
            var op = GemmOperands.Dense(true, true, pixels, g.OutChannels, patch, cols, w, transposed);
            op.Epilogue.Bias = bias;
            op.Path = path;
            op.Tiling = tiling;
            GemmDriver.ComputeTile(op, 0, pixels, 0, g.OutChannels);
            PartClock.Stop(StepPart.ConvForwardGemm, clock);
            clock = PartClock.Start();
            Transpose.Matrix(transposed, pixels, g.OutChannels, g.OutChannels, y + ((long)index * g.OutputLength), pixels, path);
            PartClock.Stop(StepPart.ConvForwardTranspose, clock);
        }
    }

    // Per image: dcols[patch × pixels] = Wᵀ·dY, then fold dcols back into the image's gradient.
    private readonly struct BackwardDataTask(ConvolutionGeometry g, float* dy, float* w, float* dx, SimdPath path, GemmTiling tiling) : IComputeBody
    {
        public void Run(int index)
        {
            int pixels = g.OutputPixels, patch = g.Patch;
            var dcols = Scratch((long)patch * pixels);
            var clock = PartClock.Start();
            var op = GemmOperands.Dense(true, false, patch, pixels, g.OutChannels, w, dy + ((long)index * g.OutputLength), dcols);
            op.Path = path;
            op.Tiling = tiling;
            GemmDriver.ComputeTile(op, 0, patch, 0, pixels);
            PartClock.Stop(StepPart.ConvDataGemm, clock);
            clock = PartClock.Start();
            Im2Col.Fold(g, dcols, dx + ((long)index * g.InputLength), path);
            PartClock.Stop(StepPart.Col2Im, clock);
        }
    }
}
