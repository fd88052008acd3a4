using System.Collections;
using CrmPS.Botw;
using CrmPS.Tests.Infrastructure;

namespace CrmPS.Tests.Botw;

/// <summary>New-BotwContact and Set-BotwContact read piped rows themselves: -ColumnMap, hashtables, bad numbers, the row's number in errors.</summary>
public sealed class BotwContactRowTests : BotwTestBase
{
    public BotwContactRowTests(BotwServerFixture server) : base(server)
    {
    }

    [Fact]
    public void ColumnMap_reads_a_csv_files_own_headers_and_a_parameter_serves_every_row()
    {
        using var folder = new TempFolder("botw-columnmap");
        string file = folder.Write("leads.csv", "Given,Family,Contact e-mail\nAnn,Lee,ann@example.com\nBo,Ray,bo@example.com\n");

        var run = Ps.Run(
            "Import-Csv -LiteralPath $file | New-BotwContact -ColumnMap @{ Given = 'FirstName'; Family = 'LastName'; 'Contact e-mail' = 'e-mail' } -Phone 15550001111",
            ("file", file));

        Assert.Empty(run.Errors);
        Assert.Empty(run.Warnings);
        Assert.Equal(
            new[] { "first_name=Ann&last_name=Lee&email=ann%40example.com&phone=15550001111", "first_name=Bo&last_name=Ray&email=bo%40example.com&phone=15550001111" },
            Requests.Select(r => r.Body));
    }

    [Fact]
    public void A_hashtable_row_binds_and_a_listing_id_that_is_no_number_is_that_rows_error()
    {
        var rows = new object[]
        {
            new Hashtable { ["listing_id"] = "twelve", ["Email"] = "ann@example.com" },
            new Hashtable { ["first name"] = "Bo", ["MAIL"] = "bo@example.com" },
        };

        var run = Ps.Run("$rows | New-BotwContact", ("rows", rows));

        var error = Assert.Single(run.Errors);
        Assert.Equal("BotwContactInvalid,CrmPS.Botw.NewBotwContactCommand", error.FullyQualifiedErrorId);
        Assert.Equal("Row 1: The contact was not sent: ListingId (column 'listing_id') 'twelve' is not a whole number.", error.Exception.Message);
        Assert.Equal("first_name=Bo&email=bo%40example.com", Requests.Single().Body);
        Assert.Equal("Bo", Assert.Single(run.Objects<ContactResult>()).FirstName);
    }

    [Theory]
    [InlineData("0", "ListingId (column 'listing_id') 0 is out of range: it must be from 1 to 2147483647.")]
    [InlineData("7, 8", "ListingId (column 'listing_id') is a list of 2 values ('7', '8'), not one value: give one.")]
    public void A_listing_id_out_of_range_or_a_list_is_named_as_such(string cell, string problem)
    {
        object listing = cell.Contains(',') ? cell.Split(", ") : cell;
        var row = new Hashtable { ["listing_id"] = listing, ["Email"] = "ann@example.com" };

        var run = Ps.Run("$row | New-BotwContact", ("row", row));

        Assert.Equal("Row 1: The contact was not sent: " + problem, Assert.Single(run.Errors).Exception.Message);
        Assert.Empty(Requests);
    }

    [Fact]
    public void A_contact_piped_from_Get_BotwContact_is_updated_by_its_id_with_the_field_given()
    {
        Sandbox.AddContact(Listing, "Ann", "Lee", "ann@example.com", "");

        var run = Ps.Run("Get-BotwContact -Email ann@example.com | Set-BotwContact -Phone 15550001111 -ColumnMap @{ Nickname = 'FirstName' }");

        Assert.Empty(run.Errors);
        var result = Assert.Single(run.Objects<ContactResult>());
        Assert.Equal(ContactOutcome.Updated, result.Outcome);
        Assert.Equal("15550001111", result.Phone);
        Assert.Equal("Ann", result.FirstName);
    }

    [Fact]
    public void A_ColumnMap_target_that_is_no_field_stops_before_anything_is_sent()
    {
        var row = CsvRows.Make(new[] { "Email", "City" }, "ann@example.com", "Milton");

        var run = Ps.Run("$row | Set-BotwContact -ColumnMap @{ City = 'Town' }", ("row", row));

        var error = Assert.Single(run.Errors);
        Assert.Equal("BotwColumnMapInvalid,CrmPS.Botw.SetBotwContactCommand", error.FullyQualifiedErrorId);
        Assert.Equal("-ColumnMap maps 'City' to 'Town', which is not a field Set-BotwContact takes: use a field name (Id, FirstName, LastName, Email, Phone, ListingId).", error.Exception.Message);
        Assert.Empty(Requests);
    }
}
