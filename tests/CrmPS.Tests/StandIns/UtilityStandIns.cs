using System.Collections;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Text;

namespace CrmPS.Tests.StandIns;

// The hosted engine from the System.Management.Automation package has only the core cmdlets.
// These stand-ins give the test runspaces the few Utility/Management cmdlets our scripts use,
// behaving as the real ones do for the parameters we use (Import-Csv emits PSCustomObjects
// with string properties named exactly as the header).

[Cmdlet(VerbsData.Import, "Csv")]
public sealed class ImportCsvStandIn : PSCmdlet
{
    [Parameter(Mandatory = true, Position = 0)] public string Path { get; set; }

    protected override void EndProcessing()
    {
        string full = GetUnresolvedProviderPathFromPSPath(Path);
        var records = CsvText.Parse(File.ReadAllText(full, Encoding.UTF8));
        if (records.Count == 0) return;
        var header = records[0];
        foreach (var record in records.Skip(1))
        {
            var row = new PSObject();
            for (int i = 0; i < header.Count; i++)
            {
                row.Properties.Add(new PSNoteProperty(header[i], i < record.Count ? record[i] : null));
            }

            WriteObject(row);
        }
    }
}

[Cmdlet(VerbsData.Export, "Csv")]
public sealed class ExportCsvStandIn : PSCmdlet
{
    private readonly List<PSObject> _rows = new();
    [Parameter(Mandatory = true, Position = 0)] public string Path { get; set; }
    [Parameter(ValueFromPipeline = true)] public PSObject InputObject { get; set; }
    [Parameter] public SwitchParameter NoTypeInformation { get; set; }

    protected override void ProcessRecord() { if (InputObject != null) _rows.Add(InputObject); }

    protected override void EndProcessing()
    {
        var text = new StringBuilder();
        if (_rows.Count > 0)
        {
            var names = _rows[0].Properties.Select(p => p.Name).ToList();
            text.AppendLine(string.Join(",", names.Select(CsvText.Quote)));
            foreach (var row in _rows)
            {
                text.AppendLine(string.Join(",", names.Select(n => CsvText.Quote(Convert.ToString(row.Properties[n]?.Value, CultureInfo.InvariantCulture)))));
            }
        }

        File.WriteAllText(GetUnresolvedProviderPathFromPSPath(Path), text.ToString(), Encoding.UTF8);
    }
}

/// <summary>Renders each object as one text line of "Name=Value" pairs, enough for tests to read.</summary>
[Cmdlet(VerbsCommon.Format, "Table")]
public sealed class FormatTableStandIn : PSCmdlet
{
    [Parameter(Position = 0)] public object[] Property { get; set; }
    [Parameter(ValueFromPipeline = true)] public PSObject InputObject { get; set; }
    [Parameter] public SwitchParameter AutoSize { get; set; }
    [Parameter] public SwitchParameter Wrap { get; set; }

    protected override void ProcessRecord()
    {
        if (InputObject == null) return;
        var names = Property?.Select(p => p.ToString()).ToList() ?? InputObject.Properties.Select(p => p.Name).ToList();
        WriteObject(string.Join(" | ", names.Select(n => $"{n}={InputObject.Properties[n]?.Value}")));
    }
}

[Cmdlet(VerbsCommon.Select, "Object")]
public sealed class SelectObjectStandIn : PSCmdlet
{
    private int _seen;
    [Parameter(Position = 0)] public string[] Property { get; set; }
    [Parameter] public string ExpandProperty { get; set; }
    [Parameter] public int First { get; set; } = int.MaxValue;
    [Parameter(ValueFromPipeline = true)] public PSObject InputObject { get; set; }

    protected override void ProcessRecord()
    {
        if (InputObject == null || _seen++ >= First) return;
        if (ExpandProperty != null) { WriteObject(InputObject.Properties[ExpandProperty]?.Value, true); return; }
        if (Property == null) { WriteObject(InputObject); return; }
        var selected = new PSObject();
        foreach (var name in Property) selected.Properties.Add(new PSNoteProperty(name, InputObject.Properties[name]?.Value));
        WriteObject(selected);
    }
}

