using System.Management.Automation;
using System.Text.Json;
using CrmPS.Bizstim;
using CrmPS.Sandbox;
using CrmPS.Tests.Infrastructure;

namespace CrmPS.Tests.Bizstim;

/// <summary>Import-BizstimClient -SkipExisting: one read of the account, then only new rows are sent.</summary>
public sealed class SkipExistingTests : BizstimTestBase
{
    public SkipExistingTests(BizstimServerFixture server) : base(server)
    {
    }

    [Fact]
    public void Ten_thousand_rows_of_which_nine_thousand_exist_send_the_thousand_new_ones_in_one_operation()
    {
        Sandbox.SeedClients(9000);
        Connect();
        var existing = Sandbox.Clients;
        var rows = new List<PSObject>();
        for (int i = 0; i < 10000; i++)
        {
            if (i % 10 == 9)
            {
                rows.Add(Row($"New{i}", $"Client{i}", $"new{i}@example.net"));
                continue;
            }

            SandboxClient client = existing[i - (i / 10)];
            // Seeded clients with two addresses are matched on the second one, written differently.
            string email = client.Email.Contains(',') ? "  " + client.Email.Split(',')[1].ToUpperInvariant() + " " : client.Email;
            rows.Add(Row(client.FirstName, client.LastName, email));
        }

        var run = Ps.Run("$rows | Import-BizstimClient -SkipExisting", ("rows", rows.ToArray()));

        Assert.Empty(run.Errors);
        var results = run.Objects<ImportResult>().ToList();
        Assert.Equal(Enumerable.Range(1, 10000).Select(i => (long)i), results.Select(r => r.Row));
        Assert.Equal(9000, results.Count(r => r.Status == ImportStatus.Exists));
        Assert.Equal(1000, results.Count(r => r.Status == ImportStatus.Imported));
        var post = Assert.Single(ImportBodies());
        Assert.Equal(1000, post.GetProperty("data").GetArrayLength());
        Assert.All(post.GetProperty("data").EnumerateArray(), r => Assert.StartsWith("New", r[0].GetString()));
        Assert.Equal(1, Sandbox.OperationsInLastHour);
        Assert.Equal(10000, Sandbox.Clients.Count);
        Assert.Equal(9, Sandbox.Requests.Count(r => r.Method == "GET" && r.Path.Contains("/api/clients/", StringComparison.Ordinal)));
        ImportResult second = results[1];
        Assert.Equal(existing[1].Id, second.ExistingId);
        Assert.Equal($"Not sent: Bizstim already has client {existing[1].Id} with the e-mail {existing[1].Email}.", second.Message);
    }

    [Fact]
    public void The_main_job_run_twice_stores_every_client_once()
    {
        Connect();
        string csv = Path.Combine(ModuleAssemblyResolver.RepoRoot, "examples", "clients.csv");
        const string Import = "Import-Csv -Path $csv | Import-BizstimClient -SkipExisting -ErrorAction SilentlyContinue";

        var first = Ps.Run(Import, ("csv", csv));
        Sandbox.ClearRequests();
        var second = Ps.Run(Import, ("csv", csv));

        Assert.Equal(52, first.Objects<ImportResult>().Count(r => r.Status == ImportStatus.Imported));
        Assert.Equal(52, Sandbox.Clients.Count);
        Assert.Equal(52, Sandbox.Clients.Select(c => c.Email.ToLowerInvariant()).Distinct().Count());
        var again = second.Objects<ImportResult>().ToList();
        Assert.Equal(56, again.Count);
        Assert.Equal(52, again.Count(r => r.Status == ImportStatus.Exists && r.ExistingId > 0));
        Assert.Equal(4, again.Count(r => r.Status == ImportStatus.Invalid));
        Assert.DoesNotContain(Sandbox.Requests, r => r.Method == "POST");
    }

