using System.Management.Automation;
using CrmPS.Botw;
using CrmPS.Sandbox;
using CrmPS.Tests.Infrastructure;

namespace CrmPS.Tests.Botw;

public sealed class RemoveBotwContactTests : BotwTestBase
{
    public RemoveBotwContactTests(BotwServerFixture server) : base(server)
    {
    }

    [Fact]
    public void Id_sends_a_form_DELETE_that_BOTW_accepts_with_202_and_writes_nothing()
    {
        var run = Ps.Run("Remove-BotwContact -Id 1 -Confirm:$false");

        Assert.Empty(run.Errors);
        Assert.Empty(run.Output);
        var request = Requests.Single();
        Assert.Equal(("DELETE", "/crm/123", "id=1", 202), (request.Method, request.Path, request.Body, request.StatusCode));
        Assert.Equal("application/x-www-form-urlencoded", request.ContentType);
        Assert.DoesNotContain(Sandbox.Contacts, c => c.Id == 1);
    }

    [Fact]
    public void Email_phone_and_both_send_exactly_what_was_given()
    {
        Sandbox.AddContact(Listing, "A", "A", "a@example.com", null);
        Sandbox.AddContact(Listing, "B", "B", null, "15553330000");
        Sandbox.AddContact(Listing, "C", "C", "c@example.com", "15554440000");

        var run = Ps.Run("Remove-BotwContact -Email a@example.com -Confirm:$false; Remove-BotwContact -Phone 15553330000 -Confirm:$false; Remove-BotwContact -Email c@example.com -Phone 15554440000 -Confirm:$false");

        Assert.Empty(run.Errors);
        Assert.Empty(run.Warnings);
        Assert.Equal(new[] { "email=a%40example.com", "phone=15553330000", "email=c%40example.com&phone=15554440000" }, Requests.Where(r => r.Method == "DELETE").Select(r => r.Body));
        Assert.Equal(new[] { "email=a%40example.com", "phone=15553330000", "email=c%40example.com&phone=15554440000" }, Requests.Where(r => r.Method == "GET").Select(r => r.Query));
        Assert.Equal(new[] { 1 }, Sandbox.Contacts.Select(c => c.Id));
    }

    [Fact]
    public void Get_BotwContact_output_piped_in_is_deleted_by_id_and_PassThru_returns_it()
    {
        var run = Ps.Run("Get-BotwContact -Name John | Remove-BotwContact -Confirm:$false -PassThru");

        Assert.Empty(run.Errors);
        Assert.Equal(1, Assert.Single(run.Objects<Contact>()).Id);
        Assert.Equal("id=1", Requests.Last().Body);
        Assert.Empty(Sandbox.Contacts);
    }

    [Fact]
    public void Csv_rows_bind_to_the_e_mail_set_or_the_phone_set_without_ambiguity()
    {
        Sandbox.AddContact(Listing, "A", "A", "a@example.com", "15553330000");
        Sandbox.AddContact(Listing, "B", "B", null, "15554440000");
        var rows = new[]
        {
            CsvRows.Make(new[] { "e-mail", "phone" }, "a@example.com", "15553330000"),
            CsvRows.Make(new[] { "e-mail", "Mobile" }, "", "15554440000"),
        };

        var run = Ps.Run("$rows | Remove-BotwContact -Confirm:$false", ("rows", rows));

        Assert.Empty(run.Errors);
        Assert.Equal(new[] { "email=a%40example.com&phone=15553330000", "phone=15554440000" }, Requests.Where(r => r.Method == "DELETE").Select(r => r.Body));
    }

    [Fact]
    public void WhatIf_sends_nothing_at_all()
    {
        var run = Ps.Run("Remove-BotwContact -Id 1 -WhatIf; Get-BotwContact -Id 1 | Remove-BotwContact -WhatIf -PassThru");

        Assert.Empty(run.Errors);
        Assert.Empty(run.Output);
        Assert.Equal(new[] { "GET" }, Requests.Select(r => r.Method));
        Assert.Contains(Sandbox.Contacts, c => c.Id == 1);
    }

    [Fact]
    public void Deleting_is_high_impact_so_it_asks_by_default()
    {
        var run = Ps.Run("(Get-Command Remove-BotwContact).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false).ConfirmImpact");

        Assert.Equal("High", run.Output.Single().ToString());
    }

    [Fact]
    public void A_contact_BOTW_cannot_find_is_an_ObjectNotFound_error_and_the_next_one_goes()
    {
        var run = Ps.Run("Remove-BotwContact -Email nobody@example.com -Confirm:$false; Remove-BotwContact -Id 1 -Confirm:$false");

        var error = Assert.Single(run.Errors);
        Assert.Equal("BotwContactNotFound", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Contains("nobody@example.com", error.ToString());
        Assert.Equal(new[] { ("GET", 404), ("DELETE", 404), ("DELETE", 202) }, Requests.Select(r => (r.Method, r.StatusCode)));
    }

    [Theory]
    [InlineData("EveryMatch", "BOTW deleted all 2 contacts in listing 123 with the e-mail dup@example.com (ids {0}, {1})")]
    [InlineData("FirstMatch", "BOTW deleted 1 of the 2 contacts in listing 123 with the e-mail dup@example.com (deleted: {0}; still there: {1})")]
    public void Several_contacts_matching_an_e_mail_get_a_warning_that_says_what_BOTW_deleted(string reading, string expected)
    {
        Sandbox.DeleteByField = Enum.Parse<BotwDeleteByFieldReading>(reading);
        int first = Sandbox.AddContact(Listing, "Dee", null, "dup@example.com", null).Id;
        int second = Sandbox.AddContact(Listing, "Dee", "Two", "dup@example.com", null).Id;

        var run = Ps.Run("Remove-BotwContact -Email dup@example.com -Confirm:$false -PassThru");

        Assert.Empty(run.Errors);
        var warning = Assert.Single(run.Warnings);
        Assert.Contains(string.Format(expected, first, second), warning);
        Assert.Contains("does not say whether a DELETE by e-mail or phone removes one match or all", warning);
        Assert.Contains("Get-BotwContact -Email dup@example.com | Remove-BotwContact", warning);
        var deleted = run.Objects<Contact>().Select(c => c.Id).ToList();
        Assert.Equal(deleted, new[] { first, second }.Where(id => !Sandbox.Contacts.Any(c => c.Id == id)));
        Assert.Equal(new[] { "GET", "DELETE", "GET" }, Requests.Select(r => r.Method));
    }

    [Fact]
    public void The_exact_form_deletes_every_match_by_id_under_either_reading()
    {
        Sandbox.DeleteByField = BotwDeleteByFieldReading.FirstMatch;
        Sandbox.AddContact(Listing, "Dee", null, "dup@example.com", null);
        Sandbox.AddContact(Listing, "Dee", "Two", "dup@example.com", null);

        var run = Ps.Run("Get-BotwContact -Email dup@example.com | Remove-BotwContact -Confirm:$false");

        Assert.Empty(run.Errors);
        Assert.Empty(run.Warnings);
        Assert.DoesNotContain(Sandbox.Contacts, c => c.Email == "dup@example.com");
        Assert.All(Requests.Where(r => r.Method == "DELETE"), r => Assert.StartsWith("id=", r.Body));
    }
}
