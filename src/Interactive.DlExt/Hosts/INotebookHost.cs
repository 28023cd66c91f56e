namespace Interactive.DlExt.Notebook;

/// <summary>
/// What a magic needs from where it runs. The notebook glue (extension.dib) implements it over the kernel's
/// API; the library's console and report hosts implement it outside notebooks.
/// </summary>
public interface INotebookHost
{
    /// <summary>Cancelled when the user interrupts (notebook interrupt, Ctrl+C).</summary>
    CancellationToken CancellationToken { get; }

    /// <summary>Shows a value (its formatter renders it) and returns a handle to replace it in place.</summary>
    IDisplayHandle Display(object value);

    /// <summary>Reads a variable of the user's session.</summary>
    bool TryGetVariable(string name, out object? value);

    /// <summary>Stores a value as a variable of the user's session, with its real type.</summary>
    Task SetVariableAsync(string name, object value, Type type);

    /// <summary>The least time between two live updates (a notebook resends the whole output each time).</summary>
    /// <value>The default is half a second.</value>
    TimeSpan MinimumUpdateInterval => TimeSpan.FromMilliseconds(500);
}

/// <summary>A displayed output that can be replaced in place (same display id).</summary>
public interface IDisplayHandle
{
    /// <summary>Re-renders the output with <paramref name="value"/>.</summary>
    void Update(object value);
}