    [Fact]
    public void A_row_repeating_an_earlier_row_of_the_same_input_is_skipped_naming_that_row()
    {
        Sandbox.AddClient("Old", "Timer", "old@example.com");
        Connect();
        var rows = new[]
        {
            Row("Ann", "Lee", "ann@example.com; ann.lee@example.org"),
            Row("Bob", "Ray", ""),
            Row("Ann", "Lee-Smith", " ANN.LEE@example.org "),
            Row("bob", "RAY ", ""),
            Row("Old", "Timer", ""),
            Row("Cy", "Dee", "OLD@example.com"),
        };

        var run = Ps.Run("$rows | Import-BizstimClient -SkipExisting", ("rows", rows));

        Assert.Empty(run.Errors);
        var results = run.Objects<ImportResult>().ToList();
        Assert.Equal(
            new[] { ImportStatus.Imported, ImportStatus.Imported, ImportStatus.Exists, ImportStatus.Exists, ImportStatus.Exists, ImportStatus.Exists },
            results.Select(r => r.Status));
        Assert.Equal(1, results[2].DuplicateOfRow);
        Assert.Null(results[2].ExistingId);
        Assert.Equal("Not sent: row 1 of this input has the e-mail ANN.LEE@example.org too.", results[2].Message);
        Assert.Equal(2, results[3].DuplicateOfRow);
        Assert.Contains("the name bob RAY (the row has no e-mail)", results[3].Message);
        int oldId = Sandbox.Clients.Single(c => c.FirstName == "Old").Id;
        Assert.Equal(oldId, results[4].ExistingId);
        Assert.Equal(oldId, results[5].ExistingId);
        Assert.Equal(new[] { "Old", "Ann", "Bob" }, Sandbox.Clients.Select(c => c.FirstName));
    }

    [Fact]
    public void MatchOn_Email_sends_a_row_without_e_mail_and_MatchOn_Name_skips_a_namesake_with_another_address()
    {
        Sandbox.AddClient("Ann", "Lee", "ann@example.com");
        Connect();

        var byEmail = Ps.Run("$rows | Import-BizstimClient -SkipExisting -MatchOn Email", ("rows", new[] { Row("Ann", "Lee", "") }));
        var byName = Ps.Run("$rows | Import-BizstimClient -SkipExisting -MatchOn Name", ("rows", new[] { Row("ann", "lee", "ann.other@example.org"), Row("Zed", "Ray", "ann@example.com") }));

        Assert.Equal(ImportStatus.Imported, Assert.Single(byEmail.Objects<ImportResult>()).Status);
        Assert.Equal(new[] { ImportStatus.Exists, ImportStatus.Imported }, byName.Objects<ImportResult>().Select(r => r.Status));
        Assert.Contains("the name ann lee", byName.Objects<ImportResult>().First().Message);
        Assert.Equal(new[] { "Ann", "Ann", "Zed" }, Sandbox.Clients.Select(c => c.FirstName));
    }

    [Fact]
    public void On_a_trial_account_the_read_spends_no_import_operation()
    {
        NewSandbox(BizstimPlan.Trial);
        Sandbox.SeedClients(2500);
        Connect("Trial");
        var existing = Sandbox.Clients;
        var rows = new[]
        {
            Row(existing[0].FirstName, existing[0].LastName, existing[0].Email),
            Row("New", "One", "new1@example.net"),
            Row(existing[2400].FirstName, existing[2400].LastName, existing[2400].Email),
            Row("New", "Two", "new2@example.net"),
        };

        var run = Ps.Run("$rows | Import-BizstimClient -SkipExisting", ("rows", rows));

        Assert.Empty(run.Errors);
        Assert.Equal(new[] { ImportStatus.Exists, ImportStatus.Imported, ImportStatus.Exists, ImportStatus.Imported }, run.Objects<ImportResult>().Select(r => r.Status));
        Assert.Equal(1, Sandbox.OperationsInLastHour);
        Assert.Equal(3, Sandbox.Requests.Count(r => r.Method == "GET"));
        Assert.Empty(Clock.Waits);
    }

