using System.Globalization;
using CrmPS.Bizstim;
using CrmPS.Tests.Infrastructure;

namespace CrmPS.Tests.Bizstim;

/// <summary>Dates are read as the file's author meant them, or refused; never guessed.</summary>
public sealed class ImportDateRuleTests : BizstimTestBase
{
    private static readonly string[] Header = { "FirstName", "LastName", "State", "Country", "Status", "DOB", "start date" };

    public ImportDateRuleTests(BizstimServerFixture server) : base(server)
    {
    }

    private static object Row(string first, string dob, string start = "2023-05-14") =>
        CsvRows.Make(Header, first, "Lee", "Ontario", "Canada", "active", dob, start);

    [Fact]
    public void A_date_read_differently_in_the_current_and_invariant_cultures_is_refused_naming_row_field_and_both_readings()
    {
        Connect();
        var rows = new[] { Row("Ann", "04/05/2010"), Row("Bob", "13/05/2010") };

        var run = Ps.RunIn(new CultureInfo("en-GB"), "$rows | Import-BizstimClient", ("rows", rows));

        var error = Assert.Single(run.Errors);
        Assert.Equal("BizstimClientRowInvalid", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.StartsWith("Row 1: DateOfBirth ('DOB') '04/05/2010' is ambiguous: 4 May 2010 in the current culture (en-GB), but 5 April 2010 in the invariant (US) culture.", error.Exception.Message);
        Assert.Contains("-DateFormat", error.Exception.Message);
        var stored = Assert.Single(Sandbox.Clients);
        Assert.Equal(("Bob", new DateTime(2010, 5, 13)), (stored.FirstName, stored.Dob!.Value));
    }

    [Fact]
    public void DateFormat_reads_the_cells_in_the_given_form_including_Export_Csv_times()
    {
        Connect();
        var rows = new[] { Row("Ann", "04/05/2010", "05/04/2010 00:00:00") };

        var run = Ps.RunIn(new CultureInfo("en-GB"), "$rows | Import-BizstimClient -DateFormat dd/MM/yyyy", ("rows", rows));

        Assert.Empty(run.Errors);
        var stored = Assert.Single(Sandbox.Clients);
        Assert.Equal(new DateTime(2010, 5, 4), stored.Dob);
        Assert.Equal(new DateTime(2010, 4, 5), stored.StartDate);
    }

    [Fact]
    public void A_German_Export_Csv_date_is_read_in_the_current_culture()
    {
        Connect();
        var rows = new[] { Row("Ann", "13.01.2023 00:00:00", "28.04.2023") };

        var run = Ps.RunIn(new CultureInfo("de-DE"), "$rows | Import-BizstimClient", ("rows", rows));

        Assert.Empty(run.Errors);
        var stored = Assert.Single(Sandbox.Clients);
        Assert.Equal(new DateTime(2023, 1, 13), stored.Dob);
        Assert.Equal(new DateTime(2023, 4, 28), stored.StartDate);
    }

    [Fact]
    public void A_date_that_fits_no_form_names_the_DateFormat_it_was_read_with()
    {
        Connect();

        var run = Ps.Run("$row | Import-BizstimClient -DateFormat dd/MM/yyyy", ("row", Row("Ann", "2010.05.04")));

        var error = Assert.Single(run.Errors);
        Assert.StartsWith("Row 1: DateOfBirth ('DOB') '2010.05.04' is not a date in the form -DateFormat dd/MM/yyyy.", error.Exception.Message);
        Assert.Empty(Sandbox.Clients);
    }
}

/// <summary>
/// Changes the process's local time zone (TZ and TimeZoneInfo's cache), so it runs alone.
/// </summary>
[CollectionDefinition(nameof(LocalTimeZoneCollection), DisableParallelization = true)]
public sealed class LocalTimeZoneCollection
{
}

[Collection(nameof(LocalTimeZoneCollection))]
public sealed class ImportTimeZoneTests : BizstimTestBase
{
    public ImportTimeZoneTests(BizstimServerFixture server) : base(server)
    {
    }

    [Fact]
    public void A_date_only_field_keeps_the_date_as_written_whatever_the_local_time_zone()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // TZ sets the local zone only on Unix.
        }

        Connect();
        using (new EnvironmentVariable("TZ", "America/New_York"))
        {
            TimeZoneInfo.ClearCachedData();
            try
            {
                Assert.Equal(-5, TimeZoneInfo.Local.BaseUtcOffset.TotalHours);
                var rows = new object[]
                {
                    CsvRows.Make(new[] { "FirstName", "LastName", "State", "Country", "Status", "DOB", "StartDate" }, "Ann", "Lee", "Ontario", "Canada", "active", "2010-05-04T00:00:00Z", "2023-05-14T00:30:00+02:00"),
                    CsvRows.Make(new[] { "FirstName", "LastName", "State", "Country", "Status", "DOB", "StartDate" }, "Bob", "Lee", "Ontario", "Canada", "active", new DateTime(2010, 5, 4, 0, 0, 0, DateTimeKind.Utc), new DateTimeOffset(2023, 5, 14, 0, 30, 0, TimeSpan.FromHours(2))),
                };

                var run = Ps.Run("$rows | Import-BizstimClient", ("rows", rows));

                Assert.Empty(run.Errors);
                Assert.All(Sandbox.Clients, c => Assert.Equal((new DateTime(2010, 5, 4), new DateTime(2023, 5, 14)), (c.Dob!.Value, c.StartDate!.Value)));
                Assert.Equal(2, Sandbox.Clients.Count);
            }
            finally
            {
                Environment.SetEnvironmentVariable("TZ", null);
                TimeZoneInfo.ClearCachedData();
            }
        }

        TimeZoneInfo.ClearCachedData();
    }
}
