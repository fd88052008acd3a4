using System.Text;
using System.Text.Json;
using CrmPS.Sandbox;

namespace CrmPS.Tests.Sandbox;

/// <summary>The multipart reader and the two emulators, called directly: the validation and status codes the engine tests rely on.</summary>
public sealed class CdbBotwSandboxTests
{
    private const string CdbKey = "cdb-key";
    private const string BotwKey = "botw-key";

    private static SandboxResponse Cdb(CdbSandbox sandbox, string path, params (string Name, string Value)[] fields)
    {
        const string boundary = "X-BOUNDARY";
        var body = new StringBuilder();
        foreach (var (name, value) in fields) body.Append($"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n");
        body.Append($"--{boundary}--\r\n");
        var request = new SandboxRequest { Method = "POST", Path = path, ContentType = $"multipart/form-data; boundary=\"{boundary}\"", Body = Encoding.UTF8.GetBytes(body.ToString()) };
        request.Headers["Apikey"] = CdbKey;
        return sandbox.Handle(request);
    }

    private static SandboxResponse Botw(BotwSandbox sandbox, string method, string path, string form = null, string query = "")
    {
        var request = new SandboxRequest { Method = method, Path = path, Query = query };
        request.Headers["Authorization"] = "Bearer " + BotwKey;
        if (form != null)
        {
            request.ContentType = "application/x-www-form-urlencoded";
            request.Body = Encoding.UTF8.GetBytes(form);
        }

        return sandbox.Handle(request);
    }

    private static string Message(SandboxResponse response) => JsonDocument.Parse(response.Body).RootElement.GetProperty("message").GetString();

    [Fact]
    public void The_multipart_reader_takes_a_curl_body_with_a_preamble_quoted_names_and_utf8_values()
    {
        string body = "preamble\r\n--b0\r\nContent-Disposition: form-data; name=\"email[0]\"\r\nContent-Type: text/plain\r\n\r\nzoë@example.com\r\n--b0\r\nContent-Disposition: form-data; name=keys[0]; filename=\"x;y.txt\"\r\n\r\nf-1\r\n--b0--\r\nepilogue";

        var form = SandboxForm.Read("multipart/form-data; charset=utf-8; boundary=b0", Encoding.UTF8.GetBytes(body));

        Assert.Null(form.Error);
        Assert.Equal(new[] { "email[0]=zoë@example.com", "keys[0]=f-1" }, form.Fields.Select(f => $"{f.Key}={f.Value}"));
        Assert.Equal("zoë@example.com", form.Indexed("email").Single().Value);
    }

    [Theory]
    [InlineData("multipart/form-data", "--b0\r\n\r\n", "no boundary")]
    [InlineData("multipart/form-data; boundary=b1", "--b0\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--b0--\r\n", "does not contain the multipart boundary")]
    [InlineData("multipart/form-data; boundary=b0", "--b0\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n", "not closed")]
    [InlineData("multipart/form-data; boundary=b0", "--b0\r\nContent-Type: text/plain\r\n\r\n1\r\n--b0--\r\n", "no Content-Disposition")]
    public void A_malformed_multipart_body_is_reported_not_guessed(string contentType, string body, string expected)
    {
        var form = SandboxForm.Read(contentType, Encoding.UTF8.GetBytes(body));

        Assert.Contains(expected, form.Error);
        Assert.Empty(form.Fields);
    }

    [Fact]
    public void The_cdb_emulator_wants_surname_not_the_pages_surame()
    {
        var sandbox = new CdbSandbox(apiKey: CdbKey);

        var response = Cdb(sandbox, "/api/customer/add", ("forename", "Richard"), ("surame", "Hendricks"), ("email[0]", "r@example.com"));

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("surname is required.", Message(response));
        Assert.Empty(sandbox.Customers);
    }