[Cmdlet(VerbsData.Group, "Object")]
public sealed class GroupObjectStandIn : PSCmdlet
{
    private readonly List<(string Key, List<PSObject> Items)> _groups = new();
    [Parameter(Position = 0, Mandatory = true)] public string Property { get; set; }
    [Parameter(ValueFromPipeline = true)] public PSObject InputObject { get; set; }

    protected override void ProcessRecord()
    {
        if (InputObject == null) return;
        string key = Convert.ToString(InputObject.Properties[Property]?.Value, CultureInfo.InvariantCulture) ?? string.Empty;
        var group = _groups.FirstOrDefault(g => string.Equals(g.Key, key, StringComparison.OrdinalIgnoreCase));
        if (group.Items == null) { group = (key, new List<PSObject>()); _groups.Add(group); }
        group.Items.Add(InputObject);
    }

    protected override void EndProcessing()
    {
        foreach (var (key, items) in _groups)
        {
            var info = new PSObject();
            info.Properties.Add(new PSNoteProperty("Name", key));
            info.Properties.Add(new PSNoteProperty("Count", items.Count));
            info.Properties.Add(new PSNoteProperty("Group", items.ToArray()));
            WriteObject(info);
        }
    }
}

[Cmdlet(VerbsDiagnostic.Measure, "Object")]
public sealed class MeasureObjectStandIn : PSCmdlet
{
    private int _count;
    [Parameter(ValueFromPipeline = true)] public PSObject InputObject { get; set; }
    protected override void ProcessRecord() { if (InputObject != null) _count++; }
    protected override void EndProcessing()
    {
        var info = new PSObject();
        info.Properties.Add(new PSNoteProperty("Count", _count));
        WriteObject(info);
    }
}

[Cmdlet(VerbsCommunications.Write, "Output")]
public sealed class WriteOutputStandIn : PSCmdlet
{
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromRemainingArguments = true)] public PSObject[] InputObject { get; set; }
    protected override void ProcessRecord() { if (InputObject != null) foreach (var o in InputObject) WriteObject(o); }
}

[Cmdlet(VerbsCommon.Join, "Path")]
public sealed class JoinPathStandIn : PSCmdlet
{
    [Parameter(Mandatory = true, Position = 0)] public string Path { get; set; }
    [Parameter(Mandatory = true, Position = 1)] public string ChildPath { get; set; }
    protected override void EndProcessing() => WriteObject(System.IO.Path.Combine(Path, ChildPath));
}

[Cmdlet("Sort", "Object")]
public sealed class SortObjectStandIn : PSCmdlet
{
    private readonly List<PSObject> _items = new();
    [Parameter(Position = 0)] public string Property { get; set; }
    [Parameter(ValueFromPipeline = true)] public PSObject InputObject { get; set; }
    protected override void ProcessRecord() { if (InputObject != null) _items.Add(InputObject); }
    protected override void EndProcessing()
    {
        var sorted = Property == null
            ? _items.OrderBy(i => i.BaseObject as IComparable)
            : _items.OrderBy(i => i.Properties[Property]?.Value as IComparable);
        foreach (var item in sorted) WriteObject(item);
    }
}

[Cmdlet(VerbsCommon.Get, "Date")]
public sealed class GetDateStandIn : PSCmdlet
{
    [Parameter(Position = 0)] public DateTime? Date { get; set; }
    protected override void EndProcessing() => WriteObject(Date ?? DateTime.Now);
}

internal static class UtilityStandIns
{
    public static void AddTo(InitialSessionState state)
    {
        var standIns = new (string Name, Type Type)[]
        {
            ("Import-Csv", typeof(ImportCsvStandIn)), ("Export-Csv", typeof(ExportCsvStandIn)),
            ("Format-Table", typeof(FormatTableStandIn)), ("Select-Object", typeof(SelectObjectStandIn)),
            ("Group-Object", typeof(GroupObjectStandIn)), ("Measure-Object", typeof(MeasureObjectStandIn)),
            ("Write-Output", typeof(WriteOutputStandIn)), ("Join-Path", typeof(JoinPathStandIn)),
            ("Sort-Object", typeof(SortObjectStandIn)), ("Get-Date", typeof(GetDateStandIn)),
        };
        foreach (var (name, type) in standIns)
        {
            state.Commands.Add(new SessionStateCmdletEntry(name, type, null));
        }
    }
}
