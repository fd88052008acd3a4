using System.Globalization;
using CrmPS.Cdb;
using CrmPS.Tests.Infrastructure;

namespace CrmPS.Tests.Cdb;

public sealed class NewCdbEventTests : CdbTestBase
{
    public NewCdbEventTests(CdbServerFixture server) : base(server)
    {
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("en-US")]
    [InlineData("ar-SA")]
    public void Dates_are_sent_day_first_with_slashes_whatever_the_culture(string culture)
    {
        int customer = ExistingCustomer();

        var run = Ps.RunIn(CultureInfo.GetCultureInfo(culture), $"New-CdbEvent -CustomerId {customer} -Name 'Meeting with Richard' -Start ([datetime]::new(2022, 10, 31, 9, 0, 0)) -End ([datetime]::new(2022, 10, 31, 17, 0, 0))");

        Assert.Empty(run.Errors);
        var form = Sandbox.Requests.Single().Form;
        Assert.Equal("31/10/2022 09:00:00", form.Value("startdatetime"));
        Assert.Equal("31/10/2022 17:00:00", form.Value("enddatetime"));
        Assert.Equal(new DateTime(2022, 10, 31, 9, 0, 0), Sandbox.Events.Single().Start);
        Assert.Equal(564, Assert.Single(run.Objects<Event>()).EventId);
    }

    [Fact]
    public void Every_documented_field_is_sent_and_attendee_users_go_under_both_spellings()
    {
        int customer = ExistingCustomer();

        var run = Ps.Run($"New-CdbEvent -CustomerId {customer} -Name 'Meeting with Richard' -Start '2022-10-31 09:00' -End '2022-10-31 17:00' -Location 'Sheffield Office' -Description 'Meeting to discuss requirements' -AttendeeId 50, 51, 52 -AttendeeUserId 1, 2");

        Assert.Empty(run.Errors);
        var request = Sandbox.Requests.Single();
        Assert.Equal("/api/customer/event/add", request.Path);
        Assert.Equal(
            new[]
            {
                $"customerid={customer}", "startdatetime=31/10/2022 09:00:00", "enddatetime=31/10/2022 17:00:00", "name=Meeting with Richard",
                "location=Sheffield Office", "description=Meeting to discuss requirements", "attendees[0]=50", "attendees[1]=51", "attendees[2]=52",
                "attendeeuser[0]=1", "attendeeuser[1]=2", "attendeesuser[0]=1", "attendeesuser[1]=2",
            },
            request.Form.Fields.Select(f => $"{f.Key}={f.Value}"));
        Assert.Equal(new[] { 1, 2 }, Sandbox.Events.Single().AttendeeUsers);
    }

    [Fact]
    public void An_end_before_the_start_is_refused_before_sending_and_the_next_event_goes()
    {
        int customer = ExistingCustomer();
        var rows = new[]
        {
            CsvRows.Make(new[] { "CustomerId", "Name", "Start", "End" }, customer.ToString(), "Backwards", "2026-03-02 10:00", "2026-03-02 09:00"),
            CsvRows.Make(new[] { "CustomerId", "Name", "Start", "End" }, customer.ToString(), "Fine", "2026-03-02 09:00", "2026-03-02 10:00"),
        };

        var run = Ps.Run("$rows | New-CdbEvent", ("rows", rows));

        var error = Assert.Single(run.Errors);
        Assert.Equal("CdbEventInvalid", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Contains("End (2026-03-02 09:00:00) is before Start (2026-03-02 10:00:00)", error.ToString());
        Assert.Equal("Fine", Assert.Single(Sandbox.Events).Name);
        Assert.Single(Sandbox.Requests);
    }

    [Fact]
    public void A_piped_pipeline_puts_the_event_on_its_customer()
    {
        int customer = ExistingCustomer();

        var run = Ps.Run($"New-CdbPipeline -CustomerId {customer} -Reference R -PipelineTypeId 1 | New-CdbEvent -Name Demo -Start '2026-03-02 09:00' -End '2026-03-02 10:00'");

        Assert.Empty(run.Errors);
        Assert.Equal(customer, Sandbox.Events.Single().CustomerId);
        Assert.Equal(new[] { "customerid", "startdatetime", "enddatetime", "name" }, Sandbox.Requests.Last().Form.Names);
    }

    [Fact]
    public void WhatIf_sends_nothing()
    {
        var run = Ps.Run("New-CdbEvent -CustomerId 1 -Name x -Start '2026-03-02 09:00' -End '2026-03-02 10:00' -WhatIf");

        Assert.Empty(run.Errors);
        Assert.Empty(Sandbox.Requests);
    }
}
