using System.Globalization;
using CrmPS.Tests.Infrastructure;

namespace CrmPS.Tests.Cdb;

/// <summary>New-CdbEvent and New-CdbTask read text dates by the same rule as Import-BizstimClient.</summary>
public sealed class CdbDateRuleTests : CdbTestBase
{
    public CdbDateRuleTests(CdbServerFixture server) : base(server)
    {
    }

    [Fact]
    public void An_ambiguous_due_date_is_refused_naming_both_readings_and_DateFormat_reads_it()
    {
        int customer = ExistingCustomer();
        var row = CsvRows.Make(new[] { "CustomerId", "Name", "DueDate" }, customer.ToString(CultureInfo.InvariantCulture), "Call", "04/05/2026");
        var unambiguous = CsvRows.Make(new[] { "CustomerId", "Name", "DueDate" }, customer.ToString(CultureInfo.InvariantCulture), "Visit", "13/05/2026");

        var refused = Ps.RunIn(new CultureInfo("en-GB"), "$row, $other | New-CdbTask", ("row", row), ("other", unambiguous));
        var read = Ps.RunIn(new CultureInfo("en-GB"), "$row | New-CdbTask -DateFormat dd/MM/yyyy", ("row", row));

        var error = Assert.Single(refused.Errors);
        Assert.Equal("CdbTaskInvalid", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Contains("DueDate '04/05/2026' is ambiguous: 4 May 2026 in the current culture (en-GB), but 5 April 2026 in the invariant (US) culture.", error.Exception.Message);
        Assert.Same(row, error.TargetObject);
        Assert.Empty(read.Errors);
        Assert.Equal(new[] { new DateTime(2026, 5, 13), new DateTime(2026, 5, 4) }, Sandbox.Tasks.Select(t => t.DueDate));
    }

    [Fact]
    public void Event_times_in_the_current_culture_are_read_there_and_ambiguous_ones_refused()
    {
        int customer = ExistingCustomer();
        string header = "CustomerId,Name,Start,End";
        var names = header.Split(',');
        var german = CsvRows.Make(names, customer.ToString(CultureInfo.InvariantCulture), "Demo", "13.05.2026 09:00", "13.05.2026 09:30");
        var british = CsvRows.Make(names, customer.ToString(CultureInfo.InvariantCulture), "Demo", "04/05/2026 09:00", "04/05/2026 09:30");

        var de = Ps.RunIn(new CultureInfo("de-DE"), "$row | New-CdbEvent", ("row", german));
        var gb = Ps.RunIn(new CultureInfo("en-GB"), "$row | New-CdbEvent", ("row", british));
        var gbWithFormat = Ps.RunIn(new CultureInfo("en-GB"), "$row | New-CdbEvent -DateFormat 'dd/MM/yyyy HH:mm'", ("row", british));

        Assert.Empty(de.Errors);
        var error = Assert.Single(gb.Errors);
        Assert.Equal("CdbEventInvalid", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Contains("Start '04/05/2026 09:00' is ambiguous: 4 May 2026 09:00:00 in the current culture (en-GB), but 5 April 2026 09:00:00 in the invariant (US) culture.", error.Exception.Message);
        Assert.Empty(gbWithFormat.Errors);
        Assert.Equal(new[] { "13/05/2026 09:00:00", "04/05/2026 09:00:00" },
            Sandbox.Requests.Where(r => r.Path.Contains("event")).Select(r => r.Form.Fields.First(f => f.Key == "startdatetime").Value));
    }
}
