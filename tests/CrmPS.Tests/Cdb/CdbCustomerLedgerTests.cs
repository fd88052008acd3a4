using System.Management.Automation;
using CrmPS.Cdb;
using CrmPS.Tests.Infrastructure;

namespace CrmPS.Tests.Cdb;

/// <summary>New-CdbCustomer -LedgerPath: a re-run of the same rows creates nothing twice, and an unclear create is never resent blindly.</summary>
public sealed class CdbCustomerLedgerTests : CdbTestBase, IDisposable
{
    private static readonly string[] Header = { "first name", "last name", "e-mail", "phone" };
    private readonly string _ledger = Path.Combine(Path.GetTempPath(), $"crmps-ledger-{Guid.NewGuid():N}.txt");

    public CdbCustomerLedgerTests(CdbServerFixture server) : base(server)
    {
    }

    [Fact]
    public void The_same_rows_run_twice_are_created_once_and_the_ledger_holds_no_client_data()
    {
        var rows = new[]
        {
            CsvRows.Make(Header, "Ann", "Lee", "ann@example.com; ann.lee@example.org", "01271 444555"),
            CsvRows.Make(Header, "Bo", "Ray", "bo@example.com", ""),
            CsvRows.Make(Header, " ann", "LEE ", "Ann.Lee@example.org, ann@example.com", "07700 900123"),
        };

        var first = Ps.Run("$rows | New-CdbCustomer -LedgerPath $ledger", ("rows", rows), ("ledger", _ledger));
        var second = Ps.Run("$rows | New-CdbCustomer -LedgerPath $ledger -Verbose", ("rows", rows), ("ledger", _ledger));

        Assert.Empty(first.Errors);
        Assert.Equal(new[] { "Ann", "Bo" }, first.Objects<Customer>().Select(c => c.Forename));
        Assert.Empty(second.Errors);
        Assert.Empty(second.Output);
        Assert.Equal(2, Sandbox.Customers.Count);
        int annId = first.Objects<Customer>().First().CustomerId;
        Assert.Contains($"Not sent: Ann Lee <ann@example.com, ann.lee@example.org> was created as customer {annId} on", string.Join("\n", second.Verbose));
        string text = File.ReadAllText(_ledger);
        foreach (string data in new[] { "ann", "Ann", "Lee", "bo@", "Ray", "01271", ApiKey })
        {
            Assert.DoesNotContain(data, text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void An_unclear_create_is_recorded_as_unconfirmed_not_resent_and_resent_only_when_asked()
    {
        Scripted.FailNext("POST", 502, "text/html", "<html>Bad gateway</html>");
        var row = new[] { CsvRows.Make(Header, "Ann", "Lee", "ann@example.com", "") };

        var unclear = Ps.Run("$rows | New-CdbCustomer -LedgerPath $ledger", ("rows", row), ("ledger", _ledger));
        var again = Ps.Run("$rows | New-CdbCustomer -LedgerPath $ledger", ("rows", row), ("ledger", _ledger));
        int postsBefore = Sandbox.Requests.Count(r => r.Method == "POST");
        var resent = Ps.Run("$rows | New-CdbCustomer -LedgerPath $ledger -ResendUnconfirmed", ("rows", row), ("ledger", _ledger));
        var afterwards = Ps.Run("$rows | New-CdbCustomer -LedgerPath $ledger", ("rows", row), ("ledger", _ledger));

        Assert.Contains("records it as unconfirmed", Assert.Single(unclear.Errors).ErrorDetails.Message);
        var refused = Assert.Single(again.Errors);
        Assert.Equal("CdbCustomerUnconfirmed", refused.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Contains("no read endpoint", refused.Exception.Message);
        Assert.Equal(0, postsBefore);
        Assert.Empty(resent.Errors);
        Assert.Single(resent.Objects<Customer>());
        Assert.Empty(afterwards.Errors);
        Assert.Empty(afterwards.Output);
        Assert.Single(Sandbox.Customers);
    }

    [Fact]
    public void A_refused_create_is_not_recorded_so_the_next_run_sends_it()
    {
        Scripted.FailNext("POST", 200, "application/json", "{\"message\":\"Try later\",\"result\":false}");
        var row = new[] { CsvRows.Make(Header, "Ann", "Lee", "ann@example.com", "") };

        var refused = Ps.Run("$rows | New-CdbCustomer -LedgerPath $ledger", ("rows", row), ("ledger", _ledger));
        var next = Ps.Run("$rows | New-CdbCustomer -LedgerPath $ledger", ("rows", row), ("ledger", _ledger));

        Assert.Equal("CdbRequestRejected", Assert.Single(refused.Errors).FullyQualifiedErrorId.Split(',')[0]);
        Assert.Empty(next.Errors);
        Assert.Single(next.Objects<Customer>());
        Assert.Single(Sandbox.Customers);
    }

    [Fact]
    public void WhatIf_reads_the_ledger_but_writes_nothing()
    {
        var run = Ps.Run("New-CdbCustomer -Forename Ann -Surname Lee -Email ann@example.com -LedgerPath $ledger -WhatIf", ("ledger", _ledger));

        Assert.Empty(run.Errors);
        Assert.False(File.Exists(_ledger));
        Assert.Empty(Sandbox.Customers);
    }

    [Fact]
    public void A_ledger_made_for_another_account_or_not_a_ledger_is_refused_before_sending()
    {
        File.WriteAllText(_ledger, "CrmPS.CdbCustomerLedger/1 https://account.example.invalid/ AAAAAAAAAAAAAAAAAAAAAA==\n");

        var other = Ps.Run("New-CdbCustomer -Forename Ann -Surname Lee -Email ann@example.com -LedgerPath $ledger", ("ledger", _ledger));
        File.WriteAllText(_ledger, "first name,last name\n");
        var notLedger = Ps.Run("New-CdbCustomer -Forename Ann -Surname Lee -Email ann@example.com -LedgerPath $ledger", ("ledger", _ledger));

        Assert.Contains("records customers created in https://account.example.invalid/, not http", Assert.Single(other.Errors).Exception.Message);
        Assert.Equal("CdbLedgerUnusable", Assert.Single(notLedger.Errors).FullyQualifiedErrorId.Split(',')[0]);
        Assert.Empty(Sandbox.Customers);
    }

    [Fact]
    public void A_record_cut_short_by_a_crash_is_ignored_and_the_sending_record_before_it_keeps_the_row_unconfirmed()
    {
        var target = new Uri("https://account.customerdatabase.app/");
        var customer = new Customer { Forename = "Ann", Surname = "Lee", Email = new[] { "ann@example.com" } };
        var ledger = CdbCustomerLedger.Open(_ledger, target, readOnly: false);
        string key = ledger.KeyOf(customer);
        ledger.Sending(key, DateTimeOffset.UtcNow);
        File.AppendAllText(_ledger, $"C {key} 4");

        var reopened = CdbCustomerLedger.Open(_ledger, target, readOnly: false);
        reopened.Created(reopened.KeyOf(new Customer { Forename = "Bo", Surname = "Ray", Email = new[] { "bo@example.com" } }), 7, DateTimeOffset.UtcNow);
        var third = CdbCustomerLedger.Open(_ledger, target, readOnly: true);

        Assert.True(third.TryRecall(key, out LedgerState state, out _, out _));
        Assert.Equal(LedgerState.Sending, state);
        Assert.Equal(2, third.Count);
    }

    public new void Dispose()
    {
        base.Dispose();
        File.Delete(_ledger);
    }
}
