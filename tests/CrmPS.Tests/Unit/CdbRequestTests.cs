using System.Collections.Specialized;
using System.Globalization;
using System.Text;
using CrmPS.Cdb;
using CrmPS.Core;
using CrmPS.Sandbox;
using CdbTask = CrmPS.Cdb.Task;

namespace CrmPS.Tests.Unit;

/// <summary>Request building without a runspace: each endpoint's fields, as NOTES.md reads the vendor page.</summary>
public sealed class CdbRequestTests
{
    private static string[] Fields(CdbRequest request) => request.Fields.Select(f => $"{f.Key}={f.Value}").ToArray();

    [Fact]
    public void A_customer_sends_surname_indexed_addresses_and_interleaved_custom_fields()
    {
        var customFields = new OrderedDictionary { ["f-1"] = "Blue", ["f-2"] = "43" };
        var request = CdbRequests.Customer(new Customer { Forename = "Richard", Surname = "Hendricks", Email = new[] { "a@example.com", "b@example.com" }, Phone = new string[0], CustomFields = customFields });

        Assert.Equal("api/customer/add", request.Path);
        Assert.Equal(new[] { "forename=Richard", "surname=Hendricks", "email[0]=a@example.com", "email[1]=b@example.com", "keys[0]=f-1", "values[0]=Blue", "keys[1]=f-2", "values[1]=43" }, Fields(request));
    }

    [Fact]
    public void A_pipeline_note_names_the_pipeline_twice_and_a_customer_note_once()
    {
        Assert.Equal(new[] { "pipelineid=7", "pipeline=7", "note=n" }, Fields(CdbRequests.Note(new Note { PipelineId = 7, Text = "n" })));
        Assert.Equal("api/pipeline/note/add", CdbRequests.Note(new Note { PipelineId = 7, Text = "n" }).Path);
        Assert.Equal(new[] { "customerid=5", "note=n" }, Fields(CdbRequests.Note(new Note { CustomerId = 5, Text = "n" })));
    }

    [Fact]
    public void Tasks_go_to_task_add_never_to_the_pages_event_add()
    {
        var onCustomer = CdbRequests.Task(new CdbTask { CustomerId = 5, Name = "n", DueDate = new DateTime(2022, 10, 31), UserId = new[] { 1 } });
        var onPipeline = CdbRequests.Task(new CdbTask { PipelineId = 7, Name = "n", DueDate = new DateTime(2022, 10, 31), UserId = new int[0] });

        Assert.Equal("api/customer/task/add", onCustomer.Path);
        Assert.Equal(new[] { "customerid=5", "datedue=31/10/2022", "name=n", "users[0]=1" }, Fields(onCustomer));
        Assert.Equal("api/pipeline/task/add", onPipeline.Path);
        Assert.Equal(new[] { "pipelineid=7", "datedue=31/10/2022", "name=n" }, Fields(onPipeline));
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("en-US")]
    [InlineData("fa-IR")]
    [InlineData("th-TH")]
    public void Event_dates_are_the_same_bytes_under_any_current_culture(string culture)
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
            var request = CdbRequests.Event(new Event { CustomerId = 1, Name = "n", Start = new DateTime(2022, 10, 31, 9, 5, 7), End = new DateTime(2022, 10, 31, 17, 0, 0), AttendeeId = new int[0], AttendeeUserId = new[] { 3 } });

            Assert.Equal(new[] { "customerid=1", "startdatetime=31/10/2022 09:05:07", "enddatetime=31/10/2022 17:00:00", "name=n", "attendeeuser[0]=3", "attendeesuser[0]=3" }, Fields(request));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void The_multipart_body_is_what_curl_sends_and_the_emulators_parser_reads_it_back()
    {
        var fields = new FormFields().Add("forename", "Zoë").AddIndexed("email", new[] { "a@example.com" }).Add("note", "line one\r\nline two");
        string boundary = fields.NewBoundary();

        byte[] body = fields.ToMultipart(boundary);
        string text = Encoding.UTF8.GetString(body);

        Assert.StartsWith($"--{boundary}\r\nContent-Disposition: form-data; name=\"forename\"\r\n\r\nZoë\r\n--{boundary}\r\n", text);
        Assert.EndsWith($"\r\n--{boundary}--\r\n", text);
        var form = SandboxForm.Read("multipart/form-data; boundary=" + boundary, body);
        Assert.Null(form.Error);
        Assert.Equal(new[] { "forename=Zoë", "email[0]=a@example.com", "note=line one\r\nline two" }, form.Fields.Select(f => $"{f.Key}={f.Value}"));
    }

    [Fact]
    public void The_url_encoded_body_escapes_every_reserved_character()
    {
        var fields = new FormFields().Add("first_name", "Zoë & Co").Add("email", "a+b@example.com");

        Assert.Equal("first_name=Zo%C3%AB%20%26%20Co&email=a%2Bb%40example.com", fields.ToUrlEncoded());
        Assert.Equal(new[] { "Zoë & Co", "a+b@example.com" }, SandboxForm.Read("application/x-www-form-urlencoded", Encoding.ASCII.GetBytes(fields.ToUrlEncoded())).Fields.Select(f => f.Value));
    }

    [Theory]
    [InlineData("f-4bc9a801-f63d-4b9c-b527-a0cbe902828b", true)]
    [InlineData("F-4BC9A801-F63D-4B9C-B527-A0CBE902828B", true)]
    [InlineData("f-c25257rd-a542-6f36-n072-1fa585935b6f", true)]
    [InlineData("4bc9a801-f63d-4b9c-b527-a0cbe902828b", false)]
    [InlineData("f-colour", false)]
    [InlineData("Favourite colour", false)]
    public void Custom_field_ids_are_recognised_by_shape(string name, bool isFieldId)
    {
        Assert.Equal(isFieldId, CdbCustomFields.IsFieldId(name));
    }
}
