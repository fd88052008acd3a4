using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CrmPS.Bizstim;
using CrmPS.Core;
using CrmPS.Sandbox;
using CrmPS.SandboxHost;
using Xunit;

namespace CrmPS.Tests.Sandbox;

internal sealed class ManualClock : IClock
{
    public DateTimeOffset UtcNow { get; private set; } = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public void Advance(TimeSpan by) => UtcNow += by;

    public Task Delay(TimeSpan delay, CancellationToken cancellationToken)
    {
        Advance(delay);
        return Task.CompletedTask;
    }
}

internal static class Calls
{
    public const string Key = "0123456789abcdef0123456789abcdef01234567";

    public static readonly string[] Header =
    {
        "first name", "last name", "address 1", "address 2", "city", "state", "zipcode", "country",
        "primary phone", "secondary phone", "mobile phone", "e-mail", "DOB", "status", "start date", "notes",
    };

    public static string[] Row(string first, string last, string status = "active", string state = "California", string dob = "1973-04-28", string email = "") =>
        new[] { first, last, "1 Main St.", "", "Beverly Hills", state, "90210", "USA", "205-555-7777", "", "", email, dob, status, "2023-05-14", "" };

    public static string ImportWith(IEnumerable<string> header, params IEnumerable<string>[] rows) =>
        JsonSerializer.Serialize(new { header, data = rows });

    public static string ImportBody(params IEnumerable<string>[] rows) => ImportWith(Header, rows);

    public static IEnumerable<string>[] Rows(int count) =>
        Enumerable.Range(1, count).Select(i => (IEnumerable<string>)Row("First" + i, "Last" + i)).ToArray();

    public static SandboxResponse Send(BizstimSandbox sandbox, string method, string path, string query = "", string body = null, string key = Key, string contentType = "application/json")
    {
        var request = new SandboxRequest { Method = method, Path = path, Query = query, ContentType = body == null ? null : contentType };
        if (key != null) request.Headers["x-api-key"] = key;
        if (body != null) request.Body = Encoding.UTF8.GetBytes(body);
        return sandbox.Handle(request);
    }

    public static JsonElement Json(SandboxResponse response) => JsonDocument.Parse(response.Body).RootElement.Clone();

    public static string Message(SandboxResponse response) => Json(response).GetProperty("response").GetString();

    public static void AssertAllStrings(JsonElement item)
    {
        foreach (var property in item.EnumerateObject())
        {
            Assert.True(property.Value.ValueKind == JsonValueKind.String, property.Name + " is " + property.Value.ValueKind);
        }
    }

    public static string Sha256(string text) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text))).ToLowerInvariant();
}

public sealed class BizstimSandboxTests
{
    private readonly ManualClock _clock = new();
    private readonly BizstimSandbox _sandbox;

    public BizstimSandboxTests() => _sandbox = new BizstimSandbox(BizstimPlan.Enterprise, _clock);

    [Fact]
    public void Missing_empty_or_wrong_key_is_refused_with_403()
    {
        var keyed = new BizstimSandbox(apiKey: Calls.Key);

        foreach (var response in new[]
                 {
                     Calls.Send(keyed, "GET", "/api/clients", key: null),
                     Calls.Send(keyed, "GET", "/api/clients", key: ""),
                     Calls.Send(keyed, "GET", "/api/clients", key: "wrong"),
                     Calls.Send(keyed, "GET", "/api/nothing", key: null),
                 })
        {
            Assert.Equal(403, response.StatusCode);
            Assert.Equal(SandboxResponse.JsonContentType, response.ContentType);
            Assert.Equal("""{"status":"failure","response":"Invalid API key"}""", response.BodyText);
        }

        Assert.Equal(200, Calls.Send(keyed, "GET", "/api/clients").StatusCode);
        Assert.Equal(200, Calls.Send(_sandbox, "GET", "/api/clients", key: "any-key-without-configuration").StatusCode);
    }

    [Theory]
    [InlineData("GET", "/api/nothing")]
    [InlineData("GET", "/")]
    [InlineData("POST", "/api/clients/1")]
    [InlineData("DELETE", "/api/clients")]
    [InlineData("GET", "/api/clientinquiry")]
    [InlineData("POST", "/api/clientinquiry/1/3/a_b~com/extra")]
    [InlineData("GET", "/api/clients/0/10/5")]
    [InlineData("GET", "/ondemand/abc/0")]
    [InlineData("GET", "/api/ondemand/abc/0/0")]
    public void Unknown_routes_answer_404_unknown_method(string method, string path)
    {
        var response = Calls.Send(_sandbox, method, path, body: method == "GET" ? null : "{}");

        Assert.Equal(404, response.StatusCode);
        Assert.Equal("""{"status":"failure","response":"Unknown method"}""", response.BodyText);
    }

