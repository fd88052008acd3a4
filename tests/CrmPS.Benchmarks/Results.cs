namespace CrmPS.Benchmarks;

/// <summary>One row of the results table, with the raw figures behind it.</summary>
internal sealed class ScenarioResult
{
    public string Id { get; set; }

    public string Name { get; set; }

    /// <summary>CrmPS's figure, as shown in the table.</summary>
    public string CrmPS { get; set; }

    /// <summary>The baseline's figure, measured in the same process and run.</summary>
    public string Baseline { get; set; }

    /// <summary>CrmPS relative to the baseline, as shown (for example "1.31x" or "112x faster").</summary>
    public string Ratio { get; set; }

    public string Goal { get; set; }

    /// <summary>Whether the goal was met; null where the figure is only reported.</summary>
    public bool? Met { get; set; }

    public Dictionary<string, double> Metrics { get; set; } = new();

    public List<string> Notes { get; set; } = new();
}

internal sealed class BenchmarkReport
{
    public string Generated { get; set; }

    public bool Quick { get; set; }

    public string Configuration { get; set; }

    public string Command { get; set; }

    public double TotalSeconds { get; set; }

    public Dictionary<string, string> Machine { get; set; } = new();

    public List<ScenarioResult> Scenarios { get; set; } = new();
}
