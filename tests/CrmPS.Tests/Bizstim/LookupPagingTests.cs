using CrmPS.Bizstim;
using CrmPS.Tests.Infrastructure;

namespace CrmPS.Tests.Bizstim;

/// <summary>-First and -Skip mean the same with -Id (and piped ids) as with a listing; -IncludeTotalCount is refused there.</summary>
public sealed class LookupPagingTests : BizstimTestBase
{
    public LookupPagingTests(BizstimServerFixture server) : base(server)
    {
        Connect();
        Sandbox.SeedClients(5);
        Sandbox.ClearRequests();
    }

    [Fact]
    public void Get_BizstimClient_Id_honours_First_and_Skip_and_looks_up_only_what_it_returns()
    {
        var first = Ps.Run("Get-BizstimClient -Id 1, 2, 3 -First 1");
        int firstRequests = Sandbox.Requests.Count;
        var skipped = Ps.Run("Get-BizstimClient -Id 1, 2, 3, 4 -Skip 1 -First 2");
        var piped = Ps.Run("1..4 | ForEach-Object { [pscustomobject]@{ ClientId = $_ } } | Get-BizstimClient -Skip 3");

        Assert.Equal(new[] { 1 }, first.Objects<ClientDetail>().Select(c => c.Id));
        Assert.Equal(1, firstRequests);
        Assert.Equal(new[] { 2, 3 }, skipped.Objects<ClientDetail>().Select(c => c.Id));
        Assert.Equal(new[] { 4 }, piped.Objects<ClientDetail>().Select(c => c.Id));
        Assert.Equal(4, Sandbox.Requests.Count);
        Assert.Empty(first.Errors.Concat(skipped.Errors).Concat(piped.Errors));
    }

    [Fact]
    public void Get_BizstimClient_Email_honours_First()
    {
        var emails = new[] { "a1@example.com", "a2@example.com", "a3@example.com" };
        foreach (string email in emails)
        {
            Sandbox.AddClient("Ann", "Lee", email);
        }

        var run = Ps.Run("Get-BizstimClient -Email $emails -First 2", ("emails", emails));

        Assert.Equal(emails.Take(2), run.Objects<ClientDetail>().Select(c => c.Email));
    }

    [Fact]
    public void Get_BizstimSession_Id_honours_First_and_Skip()
    {
        var ids = Sandbox.Sessions.Take(3).Select(s => s.Id).ToArray();

        var run = Ps.Run("Get-BizstimSession -Id $ids -Skip 1 -First 1", ("ids", ids));

        Assert.Equal(new[] { ids[1] }, run.Objects<Session>().Select(s => s.SessionId));
        Assert.Single(Sandbox.Requests);
    }

    [Theory]
    [InlineData("Get-BizstimClient -Id 1 -IncludeTotalCount")]
    [InlineData("Get-BizstimSession -Id 1 -IncludeTotalCount")]
    public void IncludeTotalCount_with_a_lookup_is_refused_before_anything_is_sent(string command)
    {
        var run = Ps.Run(command);

        var error = Assert.Single(run.Errors);
        Assert.Equal("BizstimPagingNotApplicable", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Empty(run.Output);
        Assert.Empty(Sandbox.Requests);
    }
}
