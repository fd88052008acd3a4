using System.Management.Automation;
using System.Management.Automation.Runspaces;
using CrmPS.Bizstim;
using CrmPS.Core;
using CrmPS.Tests.Infrastructure;

namespace CrmPS.Tests.Unit;

/// <summary>
/// Import-BizstimClient reads a row's custom-field and tags columns from the row's own properties
/// (fast) instead of PSObject.Properties (slow), and must find exactly what PSObject.Properties lists.
/// </summary>
public sealed class ExtraColumnsTests
{
    [Fact]
    public void The_fast_path_is_available_in_the_engine_the_module_ships_for()
    {
        Assert.True(OwnProperties.Available, "PSObject.InstanceMembers is gone: Import-BizstimClient falls back to PSObject.Properties (slower, still correct)");
    }

    [Fact]
    public void Own_properties_are_what_PSObject_Properties_lists_for_a_csv_row()
    {
        var row = CsvRows.Make(new[] { "first name", "105_student_id", "tags", "7" }, "Ann", "S-1", "vip, new", "x");
        row.Properties.Add(new PSNoteProperty("added later", 1));

        Assert.Equal(row.Properties.Select(p => p.Name), OwnProperties.TryRead(row)!.Select(p => p.Name));
    }

    [Fact]
    public void Custom_fields_and_tags_are_read_in_property_order_with_their_values()
    {
        var reader = new ExtraColumns();
        var row = CsvRows.Make(new[] { "first name", "105_student_id", "notes", "TAGS", "7" }, "Ann", "S-1", "n", "vip", "seven");

        var extras = reader.Read(row);

        Assert.Equal(new[] { "105_student_id", "TAGS", "7" }, extras.Select(e => e.Key));
        Assert.Equal(new object[] { "S-1", "vip", "seven" }, extras.Select(e => e.Value));
        Assert.Empty(reader.Read(CsvRows.Make(new[] { "first name" }, "Bo")));
        Assert.Empty(reader.Read(null));
    }

    [Fact]
    public void Objects_that_are_not_PSCustomObjects_are_read_through_their_adapted_properties()
    {
        var reader = new ExtraColumns();

        var extras = reader.Read(PSObject.AsPSObject(new Tagged { Tags = "a, b", FirstName = "Ann" }));

        Assert.Equal(new[] { "Tags" }, extras.Select(e => e.Key));
        Assert.Equal("a, b", extras[0].Value);
    }

    [Fact]
    public void Type_data_that_adds_a_tags_property_to_every_row_is_still_honoured()
    {
        var state = InitialSessionState.CreateDefault2();
        var typeData = new TypeData("System.Management.Automation.PSCustomObject");
        typeData.Members.Add("tags", new NotePropertyData("tags", "from-type-data"));
        state.Types.Add(new SessionStateTypeEntry(typeData, isRemove: false));
        using var runspace = RunspaceFactory.CreateRunspace(state);
        runspace.Open();
        runspace.SessionStateProxy.SetVariable("rows", CsvRows.Documented(3));

        // Rows come out of the runspace, and are read on a thread whose default runspace has the type data.
        var results = new List<IReadOnlyList<KeyValuePair<string, object>>>();
        var previous = Runspace.DefaultRunspace;
        Runspace.DefaultRunspace = runspace;
        try
        {
            using var inner = PowerShell.Create();
            inner.Runspace = runspace;
            inner.AddScript("$rows | ForEach-Object { $_ }");
            var reader = new ExtraColumns();
            foreach (PSObject row in inner.Invoke())
            {
                results.Add(reader.Read(row));
            }
        }
        finally
        {
            Runspace.DefaultRunspace = previous;
        }

        Assert.Equal(3, results.Count);
        Assert.All(results, extras => Assert.Equal(new[] { "tags" }, extras.Select(e => e.Key)));
    }

    public sealed class Tagged
    {
        public string FirstName { get; set; }

        public string Tags { get; set; }
    }
}
