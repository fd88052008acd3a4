using System.Collections;
using System.Globalization;
using CrmPS.Bizstim;

namespace CrmPS.Tests.Unit;

public sealed class ClientRowBuilderTests
{
    private static object[] Fixed(string first = "Ann", string last = "Lee", object dob = null, string status = "active", object start = null, string state = "Ontario", string country = "Canada") =>
        new object[] { first, last, "", "", "", state, "", country, "", "", "", "ann@example.com", dob, status, start, "" };

    private static ClientRow Build(object[] values, IEnumerable<KeyValuePair<string, object>> extra = null, IDictionary custom = null, string[] tags = null) =>
        new ClientRowBuilder(custom, tags).Build(7, values, extra, out _);

    private static List<string> Problems(object[] values)
    {
        new ClientRowBuilder(null, null).Build(7, values, null, out var problems);
        return problems;
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("en-US")]
    public void Dates_are_read_and_written_the_same_under_any_culture(string culture)
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo(culture);
        try
        {
            var fromText = Build(Fixed(dob: "1973-04-28", start: "28.04.2023"));
            var fromDate = Build(Fixed(dob: new DateTime(1973, 4, 28, 15, 30, 0), start: new DateTimeOffset(2023, 4, 28, 0, 0, 0, TimeSpan.FromHours(2))));
            var fromUs = Build(Fixed(dob: "04/28/1973"));

            Assert.Equal("1973-04-28", fromText.FixedValues[ClientColumns.DateOfBirth]);
            Assert.Equal("2023-04-28", fromText.FixedValues[ClientColumns.StartDate]);
            Assert.Equal("1973-04-28", fromDate.FixedValues[ClientColumns.DateOfBirth]);
            Assert.Equal("2023-04-28", fromDate.FixedValues[ClientColumns.StartDate]);
            Assert.Equal("1973-04-28", fromUs.FixedValues[ClientColumns.DateOfBirth]);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Every_missing_required_value_is_named()
    {
        var problems = Problems(Fixed(first: " ", last: "", status: "", state: "", country: null));

        Assert.Equal(5, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("FirstName ('first name')", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("LastName ('last name')", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("State ('state')", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Country ('country')", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Status ('status')", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("ACTIVE", "active")]
    [InlineData(" Prospect ", "prospect")]
    [InlineData("inactive", "inactive")]
    public void Status_is_accepted_in_any_case_and_sent_lower_case(string given, string sent)
    {
        Assert.Equal(sent, Build(Fixed(status: given)).FixedValues[ClientColumns.Status]);
    }

    [Theory]
    [InlineData("pending")]
    [InlineData("1")]
    [InlineData("activ")]
    public void Other_statuses_are_refused(string given)
    {
        Assert.Contains(Problems(Fixed(status: given)), p => p.StartsWith($"Status '{given}' is not valid", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("2001-02-31")]
    [InlineData("yesterday")]
    [InlineData("13/13/2001")]
    public void Impossible_dates_are_refused_naming_the_field(string given)
    {
        Assert.Contains(Problems(Fixed(dob: given)), p => p.StartsWith($"DateOfBirth ('DOB') '{given}' is not a date", StringComparison.Ordinal));
    }

    [Fact]
    public void Numbers_and_arrays_become_invariant_text()
    {
        var values = Fixed();
        values[ClientColumns.ZipCode] = 90210;
        values[ClientColumns.Notes] = 1.5;
        values[ClientColumns.Email] = new[] { "a@example.com", "b@example.com" };
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("de-DE");
        try
        {
            var row = Build(values);
            Assert.Equal("90210", row.FixedValues[ClientColumns.ZipCode]);
            Assert.Equal("1.5", row.FixedValues[ClientColumns.Notes]);
            Assert.Equal("a@example.com,b@example.com", row.FixedValues[ClientColumns.Email]);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Custom_field_columns_and_tags_come_from_the_row_and_the_parameters()
    {
        var extra = new Dictionary<string, object> { ["105_student_id"] = "S-1", ["255_grade"] = "Grade 5", ["Tags"] = "a, b,,", ["2nd"] = "ignored" };
        var custom = new Hashtable { [255] = "Grade 6", ["301_bus"] = "Route 9" };

        var row = Build(Fixed(), extra, custom, new[] { "B", "c" });

        Assert.Equal(new[] { ("105", "105_student_id", "S-1"), ("255", "255_grade", "Grade 6"), ("301", "301_bus", "Route 9") },
            row.CustomFields.Select(f => (f.FieldId, f.Label, f.Value)));
        Assert.Equal("a, b, c", row.Tags);
    }

    [Theory]
    [InlineData(" vip ", "vip")]
    [InlineData("", "")]
    [InlineData("vip, ,VIP,gold", "vip, gold")]
    public void A_rows_tags_are_trimmed_and_deduplicated_one_tag_or_several(string given, string sent)
    {
        var row = Build(Fixed(), new Dictionary<string, object> { ["tags"] = given });

        Assert.Equal(sent, row.Tags);
    }

    [Fact]
    public void One_builder_reads_each_rows_own_custom_fields_when_the_columns_change_from_row_to_row()
    {
        var builder = new ClientRowBuilder(null, null);

        var first = builder.Build(1, Fixed(), new Dictionary<string, object> { ["105_student_id"] = "S-1", ["tags"] = "a" }, out _);
        var second = builder.Build(2, Fixed(), new Dictionary<string, object> { ["105_student_id"] = "S-2", ["0255"] = "Grade 5", ["notes2"] = "x" }, out _);
        var third = builder.Build(3, Fixed(), new Dictionary<string, object> { ["Tags"] = "b" }, out _);

        Assert.Equal(new[] { ("105", "105_student_id", "S-1") }, first.CustomFields.Select(f => (f.FieldId, f.Label, f.Value)));
        Assert.Equal("a", first.Tags);
        Assert.Equal(new[] { ("105", "105_student_id", "S-2"), ("255", "0255_", "Grade 5") }, second.CustomFields.Select(f => (f.FieldId, f.Label, f.Value)));
        Assert.Null(second.Tags);
        Assert.Empty(third.CustomFields);
        Assert.Equal("b", third.Tags);
    }

    [Fact]
    public void A_custom_field_parameter_key_that_is_not_a_field_number_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new ClientRowBuilder(new Hashtable { ["colour"] = "Blue" }, null));
        Assert.Contains("-CustomField key 'colour'", error.Message);
    }
}