    [Fact]
    public void Client_list_pages_with_defaults_clamps_the_limit_and_reports_a_numeric_total()
    {
        _sandbox.SeedClients(2500);

        var first = Calls.Json(Calls.Send(_sandbox, "GET", "/api/clients"));
        var tail = Calls.Json(Calls.Send(_sandbox, "GET", "/api/clients/2400"));
        var clamped = Calls.Json(Calls.Send(_sandbox, "GET", "/api/clients/10/5000"));
        var small = Calls.Json(Calls.Send(_sandbox, "GET", "/api/clients/3/2"));

        Assert.Equal(JsonValueKind.Number, first.GetProperty("total").ValueKind);
        Assert.Equal(2500, first.GetProperty("total").GetInt32());
        Assert.Equal(1000, first.GetProperty("response").GetArrayLength());
        Assert.Equal("1", first.GetProperty("response")[0].GetProperty("id").GetString());
        Assert.Equal(100, tail.GetProperty("response").GetArrayLength());
        Assert.Equal(1000, clamped.GetProperty("response").GetArrayLength());
        Assert.Equal("11", clamped.GetProperty("response")[0].GetProperty("id").GetString());
        Assert.Equal(new[] { "4", "5" }, small.GetProperty("response").EnumerateArray().Select(c => c.GetProperty("id").GetString()));
        Assert.Equal(0, _sandbox.OperationsInLastHour);
    }

    [Fact]
    public void Client_list_items_carry_exactly_the_documented_fields_as_strings()
    {
        _sandbox.SeedClients(3);

        var item = Calls.Json(Calls.Send(_sandbox, "GET", "/api/clients"))
            .GetProperty("response")[0];

        Assert.Equal(
            new[]
            {
                "id", "users_id", "client_settings_id", "avail_id", "first_name", "last_name", "address1", "address2", "city",
                "state", "zipcode", "country", "p_phone", "s_phone", "text_phone", "email",
            },
            item.EnumerateObject().Select(p => p.Name));
        Calls.AssertAllStrings(item);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("0/x")]
    [InlineData("1.5")]
    public void Client_list_rejects_bad_start_or_limit(string paging)
    {
        var response = Calls.Send(_sandbox, "GET", "/api/clients/" + paging);

        Assert.Equal(400, response.StatusCode);
        Assert.Equal("Invalid start or limit", Calls.Message(response));
    }

    [Fact]
    public void Client_lookup_uses_the_first_unique_key_in_the_query()
    {
        var ann = _sandbox.AddClient("Ann", "Lee", "ann@mail.com");
        var bob = _sandbox.AddClient("Bob", "Ray", "bob@mail.com");

        Assert.Equal(bob.Id.ToString(), FoundId("email=bob%40mail.com&id=" + ann.Id));
        Assert.Equal(ann.Id.ToString(), FoundId("first_name=Bob&id=" + ann.Id + "&email=bob@mail.com"));
        Assert.Equal(bob.Id.ToString(), FoundId("username=" + bob.Username.ToUpperInvariant() + "&email=ann@mail.com"));
    }

    [Fact]
    public void Client_lookup_by_email_matches_any_address_in_the_comma_separated_list()
    {
        var client = _sandbox.AddClient("Susan", "Ng", "susan@mail.com, Joe@Mail.com ,third@mail.com");

        Assert.Equal(client.Id.ToString(), FoundId("email=joe%40mail.com"));
        Assert.Equal(client.Id.ToString(), FoundId("email=THIRD@mail.com"));
        Assert.Equal(404, Calls.Send(_sandbox, "GET", "/api/client", "email=mail.com").StatusCode);
    }

    [Fact]
    public void Client_lookup_by_name_combines_first_and_last_case_insensitively()
    {
        _sandbox.AddClient("Mary Ann", "Smith");
        var target = _sandbox.AddClient("Mary Ann", "Jones");

        Assert.Equal(target.Id.ToString(), FoundId("first_name=mary+ann&last_name=JONES"));
        Assert.Equal(target.Id.ToString(), FoundId("last_name=Jones"));
        var missing = Calls.Send(_sandbox, "GET", "/api/client", "first_name=Mary%20Ann&last_name=Brown");
        Assert.Equal(404, missing.StatusCode);
        Assert.Equal("No client found", Calls.Message(missing));
    }

    [Theory]
    [InlineData("")]
    [InlineData("format=json")]
    [InlineData("email=")]
    public void Client_lookup_without_search_parameters_is_a_400(string query)
    {
        var response = Calls.Send(_sandbox, "GET", "/api/client", query);

        Assert.Equal(400, response.StatusCode);
        Assert.Equal("No search parameters provided", Calls.Message(response));
    }

