using System.Text.Json;
using CrmPS.Bizstim;

namespace CrmPS.Tests.Unit;

public sealed class BizstimParserTests
{
    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();

    [Fact]
    public void Numbers_are_read_whether_sent_as_strings_or_numbers()
    {
        var fromStrings = BizstimParser.ParseClient(Json("{\"id\":\"21\",\"users_id\":\"654\",\"first_name\":\"Joe\"}"));
        var fromNumbers = BizstimParser.ParseClient(Json("{\"id\":21,\"users_id\":654,\"first_name\":\"Joe\"}"));

        Assert.Equal(21, fromStrings.Id);
        Assert.Equal(654, fromStrings.UserId);
        Assert.Equal(21, fromNumbers.Id);
        Assert.Equal(654, fromNumbers.UserId);
    }

    [Fact]
    public void Missing_null_and_malformed_fields_are_null_not_errors()
    {
        var client = BizstimParser.ParseClientDetail(Json("{\"id\":\"7\",\"dob\":\"0000-00-00\",\"status\":null,\"send_welcome_message\":\"maybe\",\"funnel_id\":\"x\"}"));

        Assert.Equal(7, client.Id);
        Assert.Null(client.FirstName);
        Assert.Null(client.DateOfBirth);
        Assert.Null(client.Status);
        Assert.Null(client.SendWelcomeMessage);
        Assert.Null(client.FunnelId);
    }

    [Fact]
    public void Detail_flags_dates_and_status_are_typed()
    {
        var client = BizstimParser.ParseClientDetail(Json("{\"status\":\"Prospect\",\"dob\":\"1973-04-28\",\"start_date\":\"2020-04-21\",\"ace\":\"1\",\"dark\":0,\"user_records\":\"1\",\"calendar\":\"2\"}"));

        Assert.Equal(ClientStatus.Prospect, client.Status);
        Assert.Equal(new DateTime(1973, 4, 28), client.DateOfBirth);
        Assert.Equal(new DateTime(2020, 4, 21), client.StartDate);
        Assert.True(client.AvailableCreditException);
        Assert.False(client.DarkMode);
        Assert.True(client.UseRecords);
        Assert.Equal(2, client.CalendarView);
    }

    [Fact]
    public void Session_times_carry_the_offset_of_their_date_in_the_account_zone()
    {
        var winter = BizstimParser.ParseSession(Json("{\"id\":\"1\",\"session_date\":\"2026-01-15\",\"session_start_time\":\"17:00\",\"session_end_time\":\"18:00\",\"session_status\":\"3\"}"), "America/Los_Angeles");
        var summer = BizstimParser.ParseSession(Json("{\"id\":\"2\",\"session_date\":\"2026-07-15\",\"session_start_time\":\"17:00\",\"session_end_time\":\"18:00\"}"), "Europe/Berlin");
        var unknownZone = BizstimParser.ParseSession(Json("{\"id\":\"3\",\"session_date\":\"2026-07-15\",\"session_start_time\":\"17:00\"}"), "Mars/Olympus");

        Assert.Equal(new DateTimeOffset(2026, 1, 15, 17, 0, 0, TimeSpan.FromHours(-8)), winter.Start);
        Assert.Equal(new DateTimeOffset(2026, 1, 15, 18, 0, 0, TimeSpan.FromHours(-8)), winter.End);
        Assert.Equal(SessionStatus.Saved, winter.Status);
        Assert.Equal(new DateTimeOffset(2026, 7, 15, 17, 0, 0, TimeSpan.FromHours(2)), summer.Start);
        Assert.Null(unknownZone.Start);
        Assert.Equal("17:00", unknownZone.StartTime);
    }

    [Fact]
    public void Testimonial_text_has_tags_stripped_and_entities_decoded()
    {
        var testimonial = BizstimParser.ParseTestimonial(Json("{\"id\":\"54\",\"testimonial\":\"<p>an posuere   sapien,\\n   eu &amp; tempus</p><p>Caf&eacute; &#39;ok&#39;<br/>end</p>\"}"));

        Assert.Equal("an posuere sapien, eu & tempus\nCafé 'ok'\nend", testimonial.Text);
        Assert.StartsWith("<p>an posuere", testimonial.Testimonial);
    }
}
