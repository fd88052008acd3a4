using System.Collections;
using System.Management.Automation.Language;

namespace CrmPS.Packager;

/// <summary>A module manifest (.psd1) read as PowerShell reads it: parsed, never run.</summary>
public sealed class ModuleManifest
{
    private readonly Hashtable _data;

    private ModuleManifest(string path, Hashtable data)
    {
        Path = path;
        _data = data;
    }

    public string Path { get; }

    public string Name => System.IO.Path.GetFileNameWithoutExtension(Path);

    public string Version => Text("ModuleVersion") ?? throw new InvalidDataException($"{Path}: no ModuleVersion.");

    public string? Prerelease => PSDataText("Prerelease");

    public static ModuleManifest Read(string path)
    {
        ScriptBlockAst ast = Parser.ParseFile(path, out _, out ParseError[] errors);
        if (errors.Length > 0)
        {
            throw new InvalidDataException($"{path}({errors[0].Extent.StartLineNumber}): {errors[0].Message}");
        }

        var hashtable = (HashtableAst?)ast.Find(a => a is HashtableAst, searchNestedScriptBlocks: false)
            ?? throw new InvalidDataException($"{path}: not a module manifest (no hashtable).");
        return new ModuleManifest(path, (Hashtable)hashtable.SafeGetValue());
    }

    public string? Text(string key) => Scalar(_data[key]);

    public IReadOnlyList<string> List(string key) => Strings(_data[key]);

    public string? PSDataText(string key) => Scalar(PSData?[key]);

    public IReadOnlyList<string> PSDataList(string key) => Strings(PSData?[key]);

    private Hashtable? PSData => (_data["PrivateData"] as Hashtable)?["PSData"] as Hashtable;

    private static string? Scalar(object? value) => value switch
    {
        null => null,
        object[] many => string.Join("\n", many),
        _ => value.ToString(),
    };

    private static IReadOnlyList<string> Strings(object? value) => value switch
    {
        null => Array.Empty<string>(),
        object[] many => many.Select(v => v?.ToString() ?? string.Empty).Where(v => v.Length > 0).ToList(),
        _ => new[] { value.ToString()! },
    };
}