    [Fact]
    public void Single_client_carries_every_documented_field_as_a_string()
    {
        var added = _sandbox.AddClient(new SandboxClient
        {
            FirstName = "Joe", LastName = "Smith", Email = "joe@mail.com", Dob = new DateTime(1980, 2, 29),
            Status = "inactive", Dark = true,
        });

        var client = Calls.Json(Calls.Send(_sandbox, "GET", "/api/client", "id=" + added.Id)).GetProperty("response");

        Calls.AssertAllStrings(client);
        Assert.Equal("1980-02-29", client.GetProperty("dob").GetString());
        Assert.Equal("", client.GetProperty("start_date").GetString());
        Assert.Equal("inactive", client.GetProperty("status").GetString());
        Assert.Equal("America/Los_Angeles", client.GetProperty("timezone").GetString());
        Assert.Equal("1", client.GetProperty("dark").GetString());
        Assert.Equal("0", client.GetProperty("ace").GetString());
        Assert.Equal("08:00:00", client.GetProperty("minTime").GetString());
        Assert.Equal("24:00:00", client.GetProperty("maxTime").GetString());
        Assert.Equal("00:15:00", client.GetProperty("slotDuration").GetString());
        Assert.Equal("10", client.GetProperty("sessionLimit").GetString());
        Assert.Equal("1200", client.GetProperty("cal_length").GetString());
        Assert.Equal("joesmith" + added.Id, client.GetProperty("username").GetString());
        foreach (var name in new[] { "qb_customer_id", "latitude", "inactive_reason", "funnel_id", "calendar_color", "use_records", "hide_costs", "calendar" })
        {
            Assert.True(client.TryGetProperty(name, out _), name);
        }
    }

    [Fact]
    public void Import_stores_rows_with_custom_fields_tags_and_derived_usernames()
    {
        _sandbox.SeedClients(2);
        var header = Calls.Header.Concat(new[] { "105_custom_id_for_student_id", "198_where_does_student_eat_lunch", "Tags", "ignored" });
        var row = Calls.Row("John", "Van Smith", status: "Active", email: "jsmith@bevhills.com")
            .Concat(new[] { "2021154446", "Lunch in school", "Class of 2026, Middleschool Examination , ,23", "x" });

        var response = Calls.Send(_sandbox, "POST", "/api/clients", body: Calls.ImportWith(header, row));

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("""{"status":"success","response":"The records were imported successfully."}""", response.BodyText);
        var stored = _sandbox.Clients.Last();
        Assert.Equal(3, stored.Id);
        Assert.Equal("johnvansmith3", stored.Username);
        Assert.Equal("active", stored.Status);
        Assert.Equal(new DateTime(1973, 4, 28), stored.Dob);
        Assert.Equal(new DateTime(2023, 5, 14), stored.StartDate);
        Assert.Equal("2021154446", stored.CustomFields["105_custom_id_for_student_id"]);
        Assert.Equal("Lunch in school", stored.CustomFields["198_where_does_student_eat_lunch"]);
        Assert.Equal(2, stored.CustomFields.Count);
        Assert.Equal(new[] { "Class of 2026", "Middleschool Examination", "23" }, stored.Tags);
        Assert.Equal(1, _sandbox.OperationsInLastHour);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("")]
    [InlineData("""{"header":["first name"]}""")]
    [InlineData("""{"header":["first name"],"data":[]}""")]
    [InlineData("""[1,2]""")]
    public void Import_without_data_is_refused(string body)
    {
        var response = Calls.Send(_sandbox, "POST", "/api/clients", body: body);

        Assert.Equal(400, response.StatusCode);
        Assert.Equal("No data provided", Calls.Message(response));
        Assert.Equal(0, _sandbox.OperationsInLastHour);
    }

    [Fact]
    public void Import_without_the_fixed_header_is_refused()
    {
        var row = Calls.Row("A", "B");
        var swapped = Calls.Header.Select(h => h == "city" ? "town" : h).ToArray();

        foreach (var body in new[]
                 {
                     JsonSerializer.Serialize(new { data = new[] { row } }),
                     Calls.ImportWith(swapped, row),
                     Calls.ImportWith(Calls.Header.Take(15), row.Take(15)),
                 })
        {
            var response = Calls.Send(_sandbox, "POST", "/api/clients", body: body);
            Assert.Equal(400, response.StatusCode);
            Assert.Equal("No header array found", Calls.Message(response));
        }

        var upper = Calls.ImportWith(Calls.Header.Select(h => h.ToUpperInvariant()), row);
        Assert.Equal(200, Calls.Send(_sandbox, "POST", "/api/clients", body: upper.Replace("\"header\"", "\"HEADER\"")).StatusCode);
    }

