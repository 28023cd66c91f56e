namespace Interactive.DlExt.Notebook;

/// <summary>A magic command as data: the kernel glue declares it from this, the parser checks input against it,
/// and <c>#!dlext</c> prints it.</summary>
/// <param name="Name">The magic, e.g. "#!train".</param>
/// <param name="Description">What it does, in one or two sentences.</param>
/// <param name="Options">Its options, in help order.</param>
/// <param name="Example">A line a user can copy.</param>
public sealed record MagicSpec(string Name, string Description, IReadOnlyList<MagicOption> Options, string Example)
{
    /// <summary>The option with this exact name, or null.</summary>
    public MagicOption? Find(string optionName) => Options.FirstOrDefault(o => o.Name == optionName);
}
