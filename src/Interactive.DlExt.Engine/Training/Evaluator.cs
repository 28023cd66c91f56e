namespace Interactive.DlExt;

/// <summary>Runs a model over a data set in evaluation mode and sums its loss in a fixed order.</summary>
internal static class Evaluator
{
    public static EvaluationResult Run(Sequential model, Dataset data, Loss loss, int batchSize, LayerContext context, bool withConfusion)
    {
        var wasTraining = context.Training;
        context.Training = false;
        try
        {
            var loader = new DataLoader(data, batchSize, shuffle: false);
            var confusion = withConfusion && data.IsClassification ? new ConfusionMatrix(data.ClassNames) : null;
            double lossSum = 0;
            foreach (var batch in loader.Batches(0))
            {
                var output = model.Forward(batch.Features, context);
                lossSum += loss.Compute(output, batch.Targets, null) * batch.Count;
                if (confusion is not null)
                {
                    for (var i = 0; i < batch.Count; i++)
                    {
                        confusion.Add((int)batch.Targets.Data[i], Metrics.PredictedClass(output, i));
                    }
                }
            }

            return new EvaluationResult(data.Name, data.Count, loss.Name, lossSum / data.Count, confusion);
        }
        finally
        {
            context.Training = wasTraining;
        }
    }
}
