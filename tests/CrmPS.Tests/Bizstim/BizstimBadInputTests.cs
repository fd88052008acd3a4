using System.Management.Automation;
using CrmPS.Bizstim;
using CrmPS.Tests.Infrastructure;

namespace CrmPS.Tests.Bizstim;

/// <summary>10,000 generated rows mixing good rows with every kind of bad input a real CSV or script produces.</summary>
public sealed class BizstimBadInputTests : BizstimTestBase
{
    private const int RowCount = 10_000;

    public BizstimBadInputTests(BizstimServerFixture server) : base(server)
    {
    }

    private enum Kind
    {
        Good,
        GoodHugeValue,
        GoodUnicode,
        GoodNonStrings,
        MissingFirstName,
        NullLastName,
        WrongStatus,
        BadDate,
        BlankCountry,
    }

    [Fact]
    public void Every_bad_row_is_reported_by_row_and_field_and_every_good_row_lands_exactly_once()
    {
        Connect();
        var kinds = Enumerable.Range(1, RowCount).Select(i => (Kind)(i * 7919 % 9)).ToList();
        var rows = kinds.Select((kind, index) => MakeRow(index + 1, kind)).ToArray();

        var run = Ps.Run("$rows | Import-BizstimClient", ("rows", rows));

        var bad = kinds.Select((kind, index) => (Row: index + 1, Kind: kind)).Where(r => r.Kind >= Kind.MissingFirstName).ToList();
        int good = RowCount - bad.Count;
        Assert.Equal(bad.Count, run.Errors.Count);
        Assert.All(run.Errors, e => Assert.Equal("BizstimClientRowInvalid", e.FullyQualifiedErrorId.Split(',')[0]));
        for (int i = 0; i < bad.Count; i++)
        {
            string message = run.Errors[i].Exception.Message;
            Assert.StartsWith($"Row {bad[i].Row}: ", message);
            Assert.Contains(FieldNamed(bad[i].Kind), message);
            Assert.Same(rows[bad[i].Row - 1], run.Errors[i].TargetObject);
        }

        var results = run.Objects<ImportResult>().ToList();
        Assert.Equal(Enumerable.Range(1, RowCount).Select(i => (long)i), results.Select(r => r.Row));
        Assert.Equal(good, results.Count(r => r.Status == ImportStatus.Imported));
        Assert.Equal(bad.Count, results.Count(r => r.Status == ImportStatus.Invalid));

        var stored = Sandbox.Clients;
        Assert.Equal(good, stored.Count);
        Assert.Equal(good, stored.Select(c => c.Email).Distinct().Count());
        var huge = stored.First(c => c.Notes.Length == 10_000);
        Assert.Equal(new string('n', 10_000), huge.Notes);
        Assert.Contains(stored, c => c.FirstName == "Zoë 🙂 שלום\u0007" && c.LastName == "مرحبا");
        Assert.Contains(stored, c => c.FirstName == "12345" && c.Dob == new DateTime(1980, 2, 3));
    }

    private static string FieldNamed(Kind kind) => kind switch
    {
        Kind.MissingFirstName => "FirstName ('first name') is required",
        Kind.NullLastName => "LastName ('last name') is required",
        Kind.WrongStatus => "Status 'pending' is not valid",
        Kind.BadDate => "DateOfBirth ('DOB') 'soon' is not a date",
        Kind.BlankCountry => "Country ('country') is required",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static PSObject MakeRow(int row, Kind kind)
    {
        object first = $"First{row}";
        object last = $"Last{row}";
        object status = "active";
        object dob = "1980-02-03";
        object country = "Canada";
        object notes = "";
        switch (kind)
        {
            case Kind.GoodHugeValue:
                notes = new string('n', 10_000);
                break;
            case Kind.GoodUnicode:
                first = "Zoë 🙂 שלום\u0007";
                last = "مرحبا";
                break;
            case Kind.GoodNonStrings:
                first = 12345;
                dob = new DateTime(1980, 2, 3, 14, 0, 0);
                break;
            case Kind.MissingFirstName:
                first = "";
                break;
            case Kind.NullLastName:
                last = null;
                break;
            case Kind.WrongStatus:
                status = "pending";
                break;
            case Kind.BadDate:
                dob = "soon";
                break;
            case Kind.BlankCountry:
                country = "   ";
                break;
        }

        return CsvRows.Make(
            new[] { "first name", "last name", "state", "country", "status", "DOB", "e-mail", "notes" },
            first, last, "Ontario", country, status, dob, $"row{row}@example.com", notes);
    }
}
