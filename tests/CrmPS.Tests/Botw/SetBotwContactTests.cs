using CrmPS.Botw;
using CrmPS.Tests.Infrastructure;

namespace CrmPS.Tests.Botw;

public sealed class SetBotwContactTests : BotwTestBase
{
    public SetBotwContactTests(BotwServerFixture server) : base(server)
    {
    }

    [Fact]
    public void An_upsert_by_e_mail_says_Created_the_first_time_and_Updated_the_second()
    {
        var run = Ps.Run("Set-BotwContact -Email ann@example.com -FirstName Ann; Set-BotwContact -Email ann@example.com -LastName Lee");

        Assert.Empty(run.Errors);
        Assert.Equal(new[] { ContactOutcome.Created, ContactOutcome.Updated }, run.Objects<ContactResult>().Select(r => r.Outcome));
        Assert.Equal(new[] { 201, 200 }, Requests.Select(r => r.StatusCode));
        Assert.All(Requests, r => Assert.Equal("PUT", r.Method));
        var ann = Assert.Single(Sandbox.Contacts, c => c.Email == "ann@example.com");
        Assert.Equal(("Ann", "Lee"), (ann.FirstName, ann.LastName));
    }

    [Fact]
    public void An_id_is_sent_with_only_the_fields_given()
    {
        var run = Ps.Run("Set-BotwContact -Id 1 -FirstName Jack");

        Assert.Empty(run.Errors);
        Assert.Equal("id=1&first_name=Jack", Requests.Single().Body);
        var result = Assert.Single(run.Objects<ContactResult>());
        Assert.Equal((ContactOutcome.Updated, (int?)1), (result.Outcome, result.Id));
        Assert.Equal(("Jack", "Doe"), (Sandbox.Contacts.Single(c => c.Id == 1).FirstName, Sandbox.Contacts.Single(c => c.Id == 1).LastName));
    }

    [Fact]
    public void An_unknown_id_with_an_e_mail_creates_the_contact()
    {
        var run = Ps.Run("Set-BotwContact -Id 999 -Email new@example.com");

        Assert.Empty(run.Errors);
        Assert.Equal(ContactOutcome.Created, Assert.Single(run.Objects<ContactResult>()).Outcome);
    }

    [Fact]
    public void Get_piped_to_Set_updates_by_id_and_PassThru_reads_the_contact_back()
    {
        var run = Ps.Run("Get-BotwContact -Email johndoe@example.com | Set-BotwContact -LastName Smith -PassThru");

        Assert.Empty(run.Errors);
        var contact = Assert.Single(run.Objects<Contact>());
        Assert.Equal((1, "Smith"), (contact.Id, contact.LastName));
        Assert.StartsWith("id=1&first_name=John&last_name=Smith&email=johndoe%40example.com", Requests[1].Body);
        Assert.Equal(("GET", "id=1"), (Requests[2].Method, Requests[2].Query));
    }

    [Fact]
    public void A_blacklisted_phone_is_refused_in_words()
    {
        var run = Ps.Run("Set-BotwContact -Id 1 -Phone 15550000000; Set-BotwContact -Id 1 -FirstName Still");

        var error = Assert.Single(run.Errors);
        Assert.Equal("BotwContactBlacklisted", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Contains("its phone number 15550000000 is blacklisted", error.ToString());
        Assert.Single(run.Objects<ContactResult>());
    }

    [Theory]
    [InlineData("Set-BotwContact -FirstName Ann", "give -Id, or an Email or Phone")]
    [InlineData("Set-BotwContact -Id 1", "nothing to set on contact 1")]
    public void Input_that_cannot_identify_or_change_a_contact_is_refused_before_sending(string script, string expected)
    {
        var run = Ps.Run(script);

        var error = Assert.Single(run.Errors);
        Assert.Equal("BotwContactInvalid", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Contains(expected, error.ToString());
        Assert.Empty(Requests);
    }

    [Fact]
    public void WhatIf_sends_nothing()
    {
        var run = Ps.Run("Set-BotwContact -Id 1 -FirstName Jack -WhatIf");

        Assert.Empty(run.Errors);
        Assert.Empty(Requests);
    }
}
