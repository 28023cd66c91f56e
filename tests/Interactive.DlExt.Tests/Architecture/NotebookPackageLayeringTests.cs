using System.Text.RegularExpressions;
using Interactive.DlExt.Tests.Support;

namespace Interactive.DlExt.Tests.Architecture;

/// <summary>
/// The notebook package's floor plan: each folder may use the folders below it and never one above, so the
/// package has no cycle. Charts draw SVG; Formatting turns engine results into HTML and text (every view, the one
/// HTML kit, the report); Hosts run requests in a terminal or a report; Notebook holds the magics and <c>Dl</c>;
/// KernelGlue binds them to the .NET Interactive kernel.
/// </summary>
public sealed partial class NotebookPackageLayeringTests
{
    private static readonly string[] Floors = ["Charts", "Formatting", "Hosts", "Notebook", "KernelGlue"];

    // The published namespaces of public types that sit in another folder's namespace; no new entry without a reason.
    private static readonly Dictionary<string, string> FolderNamespaces = new()
    {
        ["Charts"] = "Interactive.DlExt.Charts",
        ["Formatting"] = "Interactive.DlExt.Formatting",
        ["Hosts"] = "Interactive.DlExt.Notebook", // the hosts were published with the notebook API they run
        ["Notebook"] = "Interactive.DlExt.Notebook",
        ["KernelGlue"] = "Interactive.DlExt.KernelGlue",
    };

    [Fact]
    public void Every_folder_of_the_notebook_package_is_on_the_floor_plan()
    {
        var folders = Directory.GetDirectories(Repository.PathOf("src", "Interactive.DlExt"))
            .Select(Path.GetFileName).Where(f => f is not ("bin" or "obj")).Order(StringComparer.Ordinal);

        Assert.Equal(Floors.Order(StringComparer.Ordinal), folders);
    }

    [Fact]
    public void A_folder_uses_only_the_folders_below_it()
    {
        var folderOf = DeclaredTypes().ToDictionary(d => d.Name, d => d.Folder);
        var package = typeof(Html).Assembly;
        var violations = new List<string>();
        foreach (var type in package.GetTypes().Where(t => !t.IsNested))
        {
            if (!folderOf.TryGetValue(NameOf(type), out var from))
            {
                continue; // compiler-generated (e.g. <PrivateImplementationDetails>)
            }

            foreach (var used in TypeReferences.Of(type).Where(t => t.Assembly == package).Select(Outermost).Distinct())
            {
                if (folderOf.TryGetValue(NameOf(used), out var to) && Array.IndexOf(Floors, to) > Array.IndexOf(Floors, from))
                {
                    violations.Add($"{from}/{NameOf(type)} uses {to}/{NameOf(used)}");
                }
            }
        }

        Assert.Empty(violations);
    }

    [Fact]
    public void A_type_lives_in_its_folders_namespace_or_the_root_namespace_if_public()
    {
        var wrong = DeclaredTypes()
            .Where(d => d.Namespace != FolderNamespaces[d.Folder] && !(d.Namespace == "Interactive.DlExt" && d.IsPublic))
            .Select(d => $"{d.Folder}/{d.Name} is in {d.Namespace}");

        Assert.Empty(wrong);
    }

    private static Type Outermost(Type type)
    {
        while (type.DeclaringType is { } outer)
        {
            type = outer;
        }

        return type;
    }

    private static string NameOf(Type type) => type.Name.Split('`')[0];

    private static IEnumerable<(string Name, string Folder, string Namespace, bool IsPublic)> DeclaredTypes() =>
        from folder in Floors
        from file in Directory.EnumerateFiles(Repository.PathOf("src", "Interactive.DlExt", folder), "*.cs")
        let text = File.ReadAllText(file)
        let ns = Namespace().Match(text).Groups[1].Value
        from Match m in TopLevelType().Matches(text)
        select (m.Groups["name"].Value, folder, ns, m.Groups["access"].Value == "public");

    [GeneratedRegex(@"^namespace ([\w.]+);", RegexOptions.Multiline)]
    private static partial Regex Namespace();

    // Top-level declarations start at column 0 (nested ones are indented).
    [GeneratedRegex(@"^(?<access>public|internal)(?: (?:static|sealed|abstract|readonly|partial|ref))* (?:class|record struct|record class|record|struct|interface|enum) (?<name>\w+)", RegexOptions.Multiline)]
    private static partial Regex TopLevelType();
}
