using System.Management.Automation;
using CrmPS.Bizstim;
using CrmPS.Tests.Infrastructure;

namespace CrmPS.Tests.Bizstim;

public sealed class BizstimReadCmdletTests : BizstimTestBase
{
    public BizstimReadCmdletTests(BizstimServerFixture server) : base(server)
    {
        Connect();
    }

    [Fact]
    public void Sessions_are_paged_and_typed_with_the_account_time_zone()
    {
        var run = Ps.Run("Get-BizstimSession -PageSize 10");

        Assert.Empty(run.Errors);
        var sessions = run.Objects<Session>().ToList();
        Assert.Equal(Sandbox.Sessions.Select(s => s.Id), sessions.Select(s => s.SessionId));
        // Pages after the first are fetched in parallel and may arrive in any order.
        Assert.Equal(new[] { "/api/sessions/0/10", "/api/sessions/10/10", "/api/sessions/20/10" }, Sandbox.Requests.Select(r => r.Path).OrderBy(p => int.Parse(p.Split('/')[3], System.Globalization.CultureInfo.InvariantCulture)));
        var first = sessions[0];
        var raw = Sandbox.Sessions[0];
        Assert.Equal(raw.SessionDate, first.Date);
        Assert.Equal(raw.SessionStartTime, first.StartTime);
        Assert.Equal("America/Los_Angeles", first.TimeZone);
        Assert.Equal(TimeSpan.FromHours(-8), first.Start!.Value.Offset);
        Assert.Equal(DateTime.Parse(raw.SessionDate + " " + raw.SessionStartTime, System.Globalization.CultureInfo.InvariantCulture), first.Start.Value.DateTime);
        var summer = sessions.First(s => s.Date.StartsWith("2026-07", StringComparison.Ordinal));
        Assert.Equal(TimeSpan.FromHours(-7), summer.Start!.Value.Offset);
        Assert.True(summer.End > summer.Start);
        Assert.Equal((SessionStatus)raw.SessionStatus, first.Status);
        Assert.Equal(raw.Confirmed == 1, first.Confirmed);
        Assert.Equal(raw.Multi == 1, first.IsGroup);
        Assert.Equal(raw.PractId, first.PractitionerId);
        Assert.Contains(sessions, s => s.IsGroup == true && s.Slots == 20);
    }

    [Fact]
    public void Sessions_default_to_pages_of_one_hundred_and_honour_First_and_Skip()
    {
        var all = Ps.Run("Get-BizstimSession");
        Sandbox.ClearRequests();
        var some = Ps.Run("Get-BizstimSession -Skip 3 -First 2");

        Assert.Equal(25, all.Objects<Session>().Count());
        Assert.Equal(Sandbox.Sessions.Skip(3).Take(2).Select(s => s.Id), some.Objects<Session>().Select(s => s.SessionId));
        Assert.Equal("/api/sessions/3/2", Sandbox.Requests.Single().Path);
    }

    [Fact]
    public void A_session_by_id_and_from_the_pipeline_and_a_missing_one_is_not_found()
    {
        int id = Sandbox.Sessions[4].Id;

        var run = Ps.Run("Get-BizstimSession -Id $id, 1; [pscustomobject]@{ SessionId = $id } | Get-BizstimSession", ("id", id));

        Assert.Equal(new[] { id, id }, run.Objects<Session>().Select(s => s.SessionId));
        var error = Assert.Single(run.Errors);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Equal(1, error.TargetObject);
        Assert.Equal("/api/session/" + id, Sandbox.Requests[0].Path);
    }

    [Fact]
    public void A_session_piped_to_Get_BizstimClient_finds_the_client_of_the_session()
    {
        Sandbox.SeedClients(60);
        var session = Sandbox.Sessions[1];

        var run = Ps.Run("Get-BizstimSession -Id $id | Get-BizstimClient", ("id", session.Id));

        Assert.Empty(run.Errors);
        Assert.Equal(session.ClientId, Assert.Single(run.Objects<ClientDetail>()).Id);
    }

    [Fact]
    public void Testimonials_keep_the_html_and_add_plain_text()
    {
        var run = Ps.Run("Get-BizstimTestimonial");

        Assert.Empty(run.Errors);
        Assert.All(run.Output, o => Assert.Equal("CrmPS.Bizstim.Testimonial", o.TypeNames[0]));
        var testimonials = run.Objects<ClientTestimonial>().ToList();
        Assert.Equal(Sandbox.Testimonials.Select(t => t.Testimonial), testimonials.Select(t => t.Testimonial));
        var joe = testimonials.Single(t => t.Id == 54);
        Assert.Equal("Our son's reading improved within weeks.\nBooking & reminders just work.", joe.Text);
        var beth = testimonials.Single(t => t.Id == 72);
        Assert.Equal("The staff are patient & kind.\nWe call it our \"happy place\".", beth.Text);
        Assert.All(testimonials, t => Assert.DoesNotContain("<", t.Text));
    }

    [Theory]
    [InlineData("9054554671B")]
    [InlineData("../x")]
    [InlineData("a/b")]
    [InlineData("...")]
    [InlineData(".x")]
    [InlineData("a b?c#d%20")]
    public void The_student_id_is_one_escaped_path_segment_whatever_it_holds(string studentId)
    {
        var run = Ps.Run("Get-BizstimOnDemandLink -StudentId $s -PrimaryAgentId 200 -SecondaryAgentId 242", ("s", studentId));

        Assert.Empty(run.Errors);
        var link = Assert.IsType<OnDemandLink>(run.Output.Single().BaseObject);
        Assert.IsAssignableFrom<Uri>(link);
        Assert.Equal((studentId, 200, 242), (link.StudentId, link.PrimaryAgentId, link.SecondaryAgentId));
        var recorded = Sandbox.OnDemandLinks.Single();
        Assert.Equal(studentId, recorded.StudentIdentifier);
        Assert.Equal(200, recorded.PrimaryAgentId);
        Assert.Equal(242, recorded.SecondaryAgentId);
        Assert.Equal(recorded.Url, link.AbsoluteUri);
        Assert.StartsWith("/ondemand/", Sandbox.Requests.Single().Path);
        Assert.Equal(5, Sandbox.Requests.Single().Path.Split('/').Length);
    }

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    public void A_student_id_that_a_url_would_read_as_a_relative_step_is_refused_at_binding(string studentId)
    {
        var run = Ps.Run("Get-BizstimOnDemandLink -StudentId $s", ("s", studentId));

        var error = Assert.Single(run.Errors);
        Assert.IsAssignableFrom<ParameterBindingException>(error.Exception);
        Assert.Contains("relative step", error.ToString());
        Assert.Empty(Sandbox.Requests);
    }

    [Fact]
    public void Agent_ids_default_to_zero_and_bind_from_the_pipeline()
    {
        var run = Ps.Run("[pscustomobject]@{ StudentId = 'S-1'; PrimaryAgentId = 7 } | Get-BizstimOnDemandLink");

        Assert.Empty(run.Errors);
        Assert.Equal("/ondemand/S-1/7/0", Sandbox.Requests.Single().Path);
    }
}
