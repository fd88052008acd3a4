using System.Management.Automation;
using CrmPS.Botw;
using CrmPS.Tests.Infrastructure;

namespace CrmPS.Tests.Botw;

public sealed class GetBotwContactTests : BotwTestBase
{
    public GetBotwContactTests(BotwServerFixture server) : base(server)
    {
    }

    [Fact]
    public void A_contact_comes_back_typed_with_every_documented_field()
    {
        var run = Ps.Run("Get-BotwContact -Email johndoe@example.com");

        Assert.Empty(run.Errors);
        var contact = Assert.Single(run.Objects<Contact>());
        Assert.Equal(1, contact.Id);
        Assert.Equal("l-12345", contact.UniqueId);
        Assert.Equal(("John", "Doe"), (contact.FirstName, contact.LastName));
        Assert.Equal("15551234567", contact.Phone);
        Assert.Equal(new DateTime(2021, 1, 1), contact.Created);
        Assert.Equal("192.168.1.1", contact.IpAddress);
        Assert.Equal(("api", "active"), (contact.Source, contact.Status));
        Assert.Equal(123, contact.ListingId);
        var request = Requests.Single();
        Assert.Equal("GET", request.Method);
        Assert.Equal("email=johndoe%40example.com", request.Query);
        Assert.Empty(request.Body);
    }

    [Fact]
    public void Every_filter_becomes_its_query_parameter()
    {
        var run = Ps.Run("Get-BotwContact -Id 1 -FirstName John -LastName Doe -Name 'John' -Email johndoe@example.com -Phone 15551234567");

        Assert.Empty(run.Errors);
        Assert.Single(run.Objects<Contact>());
        Assert.Equal("id=1&first_name=John&last_name=Doe&name=John&email=johndoe%40example.com&phone=15551234567", Requests.Single().Query);
    }

    [Fact]
    public void Without_a_filter_it_is_a_parameter_error_and_nothing_is_sent()
    {
        var run = Ps.Run("Get-BotwContact");

        var error = Assert.Single(run.Errors);
        Assert.Equal("BotwContactFilterMissing", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains("at least one filter: -Id, -FirstName, -LastName, -Name, -Email or -Phone", error.ToString());
        Assert.Empty(Requests);
    }

    [Fact]
    public void No_match_is_no_output_a_verbose_line_and_no_error()
    {
        var run = Ps.Run("Get-BotwContact -Email nobody@example.com -Verbose");

        Assert.Empty(run.Errors);
        Assert.Empty(run.Output);
        Assert.Contains("No BOTW contact in listing 123 matches email=nobody@example.com.", run.Verbose);
        Assert.Equal(404, Requests.Single().StatusCode);
    }

    [Fact]
    public void An_id_that_matches_nothing_is_an_ObjectNotFound_error()
    {
        var run = Ps.Run("Get-BotwContact -Id 999; Get-BotwContact -Id 1");

        var error = Assert.Single(run.Errors);
        Assert.Equal("BotwContactNotFound", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Equal(999, error.TargetObject);
        Assert.Equal(1, Assert.Single(run.Objects<Contact>()).Id);
    }

    [Fact]
    public void Csv_rows_look_up_their_e_mail_and_contacts_pipe_back_in_by_id()
    {
        Sandbox.AddContact(Listing, "Ann", "Lee", "ann@example.com", null);
        var rows = new[]
        {
            CsvRows.Make(new[] { "first name", "e-mail" }, "Ann", "ann@example.com"),
            CsvRows.Make(new[] { "first name", "e-mail" }, "Bo", "bo@example.com"),
        };

        var run = Ps.Run("$rows | Get-BotwContact | Get-BotwContact", ("rows", rows));

        Assert.Empty(run.Errors);
        Assert.Equal("Ann", Assert.Single(run.Objects<Contact>()).FirstName);
        Assert.Equal(new[] { "email=ann%40example.com", "id=2&email=ann%40example.com", "email=bo%40example.com" }, Requests.Select(r => r.Query));
    }

    [Fact]
    public void A_server_error_is_a_non_terminating_error_after_the_retries_and_the_pipeline_goes_on()
    {
        for (int i = 0; i < 5; i++) Scripted.FailNext("GET", 503, "application/json", "{\"status\":\"error\",\"message\":\"Maintenance\"}");

        var run = Ps.Run("Get-BotwContact -Id 1; Get-BotwContact -Id 1");

        var error = Assert.Single(run.Errors);
        Assert.Equal("BotwApi503", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Contains("Maintenance", error.ToString());
        Assert.Single(run.Objects<Contact>());
        Assert.NotEmpty(Clock.Waits);
    }
}
