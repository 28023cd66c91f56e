using System.ComponentModel;
using Microsoft.DotNet.Interactive.Commands;

namespace Interactive.DlExt.KernelGlue;

/// <summary>
/// The kernel command a magic line becomes. The kernel keeps one handler per command type, so each magic has its
/// own type; the handler parses the cell's line itself (<see cref="Notebook.MagicParser"/>), so no option binds
/// to a property here. Public only because the kernel serialises commands by type name.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class MagicDirectiveCommand : KernelDirectiveCommand
{
    /// <summary>The magic this command runs, e.g. "#!train".</summary>
    internal abstract string MagicName { get; }
}

/// <summary>#!train as a kernel command.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class DlExtTrainCommand : MagicDirectiveCommand
{
    internal override string MagicName => Notebook.DlExtMagics.Train.Name;
}

/// <summary>#!lr-find as a kernel command.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class DlExtLrFindCommand : MagicDirectiveCommand
{
    internal override string MagicName => Notebook.DlExtMagics.LrFind.Name;
}

/// <summary>#!sweep as a kernel command.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class DlExtSweepCommand : MagicDirectiveCommand
{
    internal override string MagicName => Notebook.DlExtMagics.Sweep.Name;
}

/// <summary>#!evaluate as a kernel command.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class DlExtEvaluateCommand : MagicDirectiveCommand
{
    internal override string MagicName => Notebook.DlExtMagics.Evaluate.Name;
}

/// <summary>#!schedules as a kernel command.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class DlExtSchedulesCommand : MagicDirectiveCommand
{
    internal override string MagicName => Notebook.DlExtMagics.CompareSchedules.Name;
}

/// <summary>#!descent as a kernel command.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class DlExtDescentCommand : MagicDirectiveCommand
{
    internal override string MagicName => Notebook.DlExtMagics.Descent.Name;
}

/// <summary>#!expect as a kernel command.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class DlExtExpectCommand : MagicDirectiveCommand
{
    internal override string MagicName => Notebook.DlExtMagics.Expect.Name;
}

/// <summary>#!compare as a kernel command.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class DlExtCompareCommand : MagicDirectiveCommand
{
    internal override string MagicName => Notebook.DlExtMagics.Compare.Name;
}

/// <summary>#!verify as a kernel command.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class DlExtVerifyCommand : MagicDirectiveCommand
{
    internal override string MagicName => Notebook.DlExtMagics.Verify.Name;
}

/// <summary>#!dlext as a kernel command.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class DlExtHelpCommand : MagicDirectiveCommand
{
    internal override string MagicName => Notebook.DlExtMagics.Help.Name;
}