    [Fact]
    public void The_cdb_emulator_reads_dates_only_day_first()
    {
        var sandbox = new CdbSandbox(apiKey: CdbKey);
        int customer = sandbox.AddCustomer("A", "B", "a@example.com").Id;

        var usStyle = Cdb(sandbox, "/api/customer/event/add", ("customerid", customer.ToString()), ("startdatetime", "10/31/2022 09:00:00"), ("enddatetime", "10/31/2022 17:00:00"), ("name", "n"));
        var backwards = Cdb(sandbox, "/api/customer/event/add", ("customerid", customer.ToString()), ("startdatetime", "31/10/2022 17:00:00"), ("enddatetime", "31/10/2022 09:00:00"), ("name", "n"));
        var task = Cdb(sandbox, "/api/customer/task/add", ("customerid", customer.ToString()), ("datedue", "2022-10-31"), ("name", "n"));

        Assert.Equal("startdatetime '10/31/2022 09:00:00' is not a date in the format dd/mm/yyyy hh:mm:ss.", Message(usStyle));
        Assert.Equal("enddatetime is before startdatetime.", Message(backwards));
        Assert.Equal("datedue '2022-10-31' is not a date in the format dd/mm/yyyy.", Message(task));
        Assert.Empty(sandbox.Events);
    }

    [Fact]
    public void The_cdb_emulator_accepts_either_pipeline_field_but_not_two_different_ids()
    {
        var sandbox = new CdbSandbox(apiKey: CdbKey);
        int customer = sandbox.AddCustomer("A", "B", "a@example.com").Id;
        Cdb(sandbox, "/api/pipeline/add", ("customerid", customer.ToString()), ("reference", "r"), ("pipelinetypeid", "1"));

        Assert.Equal("431", Message(Cdb(sandbox, "/api/pipeline/note/add", ("pipeline", "1337"), ("note", "as in the example"))));
        Assert.Equal("pipelineid and pipeline differ.", Message(Cdb(sandbox, "/api/pipeline/note/add", ("pipelineid", "1337"), ("pipeline", "1338"), ("note", "n"))));
        Assert.Single(sandbox.Notes);
    }

    [Fact]
    public void The_cdb_emulator_refuses_json_a_missing_key_and_unknown_endpoints()
    {
        var sandbox = new CdbSandbox(apiKey: CdbKey);
        var json = new SandboxRequest { Method = "POST", Path = "/api/customer/add", ContentType = "application/json", Body = Encoding.UTF8.GetBytes("{}") };
        json.Headers["Apikey"] = CdbKey;

        Assert.Equal(400, sandbox.Handle(json).StatusCode);
        Assert.Equal(401, sandbox.Handle(new SandboxRequest { Method = "POST", Path = "/api/customer/add" }).StatusCode);
        Assert.Equal(404, Cdb(sandbox, "/api/customer/event/list").StatusCode);
        Assert.Equal(3, sandbox.Requests.Count);
    }

    [Fact]
    public void The_botw_emulator_answers_the_documented_status_codes()
    {
        var sandbox = new BotwSandbox(apiKey: BotwKey);

        Assert.Equal(400, Botw(sandbox, "GET", "/crm/123").StatusCode);
        Assert.Equal(404, Botw(sandbox, "GET", "/crm/123", query: "email=nobody%40example.com").StatusCode);
        Assert.Equal(200, Botw(sandbox, "GET", "/crm/123", query: "name=Doe").StatusCode);
        Assert.Equal(201, Botw(sandbox, "POST", "/crm/123", "email=a%40example.com").StatusCode);
        Assert.Equal(400, Botw(sandbox, "POST", "/crm/123", "first_name=NoContact").StatusCode);
        Assert.Equal(400, Botw(sandbox, "POST", "/crm/123", "email=not-an-address").StatusCode);
        Assert.Equal(404, Botw(sandbox, "PUT", "/crm/123", "id=999&first_name=X").StatusCode);
        Assert.Equal(200, Botw(sandbox, "PUT", "/crm/123", "id=1&first_name=X").StatusCode);
        Assert.Equal(400, Botw(sandbox, "DELETE", "/crm/123", "").StatusCode);
        Assert.Equal(202, Botw(sandbox, "DELETE", "/crm/123", "id=1").StatusCode);
        Assert.Equal(404, Botw(sandbox, "DELETE", "/crm/123", "id=1").StatusCode);
        Assert.Equal(400, Botw(sandbox, "GET", "/crm/abc", query: "id=1").StatusCode);
        Assert.Equal(403, sandbox.Handle(new SandboxRequest { Method = "GET", Path = "/crm/123", Query = "id=1" }).StatusCode);
    }

