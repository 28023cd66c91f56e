using System.Runtime.CompilerServices;

namespace Interactive.DlExt.Tests.Support;

/// <summary>
/// Approval testing: output is compared exactly with a committed "Name.approved.svg" beside the test file.
/// On a mismatch (or a missing approved file) "Name.received.svg" is written there to review and, if
/// right, rename over the approved one.
/// </summary>
public static class Approvals
{
    public static void Verify(string received, string name, [CallerFilePath] string testFile = "")
    {
        var directory = Path.GetDirectoryName(testFile)!;
        var approvedPath = Path.Combine(directory, name + ".approved.svg");
        var receivedPath = Path.Combine(directory, name + ".received.svg");
        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).ReplaceLineEndings("\n") : null;
        if (approved == received)
        {
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, received);
        Assert.Fail(approved is null
            ? $"No approved file yet: review {receivedPath} and rename it to {Path.GetFileName(approvedPath)}."
            : $"Output differs from {approvedPath}: review {receivedPath} and rename it over the approved file if it is right.");
    }
}
