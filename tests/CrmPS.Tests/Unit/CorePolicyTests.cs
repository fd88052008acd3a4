using CrmPS.Bizstim;
using CrmPS.Core;

namespace CrmPS.Tests.Unit;

public sealed class CorePolicyTests
{
    [Theory]
    [InlineData("http://127.0.0.1/", true)]
    [InlineData("http://127.8.9.10:81/", true)]
    [InlineData("http://localhost:8080/", true)]
    [InlineData("http://LOCALHOST/", true)]
    [InlineData("http://[::1]:80/", true)]
    [InlineData("http://128.0.0.1/", false)]
    [InlineData("http://localhost.example.com/", false)]
    [InlineData("http://192.168.1.10/", false)]
    public void Loopback_is_recognized(string uri, bool loopback)
    {
        Assert.Equal(loopback, EndpointPolicy.IsLoopback(new Uri(uri)));
    }

    [Theory]
    [InlineData("ftp://example.com/")]
    [InlineData("https://example.com/?key=x")]
    public void Other_schemes_and_queries_are_refused(string uri)
    {
        Assert.Throws<ArgumentException>(() => EndpointPolicy.NormalizeBaseUri(new Uri(uri), "Bizstim"));
    }

    [Fact]
    public void A_rolling_budget_reopens_when_the_oldest_operation_leaves_the_window()
    {
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var budget = new RateBudget(3, TimeSpan.FromHours(1));
        budget.Spend(start);
        budget.Spend(start.AddMinutes(10));
        budget.Spend(start.AddMinutes(20));

        Assert.Equal(TimeSpan.FromMinutes(35), budget.WaitBeforeNext(start.AddMinutes(25)));
        Assert.Equal(TimeSpan.Zero, budget.WaitBeforeNext(start.AddMinutes(60)));
        Assert.Equal(2, budget.Used(start.AddMinutes(60)));
        budget.Resize(1);
        Assert.Equal(TimeSpan.FromMinutes(20), budget.WaitBeforeNext(start.AddMinutes(60)));
    }

    [Fact]
    public void A_budget_the_server_says_is_spent_waits_until_it_says()
    {
        var now = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var budget = new RateBudget(10, TimeSpan.FromHours(1));
        budget.Spend(now.AddMinutes(-5));

        budget.ExhaustUntil(now, now.AddMinutes(7));

        Assert.Equal(TimeSpan.FromMinutes(7), budget.WaitBeforeNext(now));
    }

    [Theory]
    [InlineData("sales@mysite.com", "sales_mysite~com")]
    [InlineData("a.b@c.d.org", "a~b_c~d~org")]
    public void Inquiry_addresses_use_the_vendor_encoding(string address, string encoded)
    {
        Assert.Equal(encoded, InquiryRequest.EncodeEmail(address));
        Assert.True(InquiryRequest.CanEncodeEmail(address, out _));
    }

    [Fact]
    public void Inquiry_code_four_reads_the_database_outcome_from_the_message()
    {
        var inquiry = new InquiryRequest { Email = "a@example.com" };

        Assert.Equal(ClientOutcome.AlreadyInDatabase, InquiryOutcome.ToResult(inquiry, 4, "E-mail send error. Client previously added to the database.").ClientOutcome);
        Assert.Equal(ClientOutcome.AddFailed, InquiryOutcome.ToResult(inquiry, 4, "E-mail send error. Error adding client to database.").ClientOutcome);
        Assert.Equal(ClientOutcome.Added, InquiryOutcome.ToResult(inquiry, 4, "E-mail send error. Client added to database.").ClientOutcome);
        Assert.Equal(ClientOutcome.NotAdded, InquiryOutcome.ToResult(inquiry, 4, "E-mail send error. Client was not added to database.").ClientOutcome);
        Assert.False(InquiryOutcome.ToResult(inquiry, 4, "E-mail send error.").EmailSent);
        Assert.Equal(ClientOutcome.AddFailed, InquiryOutcome.ToResult(inquiry, 2, "E-mail success. Error adding client to database.").ClientOutcome);
    }

    [Fact]
    public void Validation_lists_become_plain_lines()
    {
        string text = InquiryOutcome.ValidationText("<ul><li>The First Name field is required.</li>\n<li>The Email field must contain a valid email address.</li></ul>");

        Assert.Equal("The First Name field is required." + Environment.NewLine + "The Email field must contain a valid email address.", text);
    }

    [Theory]
    [InlineData("a/b", "a%2Fb")]
    [InlineData("../x", "..%2Fx")]
    [InlineData("x y", "x%20y")]
    public void Path_segments_are_escaped(string value, string escaped)
    {
        Assert.Equal(escaped, PathSegment.Escape(value));
    }

    [Fact]
    public void A_pager_asks_only_for_what_First_needs()
    {
        var pager = new Pager(skip: 5, first: 12, pageSize: 10);
        var requests = new List<(int, int)>();
        while (pager.NextRequest(out int start, out int limit))
        {
            requests.Add((start, limit));
            for (int i = 0; i < limit; i++) pager.Take();
            pager.Received(limit, total: 100);
        }

        Assert.Equal(new[] { (5, 10), (15, 2) }, requests);
    }
}
