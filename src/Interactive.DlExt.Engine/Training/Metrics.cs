namespace Interactive.DlExt;

/// <summary>Turns model outputs into class predictions.</summary>
internal static class Metrics
{
    /// <summary>The predicted class of row <paramref name="row"/>: the arg-max of the logits, or for a single
    /// output (binary) whether the logit is positive. Ties go to the lowest index.</summary>
    public static int PredictedClass(Tensor output, int row)
    {
        var width = output.ItemLength;
        var data = output.Data.AsSpan(row * width, width);
        if (width == 1)
        {
            return data[0] > 0 ? 1 : 0;
        }

        var best = 0;
        for (var i = 1; i < width; i++)
        {
            if (data[i] > data[best])
            {
                best = i;
            }
        }

        return best;
    }

    /// <summary>How many rows of <paramref name="output"/> predict their label in <paramref name="targets"/>.</summary>
    public static int CountCorrect(Tensor output, Tensor targets)
    {
        var correct = 0;
        for (var i = 0; i < output.BatchSize; i++)
        {
            if (PredictedClass(output, i) == (int)targets.Data[i])
            {
                correct++;
            }
        }

        return correct;
    }
}