    [Fact]
    public void Import_with_bad_rows_stores_the_good_ones_and_reports_a_failure()
    {
        var rows = new IEnumerable<string>[]
        {
            Calls.Row("Good", "One"),
            Calls.Row("Bad", "Status", status: "gone"),
            Calls.Row("Bad", "Dob", dob: "28/04/1973"),
            Calls.Row("Bad", "State", state: " "),
            Calls.Row("Short", "Row").Take(15),
            Calls.Row("Good", "Two", status: "PROSPECT", dob: ""),
        };

        var response = Calls.Send(_sandbox, "POST", "/api/clients", body: Calls.ImportBody(rows));

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("failure", Calls.Json(response).GetProperty("status").GetString());
        Assert.Equal(BizstimSandbox.PartialImportMessage, Calls.Message(response));
        Assert.Equal(new[] { "One", "Two" }, _sandbox.Clients.Select(c => c.LastName));
        Assert.Equal(new[] { 1, 2 }, _sandbox.Clients.Select(c => c.Id));
        Assert.Equal("prospect", _sandbox.Clients[1].Status);
        Assert.Null(_sandbox.Clients[1].Dob);
    }

    [Fact]
    public void Import_above_the_plan_batch_size_is_refused_without_counting()
    {
        _sandbox.Plan = BizstimPlan.Trial;
        var trial = Calls.Send(_sandbox, "POST", "/api/clients", body: Calls.ImportBody(Calls.Rows(4)));
        _sandbox.Plan = BizstimPlan.Enterprise;
        var enterprise = Calls.Send(_sandbox, "POST", "/api/clients", body: Calls.ImportBody(Calls.Rows(1001)));

        Assert.Equal(400, trial.StatusCode);
        Assert.Equal("Trial accounts may only add 3 clients per run or 30 clients an hour", Calls.Message(trial));
        Assert.Equal(400, enterprise.StatusCode);
        Assert.Equal("Enterprise accounts may only add 1000 clients per run", Calls.Message(enterprise));
        Assert.Empty(_sandbox.Clients);
        Assert.Equal(0, _sandbox.OperationsInLastHour);
        Assert.Equal(200, Calls.Send(_sandbox, "POST", "/api/clients", body: Calls.ImportBody(Calls.Rows(1000))).StatusCode);
        Assert.Equal(1000, _sandbox.Clients.Count);
    }

    [Fact]
    public void Trial_hourly_limit_answers_429_with_retry_after_until_the_oldest_operation_expires()
    {
        var sandbox = new BizstimSandbox(BizstimPlan.Trial, _clock);
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(200, Calls.Send(sandbox, "POST", "/api/clients", body: Calls.ImportBody(Calls.Rows(3))).StatusCode);
            _clock.Advance(TimeSpan.FromMinutes(1));
        }

        _clock.Advance(TimeSpan.FromSeconds(0.5));
        var refused = Calls.Send(sandbox, "POST", "/api/clients", body: Calls.ImportBody(Calls.Rows(1)));

        Assert.Equal(429, refused.StatusCode);
        Assert.Equal("3000", refused.Headers["Retry-After"]);
        Assert.Equal(BizstimSandbox.TrialLimitMessage, Calls.Message(refused));
        Assert.Equal(30, sandbox.Clients.Count);
        Assert.Equal(10, sandbox.OperationsInLastHour);

        _clock.Advance(TimeSpan.FromSeconds(2999.5));
        Assert.Equal(9, sandbox.OperationsInLastHour);
        Assert.Equal(200, Calls.Send(sandbox, "POST", "/api/clients", body: Calls.ImportBody(Calls.Rows(1))).StatusCode);

