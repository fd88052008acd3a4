using System.Management.Automation;
using CrmPS.Botw;
using CrmPS.Tests.Infrastructure;

namespace CrmPS.Tests.Botw;

public sealed class NewBotwContactTests : BotwTestBase
{
    public NewBotwContactTests(BotwServerFixture server) : base(server)
    {
    }

    [Fact]
    public void The_documented_form_body_is_posted_and_the_result_says_Created()
    {
        var run = Ps.Run("New-BotwContact -FirstName John -LastName Doe -Email jd@example.com -Phone 15551234568");

        Assert.Empty(run.Errors);
        var request = Requests.Single();
        Assert.Equal(("POST", "/crm/123"), (request.Method, request.Path));
        Assert.Equal("application/x-www-form-urlencoded", request.ContentType);
        Assert.Equal("first_name=John&last_name=Doe&email=jd%40example.com&phone=15551234568", request.Body);
        Assert.Equal(201, request.StatusCode);
        var result = Assert.Single(run.Objects<ContactResult>());
        Assert.Equal(ContactOutcome.Created, result.Outcome);
        Assert.Equal("New contact successfully updated.", result.Message);
        Assert.Equal(123, result.ListingId);
        Assert.Contains(Sandbox.Contacts, c => c.Email == "jd@example.com" && c.ListingId == 123);
    }

    [Fact]
    public void An_e_mail_or_a_phone_is_required_and_checked_before_sending()
    {
        var run = Ps.Run("New-BotwContact -FirstName Nobody; New-BotwContact -Phone 15551112222");

        var error = Assert.Single(run.Errors);
        Assert.Equal("BotwContactInvalid", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Contains("Email or Phone is required", error.ToString());
        Assert.Equal("phone=15551112222", Requests.Single().Body);
    }

    [Fact]
    public void A_blacklisted_address_is_an_error_that_says_so_and_the_rest_of_the_pipeline_goes_on()
    {
        var rows = new[]
        {
            CsvRows.Make(new[] { "first name", "last name", "e-mail", "phone" }, "Ann", "Lee", "ann@example.com", ""),
            CsvRows.Make(new[] { "first name", "last name", "e-mail", "phone" }, "Spam", "Bot", "spam@example.com", ""),
            CsvRows.Make(new[] { "first name", "last name", "e-mail", "phone" }, "Robo", "Call", "", "1-555-999-9999"),
            CsvRows.Make(new[] { "first name", "last name", "e-mail", "phone" }, "Cy", "Fox", "cy@example.com", "15553334444"),
        };

        var run = Ps.Run("$rows | New-BotwContact", ("rows", rows));

        Assert.Equal(new[] { "ann@example.com", "cy@example.com" }, run.Objects<ContactResult>().Select(r => r.Email));
        Assert.Equal(2, run.Errors.Count);
        Assert.All(run.Errors, e => Assert.Equal("BotwContactBlacklisted", e.FullyQualifiedErrorId.Split(',')[0]));
        Assert.Contains("because its e-mail address spam@example.com is blacklisted", run.Errors[0].ToString());
        Assert.Contains("because its phone number 1-555-999-9999 is blacklisted", run.Errors[1].ToString());
        Assert.Same(rows[1].BaseObject, ((PSObject)run.Errors[0].TargetObject).BaseObject);
        Assert.Equal(new[] { 201, 400, 400, 201 }, Requests.Select(r => r.StatusCode));
    }

    [Fact]
    public void PassThru_returns_the_contact_as_Get_BotwContact_shows_it()
    {
        Sandbox.AddContact(Listing, "Old", "Twin", "twin@example.com", null);

        var run = Ps.Run("New-BotwContact -FirstName New -LastName Twin -Email twin@example.com -PassThru");

        Assert.Empty(run.Errors);
        var contact = Assert.Single(run.Objects<Contact>());
        Assert.Equal(("New", "Twin"), (contact.FirstName, contact.LastName));
        Assert.Equal(Sandbox.Contacts.Max(c => c.Id), contact.Id);
        Assert.Equal(new[] { "POST", "GET" }, Requests.Select(r => r.Method));
    }

    [Fact]
    public void Csv_spellings_bind_and_a_cell_with_two_addresses_sends_the_first_with_a_warning()
    {
        var rows = new[]
        {
            CsvRows.Make(new[] { "first_name", "last_name", "EmailAddress", "Mobile" }, "Ann", "Lee", "ann@example.com; ann.lee@example.org", "07700 900123"),
            CsvRows.Make(new[] { "FirstName", "Surname", "e-mail" }, "Bo", "Ray", "bo@example.com"),
        };

        var run = Ps.Run("$rows | New-BotwContact", ("rows", rows));

        Assert.Empty(run.Errors);
        Assert.Equal("first_name=Ann&last_name=Lee&email=ann%40example.com&phone=07700%20900123", Requests[0].Body);
        Assert.Equal("first_name=Bo&last_name=Ray&email=bo%40example.com", Requests[1].Body);
        Assert.Equal("Email holds 2 values; BOTW keeps one per contact, so ann@example.com is sent and ann.lee@example.org is not.", Assert.Single(run.Warnings));
    }

    [Fact]
    public void WhatIf_sends_nothing()
    {
        var run = Ps.Run("New-BotwContact -Email ann@example.com -WhatIf");

        Assert.Empty(run.Errors);
        Assert.Empty(run.Output);
        Assert.Empty(Requests);
    }
}
