using CrmPS.Bizstim;
using CrmPS.Sandbox;
using CrmPS.SandboxHost;
using CrmPS.Tests.Infrastructure;

namespace CrmPS.Tests.Bizstim;

/// <summary>
/// The README's copy between two accounts and the Export-Csv / Import-Csv round trip (issue 11,
/// defect 4): the list endpoint returns no status, birth date, start date or notes.
/// </summary>
public sealed class CopyBetweenAccountsTests : BizstimTestBase
{
    public CopyBetweenAccountsTests(BizstimServerFixture server) : base(server)
    {
    }

    [Fact]
    public async Task Get_BizstimClient_piped_into_Import_BizstimClient_copies_each_client_whole_from_one_account_to_another()
    {
        SeedOldAccount();
        var target = new BizstimSandbox(BizstimPlan.Enterprise, Clock, ApiKey);
        await using var newServer = await LoopbackSandboxServer.StartAsync(target, "/new-account");

        var run = Ps.Run(
            "$old = Connect-Bizstim -ApiKey $key -BaseUri $oldUri -PassThru; $new = Connect-Bizstim -ApiKey $key -BaseUri $newUri -PassThru; "
            + "Get-BizstimClient -Connection $old | Import-BizstimClient -Connection $new",
            ("key", ApiKey), ("oldUri", Server.BaseUri), ("newUri", newServer.BaseUri));

        Assert.Empty(run.Errors);
        Assert.All(run.Objects<ImportResult>(), r => Assert.Equal(ImportStatus.Imported, r.Status));
        Assert.Equal(
            Sandbox.Clients.Select(c => (c.FirstName, c.Email, c.Status, c.Dob, c.StartDate, c.Notes)),
            target.Clients.Select(c => (c.FirstName, c.Email, c.Status, c.Dob, c.StartDate, c.Notes)));
        Assert.Equal(3, Sandbox.Requests.Count(r => r.Path == "/api/client"));
    }

    [Fact]
    public void An_exported_csv_has_no_status_and_imports_with_DefaultStatus()
    {
        SeedOldAccount();
        Connect();
        string csv = Path.Combine(Path.GetTempPath(), $"crmps-export-{Guid.NewGuid():N}.csv");
        try
        {
            var exported = Ps.Run("Get-BizstimClient | Export-Csv -Path $csv -NoTypeInformation", ("csv", csv));
            Assert.Empty(exported.Errors);
            NewSandbox(BizstimPlan.Enterprise);

            var without = Ps.Run("Import-Csv -Path $csv | Import-BizstimClient", ("csv", csv));
            var with = Ps.Run("Import-Csv -Path $csv | Import-BizstimClient -DefaultStatus Prospect", ("csv", csv));

            Assert.All(without.Objects<ImportResult>(), r => Assert.Equal(ImportStatus.Invalid, r.Status));
            Assert.Equal(3, without.Errors.Count);
            Assert.All(without.Errors, e => Assert.Contains("give -DefaultStatus", e.ToString()));
            Assert.Empty(with.Errors);
            Assert.All(with.Objects<ImportResult>(), r => Assert.Equal(ImportStatus.Imported, r.Status));
            Assert.Equal(new[] { "ann@example.com", "bob@example.com", "cy@example.com" }, Sandbox.Clients.Select(c => c.Email));
            Assert.All(Sandbox.Clients, c => Assert.Equal("prospect", c.Status));
        }
        finally
        {
            File.Delete(csv);
        }
    }

    [Fact]
    public void Named_sandboxes_are_separate_accounts_so_a_copy_can_be_rehearsed_offline()
    {
        var run = Ps.Run(
            "$old = Connect-Bizstim -Sandbox -Name old -PassThru; $new = Connect-Bizstim -Sandbox -Name new -PassThru; "
            + "$rows | Import-BizstimClient -Connection $old | Out-Null; "
            + "$copied = Get-BizstimClient -Connection $old | Import-BizstimClient -Connection $new; "
            + "$again = Connect-Bizstim -Sandbox -Name OLD -PassThru; "
            + "@($copied).Count; (Get-BizstimClient -Connection $new).Count; (Get-BizstimClient -Connection $again).Count; (Get-BizstimClient -Connection (Connect-Bizstim -Sandbox -PassThru)).Count; $old.BaseUri.Host; $new.BaseUri.Host",
            ("rows", CsvRows.Documented(4)));

        Assert.Empty(run.Errors);
        Assert.Equal(new object[] { 4, 4, 4, 0, "old.sandbox.bizstim.invalid", "new.sandbox.bizstim.invalid" }, run.Output.Select(o => o.BaseObject));
    }

    private void SeedOldAccount()
    {
        Sandbox.AddClient(new SandboxClient { FirstName = "Ann", LastName = "Lee", Email = "ann@example.com", State = "Ontario", Country = "Canada", Status = "inactive", Dob = new DateTime(1980, 1, 2), StartDate = new DateTime(2023, 5, 14), Notes = "Prefers mornings" });
        Sandbox.AddClient(new SandboxClient { FirstName = "Bob", LastName = "Ray", Email = "bob@example.com", State = "Ohio", Country = "USA", Status = "prospect" });
        Sandbox.AddClient(new SandboxClient { FirstName = "Cy", LastName = "Fox", Email = "cy@example.com", State = "Texas", Country = "USA", Status = "active", Dob = new DateTime(1975, 7, 30) });
    }
}
