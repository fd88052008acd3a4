using System.Globalization;
using System.Management.Automation;
using System.Text.Json;
using CrmPS.Bizstim;
using CrmPS.Sandbox;
using CrmPS.Tests.Infrastructure;

namespace CrmPS.Tests.Bizstim;

public sealed class ImportBizstimClientTests : BizstimTestBase
{
    public ImportBizstimClientTests(BizstimServerFixture server) : base(server)
    {
    }

    [Fact]
    public void Csv_rows_with_the_documented_labels_are_imported_and_reported_in_order()
    {
        Connect();
        var rows = CsvRows.Documented(5);

        var run = Ps.Run("$rows | Import-BizstimClient", ("rows", rows));

        Assert.Empty(run.Errors);
        var results = run.Objects<ImportResult>().ToList();
        Assert.Equal(new long[] { 1, 2, 3, 4, 5 }, results.Select(r => r.Row));
        Assert.All(results, r => Assert.Equal(ImportStatus.Imported, r.Status));
        Assert.All(results, r => Assert.Equal(1, r.Batch));
        var stored = Sandbox.Clients;
        Assert.Equal(5, stored.Count);
        Assert.Equal("Ann1", stored[0].FirstName);
        Assert.Equal("Lee1", stored[0].LastName);
        Assert.Equal("1 Main St.", stored[0].Address1);
        Assert.Equal("Apt 1", stored[0].Address2);
        Assert.Equal("(905) 454-6461", stored[0].PrimaryPhone);
        Assert.Equal("ann1@example.com", stored[0].Email);
        Assert.Equal(new DateTime(1980, 1, 2), stored[0].Dob);
        Assert.Equal("prospect", stored[0].Status);
    }

