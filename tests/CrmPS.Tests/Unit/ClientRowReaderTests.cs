using System.Collections;
using System.Management.Automation;
using CrmPS.Bizstim;
using CrmPS.Core;
using CrmPS.Tests.Infrastructure;

namespace CrmPS.Tests.Unit;

/// <summary>
/// Import-BizstimClient binds a pipeline row once, by value, and matches its columns to client fields
/// once per row shape; it reads a PSCustomObject's own properties (fast) instead of PSObject.Properties
/// (slow), and must find exactly what PSObject.Properties lists.
/// </summary>
public sealed class ClientRowReaderTests
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

        var names = new List<string>();
        var values = new List<object>();

        Assert.True(OwnProperties.TryRead(row, names, values));
        Assert.Equal(row.Properties.Select(p => p.Name), names);
        Assert.Equal(row.Properties.Select(p => p.Value), values);
    }

    [Theory]
    [InlineData("labels")]
    [InlineData("api")]
    [InlineData("powershell")]
    public void Every_header_spelling_fills_the_sixteen_fields_in_any_case(string spelling)
    {
        string[] names = CsvRows.HeaderNames(spelling).Select((n, i) => i % 2 == 0 ? n.ToUpperInvariant() : n).ToArray();
        object[] values = Enumerable.Range(0, 16).Select(i => (object)$"v{i}").ToArray();

        var read = new ClientRowReader().Read(CsvRows.Make(names, values));

        Assert.Equal(values, read.FixedValues);
        Assert.Empty(read.Extras);
    }

    [Fact]
    public void Custom_fields_and_tags_are_read_in_column_order_with_their_values_and_the_rest_is_reported_unused()
    {
        var reader = new ClientRowReader();
        var row = CsvRows.Make(new[] { "first name", "105_student_id", "notes", "TAGS", "7", "Favourite colour" }, "Ann", "S-1", "n", "vip", "seven", "blue");

        var read = reader.Read(row);

        Assert.Equal(new[] { "105_student_id", "TAGS", "7" }, read.Extras.Select(e => e.Key));
        Assert.Equal(new object[] { "S-1", "vip", "seven" }, read.Extras.Select(e => e.Value));
        Assert.Equal("n", read.FixedValues[ClientColumns.Notes]);
        Assert.Equal(new[] { "Favourite colour" }, reader.NewUnusedColumns);
        reader.Read(row);
        Assert.Null(reader.NewUnusedColumns);
    }

    [Fact]
    public void A_column_map_wins_over_a_column_with_the_field_name_and_a_column_mapped_away_leaves_its_field()
    {
        var map = ClientColumnMap.ReadColumnMap(new Hashtable { ["E-mail Address"] = "Email", ["Email"] = "105_old_email", ["Birthday"] = "DOB" });
        var reader = new ClientRowReader(map);

        var read = reader.Read(CsvRows.Make(new[] { "Email", "E-mail Address", "Birthday" }, "old@example.com", "new@example.com", "2001-02-03"));

        Assert.Equal("new@example.com", read.FixedValues[ClientColumns.Email]);
        Assert.Equal("2001-02-03", read.FixedValues[ClientColumns.DateOfBirth]);
        Assert.Equal(("105_old_email", (object)"old@example.com"), (read.Extras.Single().Key, read.Extras.Single().Value));
        Assert.Null(reader.NewUnusedColumns);
    }

    [Fact]
    public void The_column_maps_classification_of_custom_field_and_tags_columns_builds_the_same_row_as_classifying_each_row()
    {
        var map = ClientColumnMap.ReadColumnMap(new Hashtable { ["Student"] = "105_student_id", ["Labels"] = "TAGS", ["Grade"] = "0255" });
        var reader = new ClientRowReader(map);
        var builder = new ClientRowBuilder(null, null);
        string[] names = CsvRows.HeaderNames("labels").Concat(new[] { "Student", "Labels", "Grade", "7" }).ToArray();
        object[] values = CsvRows.Values("Ann", "Lee").Cast<object>().Concat(new object[] { "S-1", "vip, new", "Grade 5", "seven" }).ToArray();

        var read = reader.Read(CsvRows.Make(names, values));
        var fromMap = builder.Build(1, read, out var problems);
        var classifiedHere = builder.Build(1, read.FixedValues, read.Extras, out _);

        Assert.Empty(problems);
        Assert.Equal(new[] { ("105", "105_student_id", "S-1"), ("255", "0255_", "Grade 5"), ("7", "7_", "seven") }, fromMap.CustomFields.Select(f => (f.FieldId, f.Label, f.Value)));
        Assert.Equal("vip, new", fromMap.Tags);
        Assert.Equal(classifiedHere.CustomFields.Select(f => (f.FieldId, f.Label, f.Value)), fromMap.CustomFields.Select(f => (f.FieldId, f.Label, f.Value)));
        Assert.Equal(classifiedHere.Tags, fromMap.Tags);
    }

    [Theory]
    [InlineData("Phone Number")]
    [InlineData("0_zero")]
    public void A_column_map_to_something_that_is_no_column_is_refused(string target)
    {
        var ex = Assert.Throws<ArgumentException>(() => ClientColumnMap.ReadColumnMap(new Hashtable { ["x"] = target }));
        Assert.Contains($"'{target}'", ex.Message);
    }

    [Fact]
    public void A_new_row_shape_in_the_same_pipeline_is_matched_again()
    {
        var reader = new ClientRowReader();

        var first = reader.Read(CsvRows.Make(new[] { "first name", "e-mail" }, "Ann", "ann@example.com"));
        var second = reader.Read(CsvRows.Make(new[] { "Email", "FirstName", "City" }, "bo@example.com", "Bo", "Milton"));
        var third = reader.Read(CsvRows.Make(new[] { "first name", "e-mail" }, "Cy", "cy@example.com"));

        Assert.Equal(("Ann", "ann@example.com"), ((string)first.FixedValues[ClientColumns.FirstName], (string)first.FixedValues[ClientColumns.Email]));
        Assert.Equal(("Bo", "bo@example.com", "Milton"), ((string)second.FixedValues[ClientColumns.FirstName], (string)second.FixedValues[ClientColumns.Email], (string)second.FixedValues[ClientColumns.City]));
        Assert.Equal(("Cy", "cy@example.com"), ((string)third.FixedValues[ClientColumns.FirstName], (string)third.FixedValues[ClientColumns.Email]));
        Assert.Null(third.FixedValues[ClientColumns.City]);
    }

    [Fact]
    public void Hashtables_are_read_by_key()
    {
        var read = new ClientRowReader().Read(PSObject.AsPSObject(new Hashtable { ["FIRSTNAME"] = "Ann", ["105"] = "S-1" }));

        Assert.Equal("Ann", read.FixedValues[ClientColumns.FirstName]);
        Assert.Equal(("105", (object)"S-1"), (read.Extras.Single().Key, read.Extras.Single().Value));
    }

    [Fact]
    public void Objects_that_are_not_PSCustomObjects_are_read_through_their_adapted_properties()
    {
        var read = new ClientRowReader().Read(PSObject.AsPSObject(new Tagged { Tags = "a, b", FirstName = "Ann" }));

        Assert.Equal("Ann", read.FixedValues[ClientColumns.FirstName]);
        Assert.Equal(new[] { "Tags" }, read.Extras.Select(e => e.Key));
        Assert.Equal("a, b", read.Extras[0].Value);
    }

    [Fact]
    public void Type_data_that_adds_a_tags_property_to_every_row_is_still_honoured()
    {
        // Rows come out of the runspace, and are read on a thread whose default runspace has the type data.
        var results = OwnRunspace.Read(
            OwnRunspace.WithTagsFromTypeData(),
            "$rows | ForEach-Object { $_ }",
            rows =>
            {
                var reader = new ClientRowReader();
                return rows.Select(reader.Read).ToList();
            },
            ("rows", CsvRows.Documented(3)));

        Assert.Equal(3, results.Count);
        Assert.All(results, read => Assert.Equal(new[] { "tags" }, read.Extras.Select(e => e.Key)));
    }

    public sealed class Tagged
    {
        public string FirstName { get; set; }

        public string Tags { get; set; }
    }
}
