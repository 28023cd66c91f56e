using System.Runtime.CompilerServices;
using Interactive.DlExt.Notebook;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Directives;

namespace Interactive.DlExt.KernelGlue;

/// <summary>Declares each <see cref="MagicSpec"/> as a kernel directive and runs it through <see cref="MagicInvoker"/>.</summary>
internal static class MagicDirectives
{
    /// <summary>How long a cancel waits for the magic to show its last view and store its variables (it stops within one batch).</summary>
    private static readonly TimeSpan FinishAfterCancel = TimeSpan.FromMinutes(1);

    // Which occurrence of a magic within one cell this invocation is (a cell may hold two #!train lines).
    private static readonly ConditionalWeakTable<KernelCommand, Dictionary<string, int>> Occurrences = [];

    public static void Register(Kernel root)
    {
        // The kernel keeps one handler per command type; each type names the magic it runs.
        Add<DlExtTrainCommand>(root);
        Add<DlExtLrFindCommand>(root);
        Add<DlExtSweepCommand>(root);
        Add<DlExtEvaluateCommand>(root);
        Add<DlExtSchedulesCommand>(root);
        Add<DlExtCompareCommand>(root);
        Add<DlExtDescentCommand>(root);
        Add<DlExtExpectCommand>(root);
        Add<DlExtVerifyCommand>(root);
        Add<DlExtHelpCommand>(root);
    }

    private static void Add<TCommand>(Kernel root)
        where TCommand : MagicDirectiveCommand, new()
    {
        var spec = DlExtMagics.All.Single(s => s.Name == new TCommand().MagicName);
        root.AddDirective<TCommand>(Declare(spec, root), (command, context) => HandleAsync(command, context, root));
    }

    /// <summary>The directive for <paramref name="spec"/>: its description and its options' (the kernel's hover
    /// shows them as a table) and each option with its completions.</summary>
    internal static KernelActionDirective Declare(MagicSpec spec, Kernel root)
    {
        var directive = new KernelActionDirective(spec.Name, $"{spec.Description} Example: `{spec.Example}`");
        foreach (var option in spec.Options)
        {
            var parameter = new KernelDirectiveParameter(option.Name, option.Default is null ? option.Description : $"{option.Description} Default: {option.Default}.")
            {
                Flag = option.IsFlag,
                AllowImplicitName = option.Positional,
                TypeHint = option.Kind is MagicOptionKind.Number or MagicOptionKind.WholeNumber ? "number" : "text",
            };
            var allowed = option.Allowed;
            var accepts = option.Accepts;
            if (allowed.Count > 0 || accepts.Count > 0)
            {
                parameter.AddCompletions(context =>
                {
                    foreach (var name in VariableCompletions.Names(CSharp(root), accepts))
                    {
                        context.CompletionItems.Add(new Microsoft.DotNet.Interactive.Events.CompletionItem(name, "Variable"));
                    }

                    foreach (var word in allowed)
                    {
                        context.CompletionItems.Add(new Microsoft.DotNet.Interactive.Events.CompletionItem(word, "Value"));
                    }

                    return Task.CompletedTask;
                });
            }

            directive.Parameters.Add(parameter);
        }

        return directive;
    }

    private static async Task HandleAsync(MagicDirectiveCommand command, KernelInvocationContext context, Kernel root)
    {
        var owner = command.Parent ?? command;
        var cell = owner is SubmitCode submit ? submit.Code : string.Empty;
        var name = command.MagicName;
        int occurrence;
        lock (Occurrences)
        {
            var counts = Occurrences.GetOrCreateValue(owner);
            counts.TryGetValue(name, out occurrence);
            counts[name] = occurrence + 1;
        }

        var host = new KernelNotebookHost(context, CSharp(root));
        var run = MagicInvoker.InvokeAsync(host, cell, name, occurrence);

        // The kernel reports a cancelled cell as done right after the token's callbacks return, and drops what is
        // published later: holding the callback until the magic returns lets its last view ("cancelled") and its
        // --out variable reach the notebook before the next cell runs. The magic stops within one batch.
        string? failure = null;
        using (context.CancellationToken.Register(() => WaitQuietly(run)))
        {
            try
            {
                await run.ConfigureAwait(false);
            }
            catch (DlExtArgumentException e)
            {
                failure = name + ": " + e.Reason;
            }
        }

        if (failure is not null)
        {
            context.Fail(command, message: failure);
        }
    }

    private static void WaitQuietly(Task run)
    {
        try
        {
            run.Wait(FinishAfterCancel);
        }
        catch (AggregateException)
        {
            // The handler reports the magic's own failure.
        }
    }

    private static CSharpKernel? CSharp(Kernel root) =>
        root as CSharpKernel ?? root.FindKernels(k => k is CSharpKernel).OfType<CSharpKernel>().FirstOrDefault();
}