        sandbox.EnforceRateLimits = false;
        Assert.Equal(200, Calls.Send(sandbox, "POST", "/api/clients", body: Calls.ImportBody(Calls.Rows(1))).StatusCode);
        Assert.Equal(11, sandbox.OperationsInLastHour);
    }

    [Fact]
    public void Enterprise_hourly_limit_uses_its_own_message()
    {
        for (var i = 0; i < 1000; i++) Calls.Send(_sandbox, "POST", "/api/clients", body: Calls.ImportBody(Calls.Rows(1)));

        var refused = Calls.Send(_sandbox, "POST", "/api/clients", body: Calls.ImportBody(Calls.Rows(1)));

        Assert.Equal(429, refused.StatusCode);
        Assert.Equal("3600", refused.Headers["Retry-After"]);
        Assert.Equal("Enterprise accounts may only run 1000 operations per hour", Calls.Message(refused));
    }

    [Fact]
    public void Inquiry_defaults_to_an_admin_email_without_storing_a_client()
    {
        var response = Calls.Send(_sandbox, "POST", "/api/clientinquiry", body: InquiryJson());

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("""{"status":"success","code":0,"response":"E-mail success."}""", response.BodyText);
        var inquiry = Assert.Single(_sandbox.Inquiries);
        Assert.Equal(("Jane", "Doe", "Portland", "Oregon", "USA", "jane@mail.com", "", "Call me"),
            (inquiry.FirstName, inquiry.LastName, inquiry.City, inquiry.State, inquiry.Country, inquiry.Email, inquiry.PrimaryPhone, inquiry.Message));
        Assert.False(inquiry.SaveAsProspect);
        Assert.Equal(SandboxRecipientKind.Admin, inquiry.RecipientKind);
        Assert.Empty(_sandbox.Clients);
    }

    [Fact]
    public void Inquiry_with_a_equal_1_adds_a_prospect_once()
    {
        _sandbox.AddClient("Other", "Person", "first@mail.com, JANE@mail.com");
        var existing = Calls.Json(Calls.Send(_sandbox, "POST", "/api/clientinquiry/1", body: InquiryJson()));
        var added = Calls.Json(Calls.Send(_sandbox, "POST", "/api/clientinquiry/1/1", body: InquiryJson(email: "new@mail.com")));

        Assert.Equal(1, existing.GetProperty("code").GetInt32());
        Assert.Equal("E-mail success. Client previously added to database.", existing.GetProperty("response").GetString());
        Assert.Equal(3, added.GetProperty("code").GetInt32());
        Assert.Equal("E-mail success. Client added to database.", added.GetProperty("response").GetString());
        var prospect = _sandbox.Clients.Last();
        Assert.Equal(("Jane", "new@mail.com", "prospect", "555-0100"), (prospect.FirstName, prospect.Email, prospect.Status, prospect.PrimaryPhone));
        Assert.Equal(2, _sandbox.Clients.Count);
    }

    // The kind is passed by name: discovery reads attributes before the module resolver can load CrmPS.
    [Theory]
    [InlineData("/api/clientinquiry/0/1", "Admin", "admin")]
    [InlineData("/api/clientinquiry/0/2/johngreen", "Staff", "johngreen")]
    [InlineData("/api/clientinquiry/1/3/sales_mysite~com", "DefinedEmail", "sales@mysite.com")]
    [InlineData("/api/clientinquiry/0/3/sales_my_site~com", "Admin", "admin")]
    public void Inquiry_recipient_follows_parameters_b_and_c(string path, string kind, string recipient)
    {
        Assert.Equal(200, Calls.Send(_sandbox, "POST", path, body: InquiryJson()).StatusCode);

        var inquiry = Assert.Single(_sandbox.Inquiries);
        Assert.Equal(Enum.Parse<SandboxRecipientKind>(kind), inquiry.RecipientKind);
        Assert.Equal(recipient, inquiry.Recipient);
    }

    [Fact]
    public void Inquiry_accepts_a_form_body()
    {
        var form = "first_name=Jos%C3%A9&last_name=O%27Neil&city=San+Jose&state=CA&country=USA&email=jose%40mail.com&message=Hi+there&p_phone=555";

        var response = Calls.Send(_sandbox, "POST", "/api/clientinquiry/0", body: form, contentType: "application/x-www-form-urlencoded");

        Assert.Equal(200, response.StatusCode);
        var inquiry = Assert.Single(_sandbox.Inquiries);
        Assert.Equal(("José", "O'Neil", "San Jose", "jose@mail.com", "Hi there", "555"),
            (inquiry.FirstName, inquiry.LastName, inquiry.City, inquiry.Email, inquiry.Message, inquiry.PrimaryPhone));
    }

    [Fact]
    public void Inquiry_validation_errors_come_back_as_a_code_5_list()
    {
        var body = JsonSerializer.Serialize(new { first_name = "Jane", city = "", state = "OR", country = "USA", email = "not-an-address", message = "Hi" });

        var response = Calls.Send(_sandbox, "POST", "/api/clientinquiry", body: body);

        Assert.Equal(400, response.StatusCode);
        var json = Calls.Json(response);
        Assert.Equal("failure", json.GetProperty("status").GetString());
        Assert.Equal(5, json.GetProperty("code").GetInt32());
        Assert.Equal(
            "<ul><li>The Last Name field is required.</li><li>The City field is required.</li>" +
            "<li>The Email field must contain a valid email address.</li></ul>",
            json.GetProperty("response").GetString());
        Assert.Empty(_sandbox.Inquiries);
    }

    [Theory]
    [InlineData("/api/clientinquiry/2", "(a)")]
    [InlineData("/api/clientinquiry/1/4", "(b)")]
    [InlineData("/api/clientinquiry/1/2", "(c)")]
    [InlineData("/api/clientinquiry/0/3", "(c)")]
    public void Inquiry_with_invalid_parameters_is_a_validation_error(string path, string parameter)
    {
        var response = Calls.Send(_sandbox, "POST", path, body: InquiryJson());

        Assert.Equal(400, response.StatusCode);
        Assert.Equal(5, Calls.Json(response).GetProperty("code").GetInt32());
        var message = Calls.Message(response);
        Assert.StartsWith("<ul><li>", message);
        Assert.Contains(parameter, message);
        Assert.Empty(_sandbox.Inquiries);
    }

    [Fact]
    public void Sessions_page_with_defaults_and_carry_pract_id_as_strings()
    {
        var all = Calls.Json(Calls.Send(_sandbox, "GET", "/api/sessions"));
        var page = Calls.Json(Calls.Send(_sandbox, "GET", "/api/sessions/20/2"));

        Assert.Equal(25, all.GetProperty("total").GetInt32());
        Assert.Equal("America/Los_Angeles", all.GetProperty("timezone").GetString());
        var sessions = all.GetProperty("response").EnumerateArray().ToList();
        Assert.Equal(25, sessions.Count);
        Assert.Equal("1135", sessions[0].GetProperty("id").GetString());
        Assert.All(sessions, Calls.AssertAllStrings);
        Assert.All(sessions, s => Assert.True(s.TryGetProperty("pract_id", out _)));
        Assert.Equal(30, sessions[0].EnumerateObject().Count());
        var months = sessions.Select(s => DateTime.ParseExact(s.GetProperty("session_date").GetString(), "yyyy-MM-dd", null).Month).ToList();
        Assert.Contains(months, m => m is 1 or 2 or 12);
        Assert.Contains(months, m => m is 6 or 7 or 8);
        Assert.Equal(new[] { "0", "1", "2", "3" }, sessions.Select(s => s.GetProperty("session_status").GetString()).Distinct().Order());
        Assert.Contains(sessions, s => s.GetProperty("multi").GetString() == "1");
        Assert.Equal(new[] { "1155", "1156" }, page.GetProperty("response").EnumerateArray().Select(s => s.GetProperty("id").GetString()));
        Assert.Equal(400, Calls.Send(_sandbox, "GET", "/api/sessions/x").StatusCode);
    }

    [Fact]
    public void Single_session_is_found_by_id()
    {
        var found = Calls.Json(Calls.Send(_sandbox, "GET", "/api/session/1139"));
        var missing = Calls.Send(_sandbox, "GET", "/api/session/24");

        Assert.Equal("America/Los_Angeles", found.GetProperty("timezone").GetString());
        Assert.Equal("1139", found.GetProperty("response").GetProperty("id").GetString());
        Assert.Equal(404, missing.StatusCode);
        Assert.Equal("Session not found", Calls.Message(missing));
    }

    [Fact]
    public void Testimonials_are_html_with_entities()
    {
        var testimonials = Calls.Json(Calls.Send(_sandbox, "GET", "/api/testimonials")).GetProperty("response").EnumerateArray().ToList();

        Assert.Equal(4, testimonials.Count);
        Assert.All(testimonials, Calls.AssertAllStrings);
        var html = string.Concat(testimonials.Select(t => t.GetProperty("testimonial").GetString()));
        foreach (var fragment in new[] { "<p>", "<br>", "&amp;", "&#39;", "&quot;" }) Assert.Contains(fragment, html);
    }

    [Fact]
    public void Ondemand_unescapes_the_student_once_and_hashes_the_link()
    {
        var response = Calls.Send(_sandbox, "GET", "/ondemand/90545%2F54671B%2520x/200/242");

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(BizstimSandbox.OnDemandBaseUrl + Calls.Sha256("90545/54671B%20x|200|242"), Calls.Message(response));
        var link = Assert.Single(_sandbox.OnDemandLinks);
        Assert.Equal(("90545/54671B%20x", 200, 242), (link.StudentIdentifier, link.PrimaryAgentId, link.SecondaryAgentId));
        var invalid = Calls.Send(_sandbox, "GET", "/ondemand/abc/0/x");
        Assert.Equal(400, invalid.StatusCode);
        Assert.Equal("Invalid agent id", Calls.Message(invalid));
    }

    [Fact]
    public void Every_request_is_logged_with_headers_and_body_until_cleared()
    {
        Calls.Send(_sandbox, "POST", "/api/clientinquiry", "format=json", InquiryJson(), key: null);
        Calls.Send(_sandbox, "GET", "/api/testimonials");

        var logged = _sandbox.Requests;
        Assert.Equal(2, logged.Count);
        Assert.Equal(("POST", "/api/clientinquiry", "format=json", 403), (logged[0].Method, logged[0].Path, logged[0].Query, logged[0].StatusCode));
        Assert.Equal(InquiryJson(), logged[0].Body);
        Assert.Equal(Calls.Key, logged[1].Headers["X-API-KEY"]);
        _sandbox.ClearRequests();
        Assert.Empty(_sandbox.Requests);
    }

    [Fact]
    public void Snapshots_do_not_leak_mutable_state_and_ids_stay_unique_under_concurrency()
    {
        _sandbox.AddClient("A", "B").Tags.Add("leak");
        _sandbox.Clients[0].CustomFields["1_x"] = "leak";
        Parallel.For(0, 200, i => Calls.Send(_sandbox, "POST", "/api/clients", body: Calls.ImportBody(Calls.Rows(2))));

        Assert.Empty(_sandbox.Clients[0].Tags);
        Assert.Empty(_sandbox.Clients[0].CustomFields);
        Assert.Equal(401, _sandbox.Clients.Select(c => c.Id).Distinct().Count());
        Assert.Equal(Enumerable.Range(1, 401), _sandbox.Clients.Select(c => c.Id));
        Assert.Throws<ArgumentException>(() => _sandbox.AddClient(new SandboxClient { Id = 5, FirstName = "Dup" }));
    }

    internal static string InquiryJson(string email = "jane@mail.com") =>
        JsonSerializer.Serialize(new
        {
            first_name = "Jane", last_name = "Doe", city = "Portland", state = "Oregon", country = "USA", email,
            p_phone = email == "jane@mail.com" ? "" : "555-0100", message = "Call me",
        });

    private string FoundId(string query)
    {
        var response = Calls.Send(_sandbox, "GET", "/api/client", query);
        Assert.Equal(200, response.StatusCode);
        return Calls.Json(response).GetProperty("response").GetProperty("id").GetString();
    }
}

