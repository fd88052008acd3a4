using CrmPS.Botw;
using CrmPS.Tests.Infrastructure;

namespace CrmPS.Tests.Botw;

/// <summary>New-BotwContact -SkipExisting: a lookup by e-mail (or phone) before the POST.</summary>
public sealed class NewBotwContactSkipExistingTests : BotwTestBase
{
    private static readonly string[] Header = { "first name", "last name", "e-mail", "phone" };

    public NewBotwContactSkipExistingTests(BotwServerFixture server) : base(server)
    {
    }

    [Fact]
    public void A_contact_found_by_e_mail_is_not_sent_and_the_existing_one_is_returned()
    {
        var ann = Sandbox.AddContact(Listing, "Ann", "Lee", "ann@example.com", "15551110000");
        var rows = new[]
        {
            CsvRows.Make(Header, "Ann", "Lee-Smith", "ann@example.com", "15559999999"),
            CsvRows.Make(Header, "Bob", "Ray", "bob@example.com", ""),
        };

        var run = Ps.Run("$rows | New-BotwContact -SkipExisting", ("rows", rows));

        Assert.Empty(run.Errors);
        var results = run.Objects<ContactResult>().ToList();
        Assert.Equal(new[] { ContactOutcome.Exists, ContactOutcome.Created }, results.Select(r => r.Outcome));
        Assert.Equal(ann.Id, results[0].Id);
        Assert.Equal("Lee", results[0].LastName);
        Assert.Equal($"Not sent: contact {ann.Id} in listing 123 already has the e-mail ann@example.com.", results[0].Message);
        Assert.Equal(new[] { "GET", "GET", "POST" }, Requests.Select(r => r.Method));
        Assert.Equal(1, Sandbox.Contacts.Count(c => c.Email == "ann@example.com"));
        Assert.Equal("15551110000", Sandbox.Contacts.Single(c => c.Email == "ann@example.com").Phone);
    }

    [Fact]
    public void A_row_without_e_mail_is_looked_up_by_phone_and_PassThru_returns_the_existing_contact()
    {
        var robo = Sandbox.AddContact(Listing, "Robo", "Call", "", "15553334444");

        var run = Ps.Run("New-BotwContact -FirstName Robo -Phone 15553334444 -SkipExisting -PassThru");

        Assert.Empty(run.Errors);
        var contact = Assert.Single(run.Objects<Contact>());
        Assert.Equal(robo.Id, contact.Id);
        var lookup = Assert.Single(Requests);
        Assert.Equal(("GET", "phone=15553334444"), (lookup.Method, lookup.Query.TrimStart('?')));
    }

    [Fact]
    public void Run_twice_the_same_rows_create_each_contact_once()
    {
        var rows = new[]
        {
            CsvRows.Make(Header, "Ann", "Lee", "ann@example.com", ""),
            CsvRows.Make(Header, "Bob", "Ray", "", "15557778888"),
        };
        int before = Sandbox.Contacts.Count;

        var first = Ps.Run("$rows | New-BotwContact -SkipExisting", ("rows", rows));
        var second = Ps.Run("$rows | New-BotwContact -SkipExisting", ("rows", rows));

        Assert.Equal(new[] { ContactOutcome.Created, ContactOutcome.Created }, first.Objects<ContactResult>().Select(r => r.Outcome));
        Assert.Equal(new[] { ContactOutcome.Exists, ContactOutcome.Exists }, second.Objects<ContactResult>().Select(r => r.Outcome));
        Assert.Equal(before + 2, Sandbox.Contacts.Count);
    }

    [Fact]
    public void A_contact_that_cannot_be_looked_up_is_not_sent()
    {
        for (int i = 0; i < 5; i++)
        {
            Scripted.FailNext("GET", 503, "application/json", "{\"status\":\"error\",\"message\":\"Maintenance\"}");
        }

        var run = Ps.Run("New-BotwContact -FirstName Ann -Email ann@example.com -SkipExisting");

        var error = Assert.Single(run.Errors);
        Assert.Equal("BotwContactLookupFailed", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Contains("was not sent", error.Exception.Message);
        Assert.DoesNotContain(Requests, r => r.Method == "POST");
        Assert.DoesNotContain(Sandbox.Contacts, c => c.Email == "ann@example.com");
    }
}