    [Theory]
    [InlineData("labels")]
    [InlineData("api")]
    [InlineData("powershell")]
    public void Every_header_spelling_binds_all_sixteen_columns(string spelling)
    {
        Connect();
        string[] names = CsvRows.HeaderNames(spelling);
        object row = CsvRows.Make(names, "Jo", "Smith", "1 Main St", "Apt 2", "Milton", "Ontario", "L7D 5S2", "Canada",
            "905-454-6464", "416-567-1144", "19054546464", "jo@example.com", "1973-04-28", "Active", "2023-05-14", "Met at the fair");

        var run = Ps.Run("$row | Import-BizstimClient", ("row", row));

        Assert.Empty(run.Errors);
        var body = LastImportBody();
        Assert.Equal(
            new[] { "Jo", "Smith", "1 Main St", "Apt 2", "Milton", "Ontario", "L7D 5S2", "Canada", "905-454-6464", "416-567-1144", "19054546464", "jo@example.com", "1973-04-28", "active", "2023-05-14", "Met at the fair" },
            body.GetProperty("data")[0].EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void Custom_fields_and_tags_reach_the_server_in_the_documented_header_order()
    {
        Connect();
        var first = CsvRows.Make(CsvRows.HeaderNames("labels").Concat(new[] { "105_student_id", "tags" }).ToArray(),
            CsvRows.Values("Ann", "Lee").Concat(new[] { "S-1", "Class of 2026, District 9" }).ToArray());
        var second = CsvRows.Make(CsvRows.HeaderNames("labels").Concat(new[] { "198_lunch" }).ToArray(),
            CsvRows.Values("Bob", "Ray").Concat(new[] { "Lunch in school" }).ToArray());

        var run = Ps.Run("$first, $second | Import-BizstimClient -Tag 'Imported' -CustomField @{ 255 = 'Grade 6' }", ("first", first), ("second", second));

        Assert.Empty(run.Errors);
        var body = LastImportBody();
        var header = body.GetProperty("header").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Equal(ClientColumnsLabels, header.Take(16));
        Assert.Equal(new[] { "105_student_id", "255_", "198_lunch", "tags" }, header.Skip(16));
        var data = body.GetProperty("data");
        Assert.Equal(new[] { "S-1", "Grade 6", "", "Class of 2026, District 9, Imported" }, data[0].EnumerateArray().Skip(16).Select(e => e.GetString()));
        Assert.Equal(new[] { "", "Grade 6", "Lunch in school", "Imported" }, data[1].EnumerateArray().Skip(16).Select(e => e.GetString()));
        Assert.All(data.EnumerateArray(), r => Assert.Equal(header.Count, r.GetArrayLength()));
        var stored = Sandbox.Clients;
        Assert.Equal("S-1", stored[0].CustomFields["105_student_id"]);
        Assert.Equal(new[] { "Class of 2026", "District 9", "Imported" }, stored[0].Tags);
    }

    [Fact]
    public void A_column_named_only_by_its_field_number_is_a_custom_field()
    {
        Connect();
        var row = CsvRows.Make(CsvRows.HeaderNames("powershell").Append("105").ToArray(), CsvRows.Values("Ann", "Lee").Append("S-9").ToArray());

        Ps.Run("$row | Import-BizstimClient", ("row", row));

        Assert.Equal("105_", LastImportBody().GetProperty("header")[16].GetString());
        Assert.Equal("S-9", Sandbox.Clients.Single().CustomFields["105_"]);
    }

    [Fact]
    public void Bad_rows_become_error_records_naming_row_and_field_while_good_rows_still_go()
    {
        Connect();
        string[] names = CsvRows.HeaderNames("labels");
        var rows = new object[]
        {
            CsvRows.Make(names, CsvRows.Values("Ann", "Lee")),
            CsvRows.Make(names, CsvRows.Values("Bob", "")),
            CsvRows.Make(names, CsvRows.Values("Cy", "Fox", status: "pending")),
            CsvRows.Make(names, CsvRows.Values("Di", "Poe", dob: "2001-02-31")),
            CsvRows.Make(names, CsvRows.Values("Ed", "Kim")),
        };

        var run = Ps.Run("$rows | Import-BizstimClient", ("rows", rows));

        Assert.Equal(3, run.Errors.Count);
        Assert.All(run.Errors, e => Assert.Equal("BizstimClientRowInvalid", e.FullyQualifiedErrorId.Split(',')[0]));
        Assert.All(run.Errors, e => Assert.Equal(ErrorCategory.InvalidData, e.CategoryInfo.Category));
        Assert.Contains("Row 2", run.Errors[0].ToString());
        Assert.Contains("LastName ('last name') is required", run.Errors[0].ToString());
        Assert.Same(rows[1], run.Errors[0].TargetObject);
        Assert.Contains("Row 3", run.Errors[1].ToString());
        Assert.Contains("Status 'pending' is not valid", run.Errors[1].ToString());
        Assert.Contains("Row 4", run.Errors[2].ToString());
        Assert.Contains("DateOfBirth ('DOB') '2001-02-31' is not a date", run.Errors[2].ToString());

        var results = run.Objects<ImportResult>().ToList();
        Assert.Equal(new long[] { 1, 2, 3, 4, 5 }, results.Select(r => r.Row));
        Assert.Equal(
            new[] { ImportStatus.Imported, ImportStatus.Invalid, ImportStatus.Invalid, ImportStatus.Invalid, ImportStatus.Imported },
            results.Select(r => r.Status));
        Assert.Equal(new[] { "Ann", "Ed" }, Sandbox.Clients.Select(c => c.FirstName));
    }

    [Fact]
    public void A_trial_connection_sends_ten_rows_as_four_operations_of_at_most_three()
    {
        NewSandbox(BizstimPlan.Trial);
        Connect("Trial");

        var run = Ps.Run("$rows | Import-BizstimClient", ("rows", CsvRows.Documented(10)));

        Assert.Empty(run.Errors);
        var posts = ImportBodies();
        Assert.Equal(new[] { 3, 3, 3, 1 }, posts.Select(b => b.GetProperty("data").GetArrayLength()));
        Assert.Equal(new[] { 1, 1, 1, 2, 2, 2, 3, 3, 3, 4 }, run.Objects<ImportResult>().Select(r => r.Batch));
        Assert.Equal(10, Sandbox.Clients.Count);
        Assert.Empty(Clock.Waits);
    }

    [Fact]
    public void A_spent_hourly_budget_makes_the_import_wait_for_the_window_instead_of_failing()
    {
        NewSandbox(BizstimPlan.Trial);
        Connect("Trial");

        var run = Ps.Run("$rows | Import-BizstimClient", ("rows", CsvRows.Documented(33)));

        Assert.Empty(run.Errors);
        Assert.Equal(33, Sandbox.Clients.Count);
        Assert.All(Sandbox.Requests, r => Assert.InRange(r.StatusCode, 200, 299));
        Assert.Equal(TimeSpan.FromHours(1), Clock.TotalWaited);
        var wait = run.Progress.First(p => p.Activity.Contains("hourly limit", StringComparison.Ordinal));
        Assert.Contains("10 of 10 operations used", wait.StatusDescription);
        Assert.Equal(3600, wait.SecondsRemaining);
        Assert.Equal(1, wait.ParentActivityId);
        Assert.Equal(new[] { 11 }, run.Objects<ImportResult>().Where(r => r.Row == 31).Select(r => r.Batch));
    }

    [Fact]
    public void The_budget_is_shared_by_successive_imports_on_one_connection()
    {
        NewSandbox(BizstimPlan.Trial);
        Connect("Trial");

        Ps.Run("$rows | Import-BizstimClient", ("rows", CsvRows.Documented(27)));
        var second = Ps.Run("$rows | Import-BizstimClient", ("rows", CsvRows.Documented(6)));

        Assert.Empty(second.Errors);
        Assert.Equal(TimeSpan.FromHours(1), Clock.TotalWaited);
        Assert.Equal(33, Sandbox.Clients.Count);
    }

    [Fact]
    public void A_trial_refusal_on_an_enterprise_connection_switches_to_trial_limits_and_resends()
    {
        NewSandbox(BizstimPlan.Trial);
        var connection = Connect("Enterprise");

        var run = Ps.Run("$rows | Import-BizstimClient", ("rows", CsvRows.Documented(7)));

        Assert.Empty(run.Errors);
        var warning = Assert.Single(run.Warnings);
        Assert.Contains("trial account", warning);
        Assert.Equal(BizstimPlan.Trial, connection.Plan);
        Assert.Equal(new[] { 7, 3, 3, 1 }, ImportBodies().Select(b => b.GetProperty("data").GetArrayLength()));
        Assert.All(run.Objects<ImportResult>(), r => Assert.Equal(ImportStatus.Imported, r.Status));
        Assert.Equal(7, Sandbox.Clients.Count);
    }

    [Fact]
    public void WhatIf_sends_nothing_says_per_batch_what_would_be_sent_and_still_reports_bad_rows()
    {
        Connect();
        var rows = CsvRows.Documented(4).Append(CsvRows.Make(CsvRows.HeaderNames("labels"), CsvRows.Values("", "NoFirst"))).ToArray();

        var run = Ps.Run("$rows | Import-BizstimClient -WhatIf -BatchSize 2", ("rows", rows));

        Assert.DoesNotContain(Sandbox.Requests, r => r.Method == "POST");
        Assert.Empty(Sandbox.Clients);
        Assert.Single(run.Errors);
        Assert.Equal(
            new[] { ImportStatus.Skipped, ImportStatus.Skipped, ImportStatus.Skipped, ImportStatus.Skipped, ImportStatus.Invalid },
            run.Objects<ImportResult>().Select(r => r.Status));
        Assert.All(run.Objects<ImportResult>().Take(4), r => Assert.Equal("Not sent: -WhatIf.", r.Message));
    }

    [Fact]
    public void A_batch_size_lower_than_the_plan_maximum_is_honoured()
    {
        Connect();

        Ps.Run("$rows | Import-BizstimClient -BatchSize 4", ("rows", CsvRows.Documented(10)));

        Assert.Equal(new[] { 4, 4, 2 }, ImportBodies().Select(b => b.GetProperty("data").GetArrayLength()));
    }

    [Fact]
    public void Dates_are_sent_as_invariant_yyyy_MM_dd_under_any_culture()
    {
        Connect();
        var row = CsvRows.Make(new[] { "FirstName", "LastName", "State", "Country", "Status", "DateOfBirth", "StartDate" },
            "Jo", "Smith", "Ontario", "Canada", "active", new DateTime(1973, 4, 28, 0, 0, 0), "2023-05-14T10:00:00");

        foreach (var culture in new[] { "de-DE", "en-US" })
        {
            var run = Ps.RunIn(new CultureInfo(culture), "$row | Import-BizstimClient", ("row", row));
            Assert.Empty(run.Errors);
            var data = LastImportBody().GetProperty("data")[0];
            Assert.Equal("1973-04-28", data[12].GetString());
            Assert.Equal("2023-05-14", data[14].GetString());
        }
    }

    [Fact]
    public void Clients_read_with_Get_BizstimClient_pipe_straight_back_in()
    {
        Connect();
        Sandbox.AddClient(new SandboxClient { FirstName = "Joe", LastName = "Smith", State = "Ontario", Country = "Canada", Email = "joe@example.com", Dob = new DateTime(1970, 5, 6) });
        Sandbox.AddClient(new SandboxClient { FirstName = "Beth", LastName = "Adder", State = "Ohio", Country = "USA", Email = "beth@example.com", Status = "inactive" });

        var run = Ps.Run("Get-BizstimClient -Id 1, 2 | Import-BizstimClient");

        Assert.Empty(run.Errors);
        Assert.Equal(4, Sandbox.Clients.Count);
        Assert.Equal(new[] { "Joe", "Beth" }, Sandbox.Clients.Skip(2).Select(c => c.FirstName));
        Assert.Equal("beth@example.com", Sandbox.Clients[3].Email);
        Assert.Equal(new DateTime(1970, 5, 6), Sandbox.Clients[2].Dob);
        Assert.Equal("inactive", Sandbox.Clients[3].Status);
    }

    [Fact]
    public void A_refusal_that_is_not_ambiguous_fails_the_batch_with_the_server_message_and_the_next_batch_still_goes()
    {
        var faults = InjectFaults();
        faults.Add(new SandboxFault(SandboxFaultKind.Status) { Method = "POST", StatusCode = 400 });
        Connect();
        var rows = CsvRows.Documented(4);

        var run = Ps.Run("$rows | Import-BizstimClient -BatchSize 2", ("rows", rows));

        var error = Assert.Single(run.Errors);
        Assert.Equal(new object[] { rows[0], rows[1] }, (object[])error.TargetObject);
        Assert.Contains("400", error.ToString());
        Assert.Contains("Too many requests; try again later.", error.ToString());
        Assert.Equal(ErrorCategory.InvalidData, error.CategoryInfo.Category);
        Assert.Equal(
            new[] { ImportStatus.Failed, ImportStatus.Failed, ImportStatus.Imported, ImportStatus.Imported },
            run.Objects<ImportResult>().Select(r => r.Status));
        Assert.Equal(2, Sandbox.Clients.Count);
    }

    [Fact]
    public void Progress_shows_rows_read_batches_sent_and_imported()
    {
        Connect();

        var run = Ps.Run("$rows | Import-BizstimClient -BatchSize 2", ("rows", CsvRows.Documented(4)));

        Assert.Contains(run.Progress, p => p.StatusDescription == "4 rows read, 2 batches sent, 4 imported, 0 not imported");
        Assert.Equal(ProgressRecordType.Completed, run.Progress.Last().RecordType);
    }

    private static readonly string[] ClientColumnsLabels =
    {
        "first name", "last name", "address 1", "address 2", "city", "state", "zipcode", "country",
        "primary phone", "secondary phone", "mobile phone", "e-mail", "DOB", "status", "start date", "notes",
    };

    private List<JsonElement> ImportBodies() =>
        Sandbox.Requests.Where(r => r.Method == "POST" && r.Path.EndsWith("/api/clients", StringComparison.Ordinal))
            .Select(r => JsonDocument.Parse(r.Body).RootElement.Clone()).ToList();

    private JsonElement LastImportBody() => ImportBodies().Last();
}