internal sealed class SwappableService : ISandboxService
{
    public ISandboxService Current { get; set; }

    public SandboxResponse Handle(SandboxRequest request) => Current.Handle(request);
}

public sealed class LoopbackServerFixture : IAsyncLifetime
{
    internal SwappableService Service { get; } = new();

    public LoopbackSandboxServer Server { get; private set; }

    public async Task InitializeAsync() => Server = await LoopbackSandboxServer.StartAsync(Service, "/bizstim/v1");

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

public sealed class BizstimSandboxLoopbackTests : IClassFixture<LoopbackServerFixture>, IDisposable
{
    private readonly ManualClock _clock = new();
    private readonly BizstimSandbox _sandbox;
    private readonly LoopbackServerFixture _fixture;
    private readonly HttpClient _http;

    public BizstimSandboxLoopbackTests(LoopbackServerFixture fixture)
    {
        _fixture = fixture;
        _sandbox = new BizstimSandbox(BizstimPlan.Trial, _clock, Calls.Key);
        fixture.Service.Current = _sandbox;
        _http = new HttpClient { BaseAddress = fixture.Server.BaseUri };
        _http.DefaultRequestHeaders.Add("x-api-key", Calls.Key);
    }

    public void Dispose() => _http.Dispose();

    [Fact]
    public void Base_uri_is_loopback_with_the_prefix()
    {
        Assert.Equal("127.0.0.1", _fixture.Server.BaseUri.Host);
        Assert.NotEqual(0, _fixture.Server.BaseUri.Port);
        Assert.Equal("/bizstim/v1/", _fixture.Server.BaseUri.AbsolutePath);
    }

