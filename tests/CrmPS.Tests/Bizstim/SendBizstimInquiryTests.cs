using System.Management.Automation;
using System.Text.Json;
using CrmPS.Bizstim;
using CrmPS.Tests.Infrastructure;

namespace CrmPS.Tests.Bizstim;

public sealed class SendBizstimInquiryTests : BizstimTestBase
{
    private const string Lead = "-FirstName Ann -LastName Lee -City Milton -State Ontario -Country Canada -Email ann@example.com -Message 'Do you have evening classes?'";

    public SendBizstimInquiryTests(BizstimServerFixture server) : base(server)
    {
        Connect();
    }

    [Fact]
    public void By_default_the_admin_is_told_and_no_client_is_saved()
    {
        var run = Ps.Run($"Send-BizstimInquiry {Lead} -Phone '905-555-0100'");

        Assert.Empty(run.Errors);
        var result = Assert.Single(run.Objects<InquiryResult>());
        Assert.Equal(0, result.Code);
        Assert.True(result.EmailSent);
        Assert.Equal(ClientOutcome.NotAdded, result.ClientOutcome);
        Assert.Equal("E-mail success.", result.Response);
        var request = Sandbox.Requests.Single();
        Assert.Equal("/api/clientinquiry/0/1", request.Path);
        var body = JsonDocument.Parse(request.Body).RootElement;
        Assert.Equal("Ann", body.GetProperty("first_name").GetString());
        Assert.Equal("905-555-0100", body.GetProperty("p_phone").GetString());
        Assert.Equal("Do you have evening classes?", body.GetProperty("message").GetString());
        Assert.Empty(Sandbox.Clients);
    }

    [Fact]
    public void SaveAsProspect_adds_the_client_once_and_then_reports_it_already_there()
    {
        var run = Ps.Run($"Send-BizstimInquiry {Lead} -SaveAsProspect; Send-BizstimInquiry {Lead} -SaveAsProspect");

        Assert.Equal(new[] { ClientOutcome.Added, ClientOutcome.AlreadyInDatabase }, run.Objects<InquiryResult>().Select(r => r.ClientOutcome));
        Assert.Equal(new[] { 3, 1 }, run.Objects<InquiryResult>().Select(r => r.Code));
        Assert.All(Sandbox.Requests, r => Assert.Equal("/api/clientinquiry/1/1", r.Path));
        Assert.Equal("prospect", Assert.Single(Sandbox.Clients).Status);
    }

    [Fact]
    public void NotifyStaff_and_NotifyEmail_build_the_documented_routes()
    {
        var run = Ps.Run($"Send-BizstimInquiry {Lead} -NotifyStaff johngreen; Send-BizstimInquiry {Lead} -SaveAsProspect -NotifyEmail sales@mysite.com");

        Assert.Empty(run.Errors);
        Assert.Equal(new[] { "/api/clientinquiry/0/2/johngreen", "/api/clientinquiry/1/3/sales_mysite~com" }, Sandbox.Requests.Select(r => r.Path));
        Assert.Equal(new[] { "johngreen", "sales@mysite.com" }, Sandbox.Inquiries.Select(i => i.Recipient));
    }

    [Theory]
    [InlineData("sales_team@mysite.com")]
    [InlineData("sales@my~site.com")]
    [InlineData("not-an-address")]
    public void An_address_the_route_cannot_carry_is_refused_at_binding(string address)
    {
        var run = Ps.Run($"Send-BizstimInquiry {Lead} -NotifyEmail $address", ("address", address));

        var error = Assert.Single(run.Errors);
        Assert.IsAssignableFrom<ParameterBindingException>(error.Exception);
        Assert.Contains("NotifyEmail", error.ToString());
        Assert.Empty(Sandbox.Requests);
    }

    [Fact]
    public void Web_form_leads_pipe_in_by_property_name_and_a_refused_lead_does_not_stop_the_rest()
    {
        var good = CsvRows.Make(new[] { "first name", "last name", "city", "state", "country", "e-mail", "message", "primary phone" },
            "Ann", "Lee", "Milton", "Ontario", "Canada", "ann@example.com", "Hello", "905-555-0100");
        var bad = CsvRows.Make(new[] { "first name", "last name", "city", "state", "country", "e-mail", "message" },
            "Bob", "Ray", "Milton", "Ontario", "Canada", "bob-at-example", "Hi");
        var last = CsvRows.Make(new[] { "FirstName", "LastName", "City", "State", "Country", "Email", "Message" },
            "Cy", "Fox", "Milton", "Ontario", "Canada", "cy@example.com", "Hey");

        var run = Ps.Run("$good, $bad, $last | Send-BizstimInquiry", ("good", good), ("bad", bad), ("last", last));

        Assert.Equal(new[] { "ann@example.com", "cy@example.com" }, run.Objects<InquiryResult>().Select(r => r.Email));
        var error = Assert.Single(run.Errors);
        Assert.Equal("BizstimInquiryInvalid", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(ErrorCategory.InvalidData, error.CategoryInfo.Category);
        Assert.Contains("The Email field must contain a valid email address.", error.ToString());
        Assert.DoesNotContain("<li>", error.ToString());
        Assert.Equal("bob-at-example", ((PSObject)error.TargetObject).Properties["Email"].Value);
        Assert.Equal("905-555-0100", Sandbox.Inquiries[0].PrimaryPhone);
    }

    [Fact]
    public void WhatIf_sends_nothing()
    {
        var run = Ps.Run($"Send-BizstimInquiry {Lead} -WhatIf");

        Assert.Empty(run.Output);
        Assert.Empty(Sandbox.Requests);
    }
}
