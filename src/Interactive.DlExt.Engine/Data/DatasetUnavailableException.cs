namespace Interactive.DlExt;

/// <summary>
/// A data set could be neither found on disk nor downloaded. The message says where the library looked,
/// what failed, and how to provide the files by hand.
/// </summary>
public sealed class DatasetUnavailableException : IOException
{
    /// <summary>Creates the exception.</summary>
    public DatasetUnavailableException()
        : base("The data set is not available.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public DatasetUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public DatasetUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