    [Fact]
    public async Task Missing_key_is_403_and_paths_outside_the_prefix_are_404()
    {
        using var anonymous = new HttpClient { BaseAddress = _fixture.Server.BaseUri };
        var refused = await anonymous.GetAsync("api/clients");
        var outside = await _http.GetAsync(new Uri(_fixture.Server.BaseUri, "/api/clients"));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/json; charset=utf-8", refused.Content.Headers.ContentType.ToString());
        Assert.Equal("""{"status":"failure","response":"Invalid API key"}""", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        Assert.Equal("/api/clients", _sandbox.Requests.Single().Path);
    }

    [Fact]
    public async Task Paging_totals_over_http()
    {
        _sandbox.SeedClients(1234);

        var first = await GetJson("api/clients");
        var second = await GetJson("api/clients/1000/1000");

        Assert.Equal(1234, first.GetProperty("total").GetInt32());
        Assert.Equal(1000, first.GetProperty("response").GetArrayLength());
        Assert.Equal(234, second.GetProperty("response").GetArrayLength());
        Assert.Equal("1001", second.GetProperty("response")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task Trial_per_run_refusal_and_partial_failure_over_http()
    {
        var tooMany = await PostJson("api/clients", Calls.ImportBody(Calls.Rows(4)));
        var partial = await PostJson("api/clients", Calls.ImportBody(Calls.Row("Ok", "Row"), Calls.Row("Bad", "Row", status: "")));

        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Contains(BizstimSandbox.TrialLimitMessage, await tooMany.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, partial.StatusCode);
        Assert.Contains(BizstimSandbox.PartialImportMessage, await partial.Content.ReadAsStringAsync());
        Assert.Equal("Row", Assert.Single(_sandbox.Clients).LastName);
    }

    [Fact]
    public async Task Hourly_limit_answers_429_with_a_retry_after_header_over_http()
    {
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await PostJson("api/clients", Calls.ImportBody(Calls.Rows(1)))).StatusCode);
            _clock.Advance(TimeSpan.FromMinutes(2));
        }

        var refused = await PostJson("api/clients", Calls.ImportBody(Calls.Rows(1)));

        Assert.Equal((HttpStatusCode)429, refused.StatusCode);
        Assert.Equal(TimeSpan.FromMinutes(40), refused.Headers.RetryAfter.Delta);
        Assert.Contains(BizstimSandbox.TrialLimitMessage, await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Email_lookup_in_a_comma_separated_list_over_http()
    {
        var client = _sandbox.AddClient("Susan", "Ng", "susan@mail.com,joe+kids@mail.com");

        var found = await GetJson("api/client?email=" + Uri.EscapeDataString("JOE+kids@mail.com"));

        Assert.Equal(client.Id.ToString(), found.GetProperty("response").GetProperty("id").GetString());
        Assert.Equal("email=JOE%2Bkids%40mail.com", _sandbox.Requests.Single().Query);
    }

    [Fact]
    public async Task Ondemand_student_is_unescaped_once_over_http()
    {
        var json = await GetJson("ondemand/Jane%20Doe%2F7%2541/0/0");

        Assert.Equal(BizstimSandbox.OnDemandBaseUrl + Calls.Sha256("Jane Doe/7%41|0|0"), json.GetProperty("response").GetString());
        Assert.Equal("Jane Doe/7%41", _sandbox.OnDemandLinks.Single().StudentIdentifier);
        Assert.Equal("/ondemand/Jane%20Doe%2F7%2541/0/0", _sandbox.Requests.Single().Path);
    }

    [Fact]
    public async Task Form_inquiry_and_concurrent_requests_over_http()
    {
        _sandbox.Plan = BizstimPlan.Enterprise;
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["first_name"] = "Jane", ["last_name"] = "Doe", ["city"] = "Portland", ["state"] = "OR", ["country"] = "USA",
            ["email"] = "jane@mail.com", ["message"] = "Hello & welcome",
        });

        var inquiry = await _http.PostAsync("api/clientinquiry/1/3/sales_mysite~com", form);
        var imports = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => PostJson("api/clients", Calls.ImportBody(Calls.Rows(3)))));