    [Fact]
    public void The_botw_emulator_blacklist_matches_addresses_in_any_case_and_phones_in_any_format()
    {
        var sandbox = new BotwSandbox(apiKey: BotwKey);
        sandbox.Blacklist("+44 (0)20 7946 0000");

        Assert.Equal("The email address SPAM@example.com has been blacklisted.", Message(Botw(sandbox, "POST", "/crm/1", "email=SPAM%40example.com")));
        Assert.Equal(400, Botw(sandbox, "PUT", "/crm/1", "phone=1-555-000-0000").StatusCode);
        Assert.Equal(400, Botw(sandbox, "POST", "/crm/1", "phone=44020-7946-0000").StatusCode);
        Assert.Equal(new[] { "John" }, sandbox.Contacts.Select(c => c.FirstName));
    }

    [Fact]
    public void The_botw_emulator_keeps_listings_apart()
    {
        var sandbox = new BotwSandbox(apiKey: BotwKey);

        Assert.Equal(404, Botw(sandbox, "GET", "/crm/456", query: "id=1").StatusCode);
        Assert.Equal(201, Botw(sandbox, "PUT", "/crm/456", "email=johndoe%40example.com").StatusCode);
        Assert.Equal(2, sandbox.Contacts.Count(c => c.Email == "johndoe@example.com"));
    }

    [Fact]
    public void The_botw_emulator_takes_the_literal_reading_of_a_PUT_without_id_unless_told_otherwise()
    {
        var literal = new BotwSandbox(apiKey: BotwKey);
        var matching = new BotwSandbox(apiKey: BotwKey) { PutWithoutId = BotwPutWithoutIdReading.UpdatesMatch };

        Assert.Equal(201, Botw(literal, "PUT", "/crm/123", "email=johndoe%40example.com&phone=15551112222").StatusCode);
        Assert.Equal(200, Botw(matching, "PUT", "/crm/123", "email=johndoe%40example.com&phone=15551112222").StatusCode);
        Assert.Equal(400, Botw(literal, "PUT", "/crm/123", "first_name=NoContact").StatusCode);

        Assert.Equal(2, literal.Contacts.Count(c => c.Email == "johndoe@example.com"));
        Assert.Equal("15551112222", Assert.Single(matching.Contacts, c => c.Email == "johndoe@example.com").Phone);
    }

    [Theory]
    [InlineData("EveryMatch", 0)]
    [InlineData("FirstMatch", 1)]
    public void The_botw_emulator_deletes_every_match_or_the_oldest_by_e_mail_as_told(string reading, int left)
    {
        var sandbox = new BotwSandbox(apiKey: BotwKey) { DeleteByField = Enum.Parse<BotwDeleteByFieldReading>(reading) };
        sandbox.AddContact(123, "A", null, "dup@example.com", null);
        int newest = sandbox.AddContact(123, "B", null, "dup@example.com", null).Id;

        Assert.Equal(202, Botw(sandbox, "DELETE", "/crm/123", "email=dup%40example.com").StatusCode);

        Assert.Equal(left, sandbox.Contacts.Count(c => c.Email == "dup@example.com"));
        Assert.All(sandbox.Contacts.Where(c => c.Email == "dup@example.com"), c => Assert.Equal(newest, c.Id));
    }
}
