using System.Management.Automation;
using CrmPS.Bizstim;
using CrmPS.Sandbox;
using CrmPS.Tests.Infrastructure;

namespace CrmPS.Tests.Bizstim;

public sealed class GetBizstimClientTests : BizstimTestBase
{
    public GetBizstimClientTests(BizstimServerFixture server) : base(server)
    {
        Sandbox.SeedClients(25);
        Connect();
        Sandbox.ClearRequests();
    }

    [Fact]
    public void Without_a_selector_every_client_is_streamed_page_by_page()
    {
        var run = Ps.Run("Get-BizstimClient -PageSize 10");

        Assert.Empty(run.Errors);
        var clients = run.Objects<Client>().ToList();
        Assert.Equal(Enumerable.Range(1, 25), clients.Select(c => c.Id));
        Assert.All(clients, c => Assert.IsType<Client>(c));
        Assert.Equal(new[] { "/api/clients/0/10", "/api/clients/10/10", "/api/clients/20/10" }, ListRequests());
        Assert.Equal(Sandbox.Clients[0].FirstName, clients[0].FirstName);
        Assert.Equal(Sandbox.Clients[0].Email, clients[0].Email);
        Assert.Equal("CrmPS.Bizstim.Client", run.Output[0].TypeNames[0]);
    }

    [Fact]
    public void Skip_and_First_fetch_only_the_pages_they_need_across_a_page_boundary()
    {
        var run = Ps.Run("Get-BizstimClient -PageSize 10 -Skip 5 -First 12");

        Assert.Equal(Enumerable.Range(6, 12), run.Objects<Client>().Select(c => c.Id));
        Assert.Equal(new[] { "/api/clients/5/10", "/api/clients/15/2" }, ListRequests());
    }

    [Fact]
    public void IncludeTotalCount_reports_the_server_total_first()
    {
        var run = Ps.Run("Get-BizstimClient -First 2 -IncludeTotalCount | ForEach-Object { \"$_\" }");

        Assert.Equal(3, run.Output.Count);
        Assert.Equal("25", run.Output[0].ToString());
    }

    [Fact]
    public void Default_page_size_is_the_vendor_maximum()
    {
        Ps.Run("Get-BizstimClient");

        Assert.Equal(new[] { "/api/clients/0/1000" }, ListRequests());
    }

    [Fact]
    public void Ids_are_looked_up_one_by_one_and_a_missing_one_is_a_non_terminating_not_found_error()
    {
        var run = Ps.Run("Get-BizstimClient -Id 3, 999, 4");

        Assert.Equal(new[] { 3, 4 }, run.Objects<ClientDetail>().Select(c => c.Id));
        var error = Assert.Single(run.Errors);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Equal("BizstimClientNotFound", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(999, error.TargetObject);
        Assert.Contains("No Bizstim client has id 999", error.ToString());
    }

    [Fact]
    public void Ids_bind_from_the_pipeline_by_property_name()
    {
        var run = Ps.Run("[pscustomobject]@{ Id = 2 }, [pscustomobject]@{ Id = 5 } | Get-BizstimClient");

        Assert.Empty(run.Errors);
        Assert.Equal(new[] { 2, 5 }, run.Objects<ClientDetail>().Select(c => c.Id));
    }

    [Fact]
    public void A_client_is_found_by_any_of_its_comma_separated_addresses()
    {
        Sandbox.AddClient(new SandboxClient { FirstName = "Susan", LastName = "Hill", State = "Ohio", Country = "USA", Email = "susan@mail.com, joe@mail.com" });

        var run = Ps.Run("Get-BizstimClient -Email 'JOE@mail.com', 'nobody@mail.com'");

        var client = Assert.Single(run.Objects<ClientDetail>());
        Assert.Equal("Susan", client.FirstName);
        Assert.Contains("email=JOE%40mail.com", Sandbox.Requests[0].Query);
        var error = Assert.Single(run.Errors);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Equal("nobody@mail.com", error.TargetObject);
    }

    [Fact]
    public void Username_and_name_lookups_return_typed_detail()
    {
        var target = Sandbox.AddClient(new SandboxClient
        {
            FirstName = "Funnel", LastName = "Client", State = "Ohio", Country = "USA", Status = "inactive",
            Dob = new DateTime(1973, 4, 28), StartDate = new DateTime(2020, 4, 21), SendWelcomeMessage = true, SendLessonReminders = false,
        });

        var byName = Ps.Run("Get-BizstimClient -FirstName Funnel -LastName Client");
        var byUsername = Ps.Run("Get-BizstimClient -Username $u", ("u", target.Username));

        var client = Assert.Single(byName.Objects<ClientDetail>());
        Assert.Equal(target.Id, client.Id);
        Assert.Equal(ClientStatus.Inactive, client.Status);
        Assert.Equal(new DateTime(1973, 4, 28), client.DateOfBirth);
        Assert.Equal(new DateTime(2020, 4, 21), client.StartDate);
        Assert.True(client.SendWelcomeMessage);
        Assert.False(client.SendLessonReminders);
        Assert.Equal("America/Los_Angeles", client.TimeZone);
        Assert.Equal(target.Id, Assert.Single(byUsername.Objects<ClientDetail>()).Id);
        Assert.Contains("first_name=Funnel&last_name=Client", Sandbox.Requests[0].Query);
        Assert.Equal(new[] { "CrmPS.Bizstim.ClientDetail", "CrmPS.Bizstim.Client" }, byName.Output[0].TypeNames.Take(2));
    }

    /// <summary>The list requests by start offset: pages after the first are fetched in parallel, so they may arrive in any order.</summary>
    private List<string> ListRequests() =>
        Sandbox.Requests.Where(r => r.Path.StartsWith("/api/clients", StringComparison.Ordinal)).Select(r => r.Path)
            .OrderBy(p => int.Parse(p.Split('/')[3], System.Globalization.CultureInfo.InvariantCulture)).ToList();
}
