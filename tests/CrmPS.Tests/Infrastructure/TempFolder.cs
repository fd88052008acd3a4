using System.Text;

namespace CrmPS.Tests.Infrastructure;

/// <summary>A folder of its own under the temp path for a test's files, deleted with it.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder(string prefix)
    {
        Path = Directory.CreateDirectory(System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}")).FullName;
    }

    public string Path { get; }

    /// <summary>The full path of <paramref name="name"/> in the folder.</summary>
    public string this[string name] => System.IO.Path.Combine(Path, name);

    /// <summary>Writes a text file in the encoding given (UTF-8 without a byte order mark by default), preamble included.</summary>
    public string Write(string name, string text, Encoding encoding = null)
    {
        encoding ??= new UTF8Encoding(false);
        File.WriteAllBytes(this[name], encoding.GetPreamble().Concat(encoding.GetBytes(text)).ToArray());
        return this[name];
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
