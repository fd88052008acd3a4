using System.Collections;
using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using CrmPS.Core;
using CrmPS.Tests.Infrastructure;

namespace CrmPS.Tests.Unit;

/// <summary>
/// RowCells reads a PSCustomObject's own properties straight from the engine's member table (the
/// fast path) and everything else through PSObject.Properties: whichever way a row is read, the names
/// and values must be what PSObject.Properties lists, in its order.
/// </summary>
public sealed class RowCellsTests
{
    [Fact]
    public void The_fast_path_reads_the_engines_member_table_directly()
    {
        Assert.True(OwnProperties.ReadsTable, "PSObject.InstanceMembers no longer keeps an OrderedDictionary: rows are read through its copying enumerator (slower, still correct)");
    }

    [Fact]
    public void Rows_made_by_the_real_Import_Csv_read_as_PSObject_Properties_lists_them()
    {
        Collection<PSObject> rows = Run("'\"first name\",e-mail,105_student_id,tags,notes', 'Ann,ann@example.com,S-1,\"vip, new\",', 'Bo,bo@example.com,S-2,,x' | ConvertFrom-Csv");

        AssertReadAsProperties(rows);
    }

    [Fact]
    public void Instance_script_properties_and_members_added_or_removed_later_read_as_PSObject_Properties_lists_them()
    {
        const string script = @"
            $a = [pscustomobject]@{ FirstName = 'Ann'; City = 'Milton'; Gone = 1 }
            $a | Add-Member -MemberType ScriptProperty -Name Email -Value { 'ann@example.com' }
            $a | Add-Member -MemberType ScriptProperty -Name Broken -Value { throw 'no value' }
            $a | Add-Member -MemberType AliasProperty -Name Town -Value City
            $a | Add-Member -MemberType ScriptMethod -Name Greet -Value { 'hi' }
            $a.psobject.Properties.Remove('Gone')
            $a | Add-Member -NotePropertyName Gone -NotePropertyValue 2
            $null = $a.pstypenames, $a.psobject, $a.psbase, $a.psadapted, $a.psextended
            $a
            [pscustomobject]@{ FirstName = 'Bo'; Count = 3; When = [datetime]'2020-01-02' } | Select-Object When, FirstName
            ";

        // Script properties run on the reading thread, as they do on the pipeline thread of a cmdlet.
        var first = OwnRunspace.Read(InitialSessionState.CreateDefault2(), script, rows =>
        {
            AssertReadAsProperties(rows);
            var cells = new RowCells();
            cells.Read(rows[0]);
            return (Names: cells.Names.ToList(), Values: cells.Values.Select(v => v is PSObject wrapped ? wrapped.BaseObject : v).ToList());
        });

        Assert.Equal(new[] { "FirstName", "City", "Email", "Broken", "Town", "Gone" }, first.Names);
        Assert.Equal(new object[] { "Ann", "Milton", "ann@example.com", null, "Milton", 2 }, first.Values);
    }

    [Fact]
    public void Type_data_on_every_row_sends_the_reader_through_PSObject_Properties_for_the_pipeline()
    {
        var second = OwnRunspace.Read(OwnRunspace.WithTagsFromTypeData(), "'first name,city', 'Ann,Milton', 'Bo,Oakville' | ConvertFrom-Csv", rows =>
        {
            AssertReadAsProperties(rows);
            var cells = new RowCells();
            cells.Read(rows[1]);
            return (Names: cells.Names.ToList(), Values: cells.Values.ToList());
        });

        Assert.Equal(new[] { "first name", "city", "tags" }, second.Names);
        Assert.Equal(new object[] { "Bo", "Oakville", "from-type-data" }, second.Values);
    }

    [Fact]
    public void Hashtables_read_by_key_and_count_as_rows()
    {
        var cells = new RowCells();

        Assert.True(cells.Read(PSObject.AsPSObject(new Hashtable { ["FirstName"] = "Ann" })));
        Assert.Equal(new[] { "FirstName" }, cells.Names);
        Assert.Equal(new object[] { "Ann" }, cells.Values);
    }

    [Fact]
    public void Typed_objects_read_through_their_adapted_properties_and_are_not_rows()
    {
        var cells = new RowCells();
        var client = new Typed { FirstName = "Ann", Email = "ann@example.com" };

        Assert.False(cells.Read(client));
        Assert.Equal(PSObject.AsPSObject(client).Properties.Select(p => p.Name), cells.Names);
        Assert.Equal(new object[] { "Ann", "ann@example.com" }, cells.Values);
    }

    [Fact]
    public void A_reader_reused_across_shapes_keeps_no_cells_of_the_previous_row()
    {
        var cells = new RowCells();
        cells.Read(CsvRows.Make(new[] { "a", "b", "c" }, 1, 2, 3));
        cells.Read(PSObject.AsPSObject(new Typed { FirstName = "Ann" }));
        cells.Read(CsvRows.Make(new[] { "x" }, "only"));

        Assert.Equal(new[] { "x" }, cells.Names);
        Assert.Equal(new object[] { "only" }, cells.Values);
    }

    /// <summary>One reader over all the rows, as a pipeline uses it: each row's cells are PSObject.Properties' names and values.</summary>
    private static void AssertReadAsProperties(IEnumerable<PSObject> rows)
    {
        var cells = new RowCells();
        foreach (PSObject row in rows)
        {
            Assert.True(cells.Read(row));
            Assert.Equal(row.Properties.Select(p => p.Name), cells.Names);
            Assert.Equal(row.Properties.Select(ValueOrNull), cells.Values);
        }
    }

    private static object ValueOrNull(PSPropertyInfo property)
    {
        try
        {
            return property.Value;
        }
        catch (GetValueException)
        {
            return null;
        }
    }

    private static Collection<PSObject> Run(string script)
    {
        using var shell = PowerShell.Create();
        Collection<PSObject> output = shell.AddScript(script).Invoke();
        Assert.False(shell.HadErrors, string.Join("; ", shell.Streams.Error));
        return output;
    }

    public sealed class Typed
    {
        public string FirstName { get; set; }

        public string Email { get; set; }
    }
}
