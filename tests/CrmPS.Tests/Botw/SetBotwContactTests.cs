using CrmPS.Botw;
using CrmPS.Sandbox;
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
        Assert.Equal(new[] { ("GET", 404), ("POST", 201), ("GET", 200), ("PUT", 200) }, Requests.Select(r => (r.Method, r.StatusCode)));
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
        var run = Ps.Run("Set-BotwContact -Id 1 -FirstName Jack -WhatIf; Set-BotwContact -Email ann@example.com -Phone 15551112222 -WhatIf");

        Assert.Empty(run.Errors);
        Assert.Empty(Requests);
    }

    [Fact]
    public void Under_the_literal_reading_an_e_mail_already_held_is_looked_up_and_updated_by_its_id()
    {
        Assert.Equal(BotwPutWithoutIdReading.Creates, Sandbox.PutWithoutId);
        int pat = Sandbox.AddContact(Listing, "Pat", "Kim", "pat@example.com", null).Id;

        var run = Ps.Run("Set-BotwContact -Email pat@example.com -Phone 15551112222");

        Assert.Empty(run.Errors);
        var result = Assert.Single(run.Objects<ContactResult>());
        Assert.Equal((ContactOutcome.Updated, (int?)pat), (result.Outcome, result.Id));
        var stored = Assert.Single(Sandbox.Contacts, c => c.Email == "pat@example.com");
        Assert.Equal((pat, "15551112222", "Pat"), (stored.Id, stored.Phone, stored.FirstName));
        Assert.Equal(("GET", "email=pat%40example.com"), (Requests[0].Method, Requests[0].Query));
        Assert.Equal(("PUT", $"id={pat}&email=pat%40example.com&phone=15551112222"), (Requests[1].Method, Requests[1].Body));
    }

    [Fact]
    public void Under_the_literal_reading_a_new_address_is_created_once()
    {
        var run = Ps.Run("Set-BotwContact -Email new@example.com -FirstName Nia -Phone 15551113333");

        Assert.Empty(run.Errors);
        Assert.Equal(ContactOutcome.Created, Assert.Single(run.Objects<ContactResult>()).Outcome);
        var stored = Assert.Single(Sandbox.Contacts, c => c.Email == "new@example.com");
        Assert.Equal(("Nia", "15551113333"), (stored.FirstName, stored.Phone));
        Assert.Equal(new[] { ("GET", 404), ("POST", 201) }, Requests.Select(r => (r.Method, r.StatusCode)));
    }

    [Fact]
    public void An_address_held_twice_is_refused_naming_the_ids_and_nothing_is_sent_for_that_row()
    {
        int first = Sandbox.AddContact(Listing, "Dee", null, "dup@example.com", "15552220000").Id;
        int second = Sandbox.AddContact(Listing, "Dee", "Two", "dup@example.com", null).Id;

        var run = Ps.Run("Set-BotwContact -Email dup@example.com -Phone 15551112222; Set-BotwContact -Id 1 -FirstName Jack");

        var error = Assert.Single(run.Errors);
        Assert.Equal("BotwContactAmbiguous", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Contains($"2 contacts in listing 123 have the e-mail address dup@example.com (ids {first}, {second})", error.ToString());
        Assert.Contains("Set-BotwContact -Id", error.ToString());
        Assert.Equal("dup@example.com", Assert.IsType<ContactResult>(error.TargetObject).Email);
        Assert.Equal(new[] { "GET", "PUT" }, Requests.Select(r => r.Method));
        Assert.Equal("id=1&first_name=Jack", Requests[1].Body);
        Assert.Equal(new[] { "15552220000", null }, Sandbox.Contacts.Where(c => c.Email == "dup@example.com").Select(c => c.Phone));
    }

    [Fact]
    public void Without_an_e_mail_the_contact_is_looked_up_by_its_phone_number()
    {
        int bo = Sandbox.AddContact(Listing, "Bo", null, null, "15554440000").Id;

        var run = Ps.Run("Set-BotwContact -Phone 15554440000 -LastName Ray");

        Assert.Empty(run.Errors);
        Assert.Equal(("GET", "phone=15554440000"), (Requests[0].Method, Requests[0].Query));
        Assert.Equal($"id={bo}&last_name=Ray&phone=15554440000", Requests[1].Body);
        Assert.Equal("Ray", Sandbox.Contacts.Single(c => c.Id == bo).LastName);
    }

    [Theory]
    [InlineData("Creates")]
    [InlineData("UpdatesMatch")]
    public void The_README_example_does_the_same_under_either_reading_of_the_page(string reading)
    {
        Sandbox.PutWithoutId = Enum.Parse<BotwPutWithoutIdReading>(reading);

        var run = Ps.Run("""
            New-BotwContact -FirstName Ann -Email ann@example.com | Out-Null
            Set-BotwContact -Email ann@example.com -Phone 15551112222
            Import-Csv -Path $csv | Set-BotwContact
            Import-Csv -Path $csv | Set-BotwContact
            """, ("csv", WriteCsv("e-mail,first name,phone", "ann@example.com,Ann,15551112222", "bea@example.com,Bea,15551113333")));

        Assert.Empty(run.Errors);
        Assert.Equal(
            new[] { ContactOutcome.Updated, ContactOutcome.Updated, ContactOutcome.Created, ContactOutcome.Updated, ContactOutcome.Updated },
            run.Objects<ContactResult>().Select(r => r.Outcome));
        Assert.Equal("15551112222", Assert.Single(Sandbox.Contacts, c => c.Email == "ann@example.com").Phone);
        Assert.Single(Sandbox.Contacts, c => c.Email == "bea@example.com");
        Assert.DoesNotContain(Requests, r => r.Method == "PUT" && !r.Body.StartsWith("id=", StringComparison.Ordinal));
    }

    [Fact]
    public void A_create_whose_answer_was_lost_is_found_by_a_lookup_and_not_sent_again()
    {
        Server.Service.Current = new FaultInjectingService(Sandbox, Clock).Add(new SandboxFault(SandboxFaultKind.ResetAfterCommit) { Method = "POST" });

        var run = Ps.Run("Set-BotwContact -Email lost@example.com -FirstName Lou");

        Assert.Empty(run.Errors);
        var result = Assert.Single(run.Objects<ContactResult>());
        var stored = Assert.Single(Sandbox.Contacts, c => c.Email == "lost@example.com");
        Assert.Equal((ContactOutcome.Created, (int?)stored.Id), (result.Outcome, result.Id));
        Assert.Equal(new[] { "GET", "POST", "GET" }, Requests.Select(r => r.Method));
    }

    [Fact]
    public void A_create_with_an_unclear_answer_that_a_lookup_does_not_find_is_reported_as_maybe_stored_and_not_resent()
    {
        // A 503 after sending may still be stored later by a slow server: the lookup finding nothing is no proof.
        var faults = new FaultInjectingService(Sandbox, Clock).Add(new SandboxFault(SandboxFaultKind.Status) { Method = "POST", StatusCode = 503 });
        Server.Service.Current = faults;

        var run = Ps.Run("Set-BotwContact -Email busy@example.com -FirstName Bud");

        var error = Assert.Single(run.Errors);
        Assert.Contains("may still store the request, so it was not sent again", error.ToString());
        Assert.Contains("may have been stored", error.ToString());
        Assert.Empty(run.Output);
        // The POST was answered 503 by the fault injector, once; the sandbox saw the two lookups around it.
        Assert.Equal(1, faults.FaultsApplied);
        Assert.Equal(new[] { ("GET", 404), ("GET", 404) }, Requests.Select(r => (r.Method, r.StatusCode)));
    }

    [Fact]
    public void A_create_whose_answer_was_lost_and_whose_lookup_fails_is_reported_as_maybe_stored_and_not_resent()
    {
        var faults = new FaultInjectingService(Sandbox, Clock).Add(new SandboxFault(SandboxFaultKind.ResetAfterCommit) { Method = "POST" });
        faults.FaultApplying += (_, fault) =>
        {
            if (fault.Method == "POST")
            {
                faults.Add(new SandboxFault(SandboxFaultKind.Status) { Method = "GET", StatusCode = 503, Times = 100 });
            }
        };
        Server.Service.Current = faults;

        var run = Ps.Run("Set-BotwContact -Email dark@example.com -FirstName Dot");

        var error = Assert.Single(run.Errors);
        Assert.Contains("may have been stored", error.ToString());
        Assert.Empty(run.Output);
        Assert.Single(Requests, r => r.Method == "POST");
    }

    [Fact]
    public void A_resent_PUT_with_an_unknown_id_that_created_the_contact_twice_is_reported_not_shown_as_done()
    {
        Server.Service.Current = new FaultInjectingService(Sandbox, Clock).Add(new SandboxFault(SandboxFaultKind.StatusAfterCommit) { Method = "PUT", StatusCode = 502 });

        var run = Ps.Run("Set-BotwContact -Id 999 -Email twice@example.com");

        var error = Assert.Single(run.Errors);
        Assert.Equal("BotwContactMayBeDuplicated", error.FullyQualifiedErrorId.Split(',')[0]);
        var ids = Sandbox.Contacts.Where(c => c.Email == "twice@example.com").Select(c => c.Id).ToList();
        Assert.Equal(2, ids.Count);
        Assert.Contains($"contacts {ids[0]}, {ids[1]} now have the e-mail address twice@example.com", error.ToString());
        Assert.Empty(run.Output);
    }

    [Fact]
    public void A_search_that_also_returns_similar_addresses_counts_only_the_exact_one()
    {
        int pat = Sandbox.AddContact(Listing, "Pat", null, "pat@example.com", null).Id;
        Scripted.FailNext("GET", 200, "application/json",
            $$$"""{"status":"success","message":"2 record(s) found.","data":{"results":[{"contact_id":{{{pat}}},"contact_email":"Pat@Example.com"},{"contact_id":77,"contact_email":"pat@example.com.au"}]}}""");

        var run = Ps.Run("Set-BotwContact -Email pat@example.com -Phone 15551112222");

        Assert.Empty(run.Errors);
        Assert.Equal((ContactOutcome.Updated, (int?)pat), (Assert.Single(run.Objects<ContactResult>()).Outcome, run.Objects<ContactResult>().Single().Id));
        Assert.StartsWith($"id={pat}&", Requests.Single(r => r.Method == "PUT").Body);
    }

    private string WriteCsv(params string[] lines)
    {
        string path = Path.Combine(Path.GetTempPath(), $"crmps-set-botw-{Guid.NewGuid():N}.csv");
        File.WriteAllLines(path, lines);
        return path;
    }
}
