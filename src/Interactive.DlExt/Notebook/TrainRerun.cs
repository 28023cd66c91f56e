using System.Globalization;
using System.Runtime.CompilerServices;

namespace Interactive.DlExt.Notebook;

/// <summary>
/// What a re-run <c>#!train</c> cell starts from. A student re-runs a cell expecting the same numbers, so a model that an
/// earlier <c>#!train</c> trained goes back to the weights it had before its first <c>#!train</c> (drawn again from
/// <c>--seed</c> when it was not built yet, as a fresh model would be); <c>--continue</c> keeps the current weights.
/// The optimizer, schedule and early stopping are built anew by every <c>#!train</c>, so their state is always fresh.
/// Models are held weakly: one the notebook no longer references is forgotten.
/// </summary>
internal static class TrainRerun
{
    private static readonly ConditionalWeakTable<Sequential, Record> Records = new();

    /// <summary>Sets <paramref name="model"/>'s weights for a <c>#!train</c> about to run and returns the line that
    /// says what it starts from, or null when no earlier <c>#!train</c> trained it.</summary>
    public static string? Prepare(Sequential model, bool keepTraining, ulong seed)
    {
        var record = Records.GetValue(model, m => new Record(m.HasStore ? m.Store.Snapshot() : null));
        var earlier = record.Started && model.HasStore;
        record.Started = true;
        if (!earlier)
        {
            return null;
        }

        if (keepTraining)
        {
            return string.Create(CultureInfo.InvariantCulture, $"continuing from {record.Epochs} earlier epoch{(record.Epochs == 1 ? string.Empty : "s")} (--continue): training goes on from the current weights");
        }

        if (record.Before is { } before)
        {
            model.Store.Restore(before);
        }
        else
        {
            model.Reinitialize(seed);
        }

        record.Epochs = 0;
        return "model weights restored to their state before the first #!train"
            + (record.Before is null ? string.Create(CultureInfo.InvariantCulture, $" (initialised again from --seed {seed})") : string.Empty)
            + ", so re-running the cell repeats its numbers; add --continue to keep training";
    }

    /// <summary>Counts the epochs a <c>#!train</c> on <paramref name="model"/> ran, for the next <c>--continue</c>.</summary>
    public static void Trained(Sequential model, TrainingHistory history)
    {
        if (Records.TryGetValue(model, out var record))
        {
            record.Epochs += history.Epochs.Count;
        }
    }

    private sealed class Record(ParameterSnapshot? before)
    {
        /// <summary>The weights before the first <c>#!train</c>, or null when the model was not built then.</summary>
        public ParameterSnapshot? Before { get; } = before;

        /// <summary>Whether a <c>#!train</c> has started on the model (and may have changed its weights).</summary>
        public bool Started { get; set; }

        /// <summary>Epochs trained since the weights were last restored.</summary>
        public int Epochs { get; set; }
    }
}
