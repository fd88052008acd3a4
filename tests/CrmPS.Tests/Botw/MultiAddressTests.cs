using CrmPS.Botw;
using CrmPS.Tests.Infrastructure;

namespace CrmPS.Tests.Botw;

/// <summary>One rule for a cell with several addresses, in BOTW's form: one address per contact, each address searched.</summary>
public sealed class MultiAddressTests : BotwTestBase
{
    private const string TwoAddresses = "ann@example.com; ann.lee@example.org";

    public MultiAddressTests(BotwServerFixture server) : base(server)
    {
    }

    [Fact]
    public void A_contact_object_whose_Email_is_a_list_sends_the_first_address_and_names_the_others()
    {
        var row = CsvRows.Make(new[] { "FirstName", "LastName", "Email" }, "Ann", "Lee", new[] { "ann@example.com", "ann.lee@example.org" });

        var run = Ps.Run("$row | New-BotwContact", ("row", row));

        Assert.Empty(run.Errors);
        Assert.Equal("first_name=Ann&last_name=Lee&email=ann%40example.com", Requests.Single().Body);
        Assert.Equal("Email holds 2 values; BOTW keeps one per contact, so ann@example.com is sent and ann.lee@example.org is not.", Assert.Single(run.Warnings));
    }

    [Fact]
    public void Get_BotwContact_searches_each_address_of_a_cell_and_returns_each_contact_once()
    {
        Sandbox.AddContact(Listing, "Ann", "Lee", "ann@example.com", "");
        Sandbox.AddContact(Listing, "Ann", "Lee", "ann.lee@example.org", "");

        var run = Ps.Run($"Get-BotwContact -Email '{TwoAddresses}'; Get-BotwContact -Email 'ann@example.com, ann@example.com'");

        Assert.Empty(run.Errors);
        Assert.Equal(new[] { "ann@example.com", "ann.lee@example.org", "ann@example.com" }, run.Objects<Contact>().Select(c => c.Email));
        Assert.Equal(new[] { "email=ann%40example.com", "email=ann.lee%40example.org" }, Requests.Take(2).Select(r => r.Query.TrimStart('?')));
    }
}

/// <summary>New-BotwContact names, once, the columns of its input rows that nothing uses.</summary>
public sealed class BotwUnusedColumnTests : BotwTestBase
{
    public BotwUnusedColumnTests(BotwServerFixture server) : base(server)
    {
    }

    [Fact]
    public void Columns_nothing_uses_are_named_once()
    {
        var names = new[] { "first name", "last name", "e-mail", "Phone Number", "city" };
        var rows = new[]
        {
            CsvRows.Make(names, "Ann", "Lee", "ann@example.com", "15551112222", "Milton"),
            CsvRows.Make(names, "Bob", "Lee", "bob@example.com", "15551113333", "Milton"),
        };

        var run = Ps.Run("$rows | New-BotwContact", ("rows", rows));

        Assert.Empty(run.Errors);
        Assert.StartsWith("New-BotwContact does not use the column(s) 'Phone Number', 'city': their values are not sent.", Assert.Single(run.Warnings));
        Assert.Equal(2, Requests.Count);
    }
}

/// <summary>A list where New-BotwContact takes one value is reported as a list, not dropped as empty.</summary>
public sealed class BotwListValueTests : BotwTestBase
{
    public BotwListValueTests(BotwServerFixture server) : base(server)
    {
    }

    [Fact]
    public void A_first_name_that_is_a_list_is_refused_saying_it_is_a_list()
    {
        var row = CsvRows.Make(new[] { "FirstName", "LastName", "Email" }, new[] { "Ann", "Anne" }, "Lee", "ann@example.com");

        var run = Ps.Run("$row | New-BotwContact", ("row", row));

        var error = Assert.Single(run.Errors);
        Assert.Equal("BotwContactInvalid", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal("Row 1: The contact was not sent: FirstName is a list of 2 values ('Ann', 'Anne'), not one value: give one.", error.Exception.Message);
        Assert.Same(row, error.TargetObject);
        Assert.Empty(Requests);
    }
}
