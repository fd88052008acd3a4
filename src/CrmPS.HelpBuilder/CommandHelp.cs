namespace CrmPS.HelpBuilder;

/// <summary>One cmdlet's help page, as PlatyPS markdown describes it.</summary>
public sealed class CommandHelp
{
    public required string Name { get; init; }

    public required string SourcePath { get; init; }

    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    public string? ExternalHelpFile => Metadata.TryGetValue("external help file", out string? value) ? value : null;

    public string? OnlineVersion => Metadata.TryGetValue("online version", out string? value) && value.Length > 0 ? value : null;

    /// <summary>The sections the page has, in order, by their heading (SYNOPSIS, SYNTAX, ...).</summary>
    public List<string> Sections { get; } = new();

    public List<string> Synopsis { get; } = new();

    public List<string> Description { get; } = new();

    public List<SyntaxHelp> Syntax { get; } = new();

    public List<ExampleHelp> Examples { get; } = new();

    public List<ParameterHelp> Parameters { get; } = new();

    public bool SupportsCommonParameters { get; set; }

    public List<TypeHelp> Inputs { get; } = new();

    public List<TypeHelp> Outputs { get; } = new();

    public List<string> Notes { get; } = new();

    public List<LinkHelp> Links { get; } = new();

    /// <summary>Every `{{ ... }}` left from a PlatyPS template, with its line.</summary>
    public List<(int Line, string Text)> Placeholders { get; } = new();
}

/// <summary>A parameter set as the SYNTAX section names it.</summary>
public sealed record SyntaxHelp(string Name, bool IsDefault, string Code, int Line);

public sealed class ExampleHelp
{
    public required string Title { get; init; }

    public int Line { get; init; }

    /// <summary>The code blocks, in order, with their info string (powershell, Output, ...).</summary>
    public List<(string Language, string Code)> Code { get; } = new();

    /// <summary>Text paragraphs, before and after the code.</summary>
    public List<string> Remarks { get; } = new();

    /// <summary>The PowerShell code of the example (blocks that are not Output), for analysis.</summary>
    public string Script => string.Join("\n\n", Code.Where(c => !IsOutput(c.Language)).Select(c => c.Code));

    public static bool IsOutput(string language) =>
        language.Equals("output", StringComparison.OrdinalIgnoreCase) || language.Equals("text", StringComparison.OrdinalIgnoreCase);
}

public sealed class ParameterHelp
{
    public required string Name { get; init; }

    public int Line { get; init; }

    public List<string> Description { get; } = new();

    /// <summary>One block per distinct metadata; PlatyPS writes several when a parameter differs between sets.</summary>
    public List<ParameterYaml> Metadata { get; } = new();
}

/// <summary>The yaml block under a parameter.</summary>
public sealed class ParameterYaml
{
    public const string AllSets = "(All)";

    public int Line { get; init; }

    public string Type { get; set; } = string.Empty;

    public List<string> ParameterSets { get; } = new();

    public List<string> Aliases { get; } = new();

    public List<string> AcceptedValues { get; } = new();

    public bool Required { get; set; }

    /// <summary>"Named" or a 0-based number, as written.</summary>
    public string Position { get; set; } = "Named";

    public string? DefaultValue { get; set; }

    /// <summary>As written: False, True (ByValue), True (ByPropertyName), True (ByPropertyName, ByValue).</summary>
    public string PipelineInput { get; set; } = "False";

    public bool Globbing { get; set; }

    public bool InAllSets => ParameterSets.Count == 1 && ParameterSets[0] == AllSets;

    public bool ByValue => PipelineInput.Contains("ByValue", StringComparison.OrdinalIgnoreCase);

    public bool ByPropertyName => PipelineInput.Contains("ByPropertyName", StringComparison.OrdinalIgnoreCase);

    public bool IsSwitch => Type is "SwitchParameter" or "System.Management.Automation.SwitchParameter" or "switch";
}

public sealed record TypeHelp(string TypeName, List<string> Description);

public sealed record LinkHelp(string Text, string Uri);
