using System.Net;
using System.Text;
using CrmPS.Bizstim;
using CrmPS.Core;

namespace CrmPS.Tests.Unit;

/// <summary>The HTTP core and Bizstim client against canned replies: odd bodies must become clear errors, never crashes.</summary>
public sealed class BizstimApiResponseTests
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

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(_status) { Content = new StringContent(_body, Encoding.UTF8, _contentType) });
    }

    private static BizstimApi Api(HttpStatusCode status, string contentType, string body) =>
        new BizstimConnection(new Uri("https://bizstim.test/"), SecretText.ToSecureString("k"), BizstimPlan.Enterprise, new ConnectionOptions(), new CannedHandler(status, contentType, body)).Api;

    [Fact]
    public async Task An_html_page_with_status_200_is_an_invalid_response_error()
    {
        var api = Api(HttpStatusCode.OK, "text/html", "<html><body><h1>Maintenance</h1></body></html>");

        var error = await Assert.ThrowsAsync<CrmApiException>(() => api.GetTestimonialsAsync(new MessageQueue(), default));

        Assert.Equal("BizstimInvalidResponse", error.ErrorId);
        Assert.Contains("HTML page", error.Message);
        Assert.Contains("Maintenance", error.Message);
    }

    [Fact]
    public async Task Truncated_json_is_an_invalid_response_error()
    {
        var api = Api(HttpStatusCode.OK, "application/json", "{\"status\":\"success\",\"total\":5,\"response\":[{\"id\":\"1\"");

        var error = await Assert.ThrowsAsync<CrmApiException>(() => api.GetClientsAsync(0, 10, new MessageQueue(), default));

        Assert.Contains("not valid JSON", error.Message);
    }

    [Fact]
    public async Task A_failure_status_carries_the_server_message()
    {
        var api = Api(HttpStatusCode.BadRequest, "application/json", "{\"status\":\"failure\",\"response\":\"No header array found\"}");

        var error = await Assert.ThrowsAsync<CrmApiException>(() => api.ImportAsync(new ClientBatch(new[] { new ClientRow(1, new string[16], new List<CustomFieldValue>(), null) }), new MessageQueue(), default));

        Assert.Equal(400, error.StatusCode);
        Assert.Equal("No header array found", error.ServerMessage);
        Assert.Contains("Bizstim answered 400 Bad Request to POST https://bizstim.test/api/clients: No header array found", error.Message);
    }

    [Fact]
    public async Task A_page_with_missing_fields_and_no_total_still_parses()
    {
        var api = Api(HttpStatusCode.OK, "application/json", "{\"status\":\"success\",\"response\":[{\"id\":\"4\"},{}]}");

        var page = await api.GetClientsAsync(0, 10, new MessageQueue(), default);

        Assert.Equal(2, page.Total);
        Assert.Equal(4, page.Items[0].Id);
        Assert.Equal(0, page.Items[1].Id);
    }

    [Fact]
    public async Task An_on_demand_link_broken_over_lines_is_joined_into_one_uri()
    {
        var api = Api(HttpStatusCode.OK, "application/json", "{\"status\":\"success\",\"response\":\"http://www.bizstim.com/ondemand/\\n        company/2cc7\\n        df4d\"}");

        var link = await api.GetOnDemandLinkAsync("x", 0, 0, new MessageQueue(), default);

        Assert.Equal("http://www.bizstim.com/ondemand/company/2cc7df4d", link.AbsoluteUri);
    }
}
