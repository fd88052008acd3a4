using System.Net;
using System.Text;
using CrmPS.Botw;
using CrmPS.Core;

namespace CrmPS.Tests.Unit;

/// <summary>BOTW replies, canned: the status code decides the outcome, odd bodies become clear errors.</summary>
public sealed class BotwApiResponseTests
{
    private sealed class CannedHandler : HttpMessageHandler
    {
        private readonly HttpStatusCode _status;
        private readonly string _body;

        public CannedHandler(HttpStatusCode status, string body)
        {
            _status = status;
            _body = body;
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(_status) { Content = new StringContent(_body, Encoding.UTF8, "application/json") });
    }

    private static BotwApi Api(HttpStatusCode status, string body) =>
        new BotwConnection(new Uri("https://botw.test/"), SecretText.ToSecureString("k"), 123, new ConnectionOptions { MaxRetry = 0 }, new CannedHandler(status, body)).Api;

    private static readonly ContactFields Ann = new() { FirstName = "Ann", Email = "ann@example.com", Phone = "15551112222" };

    [Fact]
    public async Task Contacts_with_missing_fields_and_string_ids_still_parse()
    {
        var api = Api(HttpStatusCode.OK, "{\"status\":\"success\",\"data\":{\"results\":[{\"contact_id\":\"7\",\"contact_created_date\":\"0000-00-00 00:00:00\"},{}]}}");

        var contacts = await api.FindAsync(123, new ContactQuery { Email = "x@example.com" }, new MessageQueue(), default);

        Assert.Equal(2, contacts.Count);
        Assert.Equal(7, contacts[0].Id);
        Assert.Null(contacts[0].Created);
        Assert.Null(contacts[1].Email);
        Assert.All(contacts, c => Assert.Equal(123, c.ListingId));
    }

    [Fact]
    public async Task A_404_to_a_search_is_no_match_not_an_error()
    {
        var contacts = await Api(HttpStatusCode.NotFound, "{\"status\":\"error\",\"message\":\"No contacts found.\"}").FindAsync(123, new ContactQuery { Id = 9 }, new MessageQueue(), default);

        Assert.Empty(contacts);
    }

    [Fact]
    public async Task A_search_answered_with_html_is_an_invalid_response()
    {
        var error = await Assert.ThrowsAsync<CrmApiException>(() => Api(HttpStatusCode.OK, "<html>Login</html>").FindAsync(123, new ContactQuery { Id = 9 }, new MessageQueue(), default));

        Assert.Equal("BotwInvalidResponse", error.ErrorId);
    }

    [Theory]
    [InlineData(HttpStatusCode.Created, "{\"status\":\"success\",\"message\":\"Contact successfully updated.\"}", "Created")]
    [InlineData(HttpStatusCode.OK, "{\"status\":\"success\",\"message\":\"New contact successfully created.\"}", "Updated")]
    [InlineData(HttpStatusCode.OK, "not json at all", "Updated")]
    public async Task The_status_code_not_the_wording_says_whether_an_upsert_created_or_updated(HttpStatusCode status, string body, string expected)
    {
        var (outcome, _, _) = await Api(status, body).UpsertAsync(123, Ann, new MessageQueue(), default);

        Assert.Equal(expected, outcome.ToString());
    }

    [Fact]
    public async Task A_blacklist_refusal_names_what_is_blacklisted()
    {
        var error = await Assert.ThrowsAsync<CrmApiException>(() => Api(HttpStatusCode.BadRequest, "{\"status\":\"error\",\"message\":\"Email ann@example.com is blacklisted\"}").CreateAsync(123, Ann, new MessageQueue(), default));

        Assert.Equal("BotwContactBlacklisted", error.ErrorId);
        Assert.Equal("BOTW CRM refused the contact because its e-mail address ann@example.com is blacklisted. BOTW said: Email ann@example.com is blacklisted", error.Message);
    }

    [Fact]
    public async Task Any_other_400_keeps_the_status_and_the_servers_message()
    {
        var error = await Assert.ThrowsAsync<CrmApiException>(() => Api(HttpStatusCode.BadRequest, "{\"status\":\"error\",\"message\":\"Invalid input parameters.\"}").CreateAsync(123, Ann, new MessageQueue(), default));

        Assert.Equal("BotwApi400", error.ErrorId);
        Assert.Equal("Invalid input parameters.", error.ServerMessage);
    }

    [Fact]
    public async Task A_delete_answered_404_means_not_found_and_202_deleted()
    {
        Assert.False(await Api(HttpStatusCode.NotFound, "{}").DeleteAsync(123, new ContactFields { Id = 5 }, new MessageQueue(), default));
        Assert.True(await Api(HttpStatusCode.Accepted, "{\"status\":\"success\"}").DeleteAsync(123, new ContactFields { Id = 5 }, new MessageQueue(), default));
    }
}
