using System.Net;
using System.Text;
using CrmPS.Cdb;
using CrmPS.Core;
using Task = System.Threading.Tasks.Task;

namespace CrmPS.Tests.Unit;

/// <summary>Customer Database App replies, canned: the new id, or a clear error for every way a reply can be wrong.</summary>
public sealed class CdbResponseTests
{
    private sealed class CannedHandler : HttpMessageHandler
    {
        private readonly HttpStatusCode _status;
        private readonly string _contentType;
        private readonly string _body;

        public CannedHandler(HttpStatusCode status, string contentType, string body)
        {
            _status = status;
            _contentType = contentType;
            _body = body;
        }

        public HttpRequestMessage Last { get; private set; }

        public string LastBody { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Last = request;
            LastBody = request.Content == null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
            return new HttpResponseMessage(_status) { Content = new StringContent(_body, Encoding.UTF8, _contentType) };
        }
    }

    private static Task<int> Create(HttpStatusCode status, string contentType, string body, CannedHandler handler = null)
    {
        handler ??= new CannedHandler(status, contentType, body);
        var connection = new CdbConnection(new Uri("https://cdb.test/prefix"), SecretText.ToSecureString("k"), new ConnectionOptions { MaxRetry = 0 }, handler);
        return connection.Api.CreateAsync(CdbRequests.Note(new Note { CustomerId = 5, Text = "hello" }), new MessageQueue(), default);
    }

    [Theory]
    [InlineData("{\"message\":\"431\",\"result\":true}")]
    [InlineData("{\"result\":\"true\",\"message\":431}")]
    [InlineData("{\"message\":\" 431 \",\"result\":1}")]
    public async Task The_new_id_is_read_from_message_when_result_is_true(string body)
    {
        Assert.Equal(431, await Create(HttpStatusCode.OK, "application/json", body));
    }

    [Fact]
    public async Task The_request_is_a_multipart_post_under_the_base_path_with_the_key_in_Apikey()
    {
        var handler = new CannedHandler(HttpStatusCode.OK, "application/json", "{\"message\":\"1\",\"result\":true}");

        await Create(HttpStatusCode.OK, null, null, handler);

        Assert.Equal("https://cdb.test/prefix/api/customer/note/add", handler.Last.RequestUri!.AbsoluteUri);
        Assert.Equal("k", handler.Last.Headers.GetValues("Apikey").Single());
        Assert.Equal("multipart/form-data", handler.Last.Content!.Headers.ContentType!.MediaType);
        Assert.Contains("name=\"customerid\"\r\n\r\n5\r\n", handler.LastBody);
    }

    [Fact]
    public async Task Result_false_is_a_rejection_carrying_the_servers_reason()
    {
        var error = await Assert.ThrowsAsync<CrmApiException>(() => Create(HttpStatusCode.OK, "application/json", "{\"message\":\"Customer not found\",\"result\":false}"));

        Assert.Equal("CdbRequestRejected", error.ErrorId);
        Assert.Equal("Customer not found", error.ServerMessage);
        Assert.Equal("Customer Database App did not create the customer note: Customer not found", error.Message);
    }

    [Fact]
    public async Task Result_false_without_a_message_still_says_it_was_refused()
    {
        var error = await Assert.ThrowsAsync<CrmApiException>(() => Create(HttpStatusCode.BadRequest, "application/json", "{\"result\":false}"));

        Assert.Equal("CdbRequestRejected", error.ErrorId);
        Assert.Contains("(no reason given)", error.Message);
    }

    [Theory]
    [InlineData("<html><body><h1>502 Bad Gateway</h1></body></html>", "HTML page")]
    [InlineData("{\"message\":\"43", "not valid JSON")]
    [InlineData("[1,2]", "expected a JSON object")]
    [InlineData("{\"message\":\"431\"}", "result field is missing")]
    [InlineData("{\"message\":\"Customer added\",\"result\":true}", "not the new customer note's id")]
    [InlineData("", "not valid JSON")]
    public async Task A_2xx_reply_that_is_not_the_documented_json_is_an_invalid_response(string body, string expected)
    {
        var error = await Assert.ThrowsAsync<CrmApiException>(() => Create(HttpStatusCode.OK, "application/json", body));

        Assert.Equal("CdbInvalidResponse", error.ErrorId);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public async Task An_http_error_keeps_its_status_and_the_servers_words()
    {
        var unauthorized = await Assert.ThrowsAsync<CrmApiException>(() => Create(HttpStatusCode.Unauthorized, "application/json", "{\"message\":\"Invalid API key.\",\"result\":false}"));
        var broken = await Assert.ThrowsAsync<CrmApiException>(() => Create(HttpStatusCode.InternalServerError, "text/html", "<h1>Oops</h1>"));

        Assert.Equal("CdbApi401", unauthorized.ErrorId);
        Assert.Contains("Invalid API key.", unauthorized.Message);
        Assert.Equal("CdbApi500", broken.ErrorId);
        Assert.Contains("Oops", broken.Message);
    }
}
