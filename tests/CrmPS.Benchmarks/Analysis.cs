using System.Text;

namespace CrmPS.Benchmarks;

/// <summary>The notes under the table: where the time goes, computed from the figures.</summary>
internal static class Analysis
{
    public static string Write(BenchmarkReport report)
    {
        var md = new StringBuilder();
        md.AppendLine("## Where the time goes");
        md.AppendLine();
        foreach (ScenarioResult s in report.Scenarios.Where(s => s.Notes.Count > 0))
        {
            foreach (string note in s.Notes)
            {
                md.AppendLine($"- {s.Id}, {s.Name}: {note}");
            }
        }

        return md.ToString();
    }
}
