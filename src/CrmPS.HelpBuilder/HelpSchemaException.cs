namespace CrmPS.HelpBuilder;

/// <summary>A help file that cannot be turned into help, with the place to fix it.</summary>
public sealed class HelpSchemaException : Exception
{
    public HelpSchemaException(string path, int line, string message)
        : base(message)
    {
        FilePath = path;
        Line = line;
    }

    public string FilePath { get; }

    public int Line { get; }

    /// <summary>The canonical MSBuild form, so the build lists it as an error on the file and line.</summary>
    public string ToMSBuildError() => $"{FilePath}({Line}): error CRMHELP001: {Message}";
}