        Assert.Equal(HttpStatusCode.OK, inquiry.StatusCode);
        Assert.Equal("Hello & welcome", _sandbox.Inquiries.Single().Message);
        Assert.Equal("sales@mysite.com", _sandbox.Inquiries.Single().Recipient);
        Assert.All(imports, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(121, _sandbox.Clients.Select(c => c.Id).Distinct().Count());
    }

    [Fact]
    public async Task Message_handler_serves_in_process_under_a_prefixed_base()
    {
        var baseUri = new Uri("https://bizstim.sandbox.invalid/tenant/a/");
        using var client = new HttpClient(new SandboxMessageHandler(_sandbox, baseUri)) { BaseAddress = baseUri };
        client.DefaultRequestHeaders.Add("x-api-key", Calls.Key);
        for (var i = 0; i < 10; i++) await client.PostAsync("api/clients", new StringContent(Calls.ImportBody(Calls.Rows(1)), Encoding.UTF8, "application/json"));

        var refused = await client.PostAsync("api/clients", new StringContent(Calls.ImportBody(Calls.Rows(1)), Encoding.UTF8, "application/json"));
        var sessions = await client.GetAsync("api/sessions/0/5?format=json");
        var outside = await client.GetAsync("https://bizstim.sandbox.invalid/api/sessions");

        Assert.Equal((HttpStatusCode)429, refused.StatusCode);
        Assert.Equal(TimeSpan.FromHours(1), refused.Headers.RetryAfter.Delta);
        Assert.Equal("application/json; charset=utf-8", refused.Content.Headers.ContentType.ToString());
        Assert.Equal(5, JsonDocument.Parse(await sessions.Content.ReadAsStringAsync()).RootElement.GetProperty("response").GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        var logged = _sandbox.Requests.Last();
        Assert.Equal(("/api/sessions/0/5", "format=json"), (logged.Path, logged.Query));
        Assert.StartsWith("application/json", _sandbox.Requests[0].ContentType);
    }

    private async Task<HttpResponseMessage> PostJson(string path, string json) =>
        await _http.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    private async Task<JsonElement> GetJson(string path)
    {
        var response = await _http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}
