using Interactive.DlExt.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace Interactive.DlExt.Tests.Packaging;

public sealed class ExtensionGlueTests
{
    private static string GlueCode()
    {
        var dib = File.ReadAllText(Repository.PathOf("src", "Interactive.DlExt", "extension.dib"));
        var start = dib.IndexOf("#!csharp", StringComparison.Ordinal);
        Assert.True(start >= 0, "extension.dib has no #!csharp cell");
        Assert.Equal(-1, dib.IndexOf("#!csharp", start + 1, StringComparison.Ordinal)); // one cell: nothing runs half-registered
        return dib[(start + "#!csharp".Length)..];
    }

    [Fact]
    public void The_glue_compiles_as_a_kernel_submission_against_the_library_and_the_kernel_api_shape()
    {
        var kernelApi = CSharpCompilation.Create(
            "Microsoft.DotNet.Interactive",
            [CSharpSyntaxTree.ParseText(KernelApiShape.Source)],
            Basic.References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new MemoryStream();
        var emitted = kernelApi.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));

        var options = ScriptOptions.Default
            .WithReferences([.. Basic.References(), MetadataReference.CreateFromImage(image.ToArray()), MetadataReference.CreateFromFile(typeof(Interactive.DlExt.Notebook.MagicInvoker).Assembly.Location), MetadataReference.CreateFromFile(typeof(Trainer).Assembly.Location)])
            .WithImports();
        var script = CSharpScript.Create(GlueCode(), options);

        var errors = script.Compile().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();

        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void The_glue_leaks_no_usings_and_ends_without_a_trailing_expression()
    {
        var code = GlueCode();
        var tree = CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(kind: SourceCodeKind.Script));
        var root = (Microsoft.CodeAnalysis.CSharp.Syntax.CompilationUnitSyntax)tree.GetRoot();

        Assert.Empty(root.Usings);
        var last = root.Members.Last();
        var statement = Assert.IsType<Microsoft.CodeAnalysis.CSharp.Syntax.GlobalStatementSyntax>(last);
        Assert.True(statement.Statement.GetLastToken().IsKind(SyntaxKind.SemicolonToken));
        Assert.All(root.Members.OfType<Microsoft.CodeAnalysis.CSharp.Syntax.BaseTypeDeclarationSyntax>(),
            t => Assert.Contains("_4f1c", t.Identifier.Text, StringComparison.Ordinal));
    }

    private static class Basic
    {
        public static MetadataReference[] References() =>
            ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
                .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
                .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
                .ToArray();
    }
}
