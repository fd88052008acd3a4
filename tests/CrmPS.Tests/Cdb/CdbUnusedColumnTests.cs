using CrmPS.Tests.Infrastructure;

namespace CrmPS.Tests.Cdb;

/// <summary>New-CdbCustomer names, once, the columns of its input rows that nothing uses.</summary>
public sealed class CdbUnusedColumnTests : CdbTestBase
{
    public CdbUnusedColumnTests(CdbServerFixture server) : base(server)
    {
    }

    [Fact]
    public void Columns_nothing_uses_are_named_once_and_custom_field_columns_are_used()
    {
        var names = new[] { "first name", "last name", "Notes", "e-mail", "Birthday", "f-4bc9a801-f63d-4b9c-b527-a0cbe902828b" };
        var rows = new[]
        {
            CsvRows.Make(names, "Ann", "Lee", "VIP", "ann@example.com", "2010-05-04", "Blue"),
            CsvRows.Make(names, "Bob", "Lee", "VIP", "bob@example.com", "2010-05-05", "Red"),
        };

        var run = Ps.Run("$rows | New-CdbCustomer", ("rows", rows));

        Assert.Empty(run.Errors);
        var warning = Assert.Single(run.Warnings);
        Assert.StartsWith("New-CdbCustomer does not use the column(s) 'Notes', 'Birthday': their values are not sent.", warning);
        Assert.Equal(2, Sandbox.Requests.Count);
    }
}
