namespace Interactive.DlExt.Notebook;

/// <summary>
/// The one entry point the notebook glue calls for every magic: it finds the magic's line in the cell,
/// parses it against the spec, runs it through an <see cref="INotebookHost"/> and stores results.
/// Bad input throws <see cref="DlExtArgumentException"/>; the glue shows its message as one line.
/// </summary>
public static class MagicInvoker
{
    /// <summary>Runs the <paramref name="occurrence"/>-th (0-based) <paramref name="magicName"/> line of <paramref name="cellText"/>.</summary>
    public static async Task InvokeAsync(INotebookHost host, string cellText, string magicName, int occurrence = 0)
    {
        ArgumentNullException.ThrowIfNull(host);
        var spec = DlExtMagics.All.FirstOrDefault(s => s.Name == magicName)
            ?? throw new DlExtArgumentException("magic", magicName, "one of " + string.Join(", ", DlExtMagics.All.Select(s => s.Name)));
        var line = MagicLine.Find(cellText, magicName, occurrence);
        var arguments = MagicParser.Parse(spec, line);
        switch (spec.Name)
        {
            case "#!train":
                await TrainMagic.RunAsync(host, arguments).ConfigureAwait(false);
                break;
            case "#!lr-find":
                await LrFindMagic.RunAsync(host, arguments).ConfigureAwait(false);
                break;
            case "#!sweep":
                await SweepMagic.RunAsync(host, arguments).ConfigureAwait(false);
                break;
            case "#!evaluate":
                await EvaluateMagic.RunAsync(host, arguments).ConfigureAwait(false);
                break;
            case "#!schedules":
                await SchedulesMagic.RunAsync(host, arguments).ConfigureAwait(false);
                break;
            case "#!compare":
                await CompareMagic.RunAsync(host, arguments).ConfigureAwait(false);
                break;
            case "#!verify":
                await VerifyMagic.RunAsync(host, arguments).ConfigureAwait(false);
                break;
            case "#!expect":
                await ExpectMagic.RunAsync(host, arguments).ConfigureAwait(false);
                break;
            case "#!descent":
                await DescentMagic.RunAsync(host, arguments).ConfigureAwait(false);
                break;
            default:
                host.Display(new MagicHelp(DlExtMagics.All));
                break;
        }
    }

    /// <summary>Reads a variable the magic names, with errors that say what to do.</summary>
    internal static T Variable<T>(INotebookHost host, string option, string name)
        where T : class
    {
        var value = Value(host, option, name);
        return value as T ?? throw new DlExtArgumentException(option, name, $"a variable holding a {typeof(T).Name} (it holds a {value.GetType().Name})");
    }

    /// <summary>Reads a variable of any type, or says that it does not exist (yet).</summary>
    internal static object Value(INotebookHost host, string option, string name) =>
        host.TryGetVariable(name, out var value) && value is not null
            ? value
            : throw new DlExtArgumentException(option, $"{option} = {name}: no C# variable named '{name}' exists yet. Define it in a cell above; a variable defined below the magic in the same cell is not visible yet, because the magic runs first.");
}