    [Fact]
    public void WhatIf_reads_the_account_sends_nothing_and_reports_which_rows_would_be_skipped()
    {
        Sandbox.AddClient("Ann", "Lee", "ann@example.com");
        Connect();

        var run = Ps.Run("$rows | Import-BizstimClient -SkipExisting -WhatIf", ("rows", new[] { Row("Ann", "Lee", "ann@example.com"), Row("Bob", "Ray", "bob@example.com") }));

        Assert.Empty(run.Errors);
        Assert.Equal(new[] { ImportStatus.Exists, ImportStatus.Skipped }, run.Objects<ImportResult>().Select(r => r.Status));
        Assert.DoesNotContain(Sandbox.Requests, r => r.Method == "POST");
        Assert.Single(Sandbox.Clients);
    }

    [Fact]
    public void With_a_checkpoint_a_rerun_reports_settled_rows_from_it_and_skips_the_new_repeat()
    {
        Connect();
        string checkpoint = Path.Combine(Path.GetTempPath(), $"crmps-cp-{Guid.NewGuid():N}.json");
        try
        {
            var rows = new[] { Row("Ann", "Lee", "ann@example.com"), Row("Bob", "Ray", "bob@example.com") };
            var rowsAndMore = rows.Append(Row("Cy", "Dee", "cy@example.com")).Append(Row("Ann", "Lee", "ANN@example.com")).ToArray();
            Ps.Run("$rows | Import-BizstimClient -SkipExisting -CheckpointPath $cp", ("rows", rows), ("cp", checkpoint));
            Sandbox.ClearRequests();

            var run = Ps.Run("$rows | Import-BizstimClient -SkipExisting -CheckpointPath $cp", ("rows", rowsAndMore), ("cp", checkpoint));

            Assert.Empty(run.Errors);
            var results = run.Objects<ImportResult>().ToList();
            Assert.Equal(new[] { ImportStatus.Imported, ImportStatus.Imported, ImportStatus.Imported, ImportStatus.Exists }, results.Select(r => r.Status));
            Assert.StartsWith("Imported in an earlier run", results[0].Message);
            Assert.Equal(Sandbox.Clients[0].Id, results[3].ExistingId);
            Assert.Equal(1, Assert.Single(ImportBodies()).GetProperty("data").GetArrayLength());
            Assert.Equal(3, Sandbox.Clients.Count);
        }
        finally
        {
            File.Delete(checkpoint);
        }
    }

    [Fact]
    public void When_the_account_cannot_be_read_nothing_is_sent()
    {
        var faults = InjectFaults();
        faults.Add(new SandboxFault(SandboxFaultKind.Status) { Method = "GET", StatusCode = 403, Times = 1 });
        Connect();

        var run = Ps.Run("$rows | Import-BizstimClient -SkipExisting", ("rows", new[] { Row("Ann", "Lee", "ann@example.com") }));

        var error = Assert.Single(run.Errors);
        Assert.Equal("BizstimExistingClientsUnreadable", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Contains("nothing was sent", error.Exception.Message);
        Assert.Empty(run.Objects<ImportResult>());
        Assert.Empty(Sandbox.Clients);
    }

    [Fact]
    public void MatchOn_without_SkipExisting_is_refused_before_anything_is_sent()
    {
        Connect();

        var run = Ps.Run("$rows | Import-BizstimClient -MatchOn Email", ("rows", new[] { Row("Ann", "Lee", "ann@example.com") }));

        Assert.Contains("add -SkipExisting", Assert.Single(run.Errors).Exception.Message);
        Assert.Empty(Sandbox.Clients);
    }

    private static PSObject Row(string first, string last, string email) =>
        CsvRows.Make(new[] { "first name", "last name", "state", "country", "status", "e-mail" }, first, last, "Ontario", "Canada", "Prospect", email);

    private List<JsonElement> ImportBodies() =>
        Sandbox.Requests.Where(r => r.Method == "POST" && r.Path.EndsWith("/api/clients", StringComparison.Ordinal))
            .Select(r => JsonDocument.Parse(r.Body).RootElement.Clone()).ToList();
}
