using System.Text.Json;
using CrmPS.Bizstim;
using CrmPS.Tests.Infrastructure;

namespace CrmPS.Tests.Bizstim;

/// <summary>Every input column is used, mapped with -ColumnMap, or named in one warning; list values are named as lists.</summary>
public sealed class ImportColumnTests : BizstimTestBase, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("crmps-columns-").FullName;

    public ImportColumnTests(BizstimServerFixture server) : base(server)
    {
    }

    private string Csv(params string[] lines)
    {
        string path = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllLines(path, lines);
        return path;
    }

    private JsonElement LastImportRow(int index = 0)
    {
        var request = Sandbox.Requests.Last(r => r.Method == "POST" && r.Path.EndsWith("/api/clients", StringComparison.Ordinal));
        return JsonDocument.Parse(request.Body).RootElement.GetProperty("data")[index];
    }

    private string[] LastImportHeader()
    {
        var request = Sandbox.Requests.Last(r => r.Method == "POST" && r.Path.EndsWith("/api/clients", StringComparison.Ordinal));
        return JsonDocument.Parse(request.Body).RootElement.GetProperty("header").EnumerateArray().Select(e => e.GetString()!).ToArray();
    }

    [Fact]
    public void Columns_nothing_uses_are_named_in_one_warning_per_import()
    {
        Connect();
        string csv = Csv(
            "first name,last name,state,country,status,Phone Number,E-mail Address,Birthday,0_zero,abc_def,-1_x,105_student",
            "Ann,Lee,Ontario,Canada,active,905-555-0100,ann@example.com,2010-05-04,z,a,m,S-1",
            "Bob,Lee,Ontario,Canada,active,905-555-0101,bob@example.com,2010-05-05,z,a,m,S-2",
            "Cy,Lee,Ontario,Canada,active,905-555-0102,cy@example.com,2010-05-06,z,a,m,S-3");

        var run = Ps.Run("Import-Csv -Path $csv | Import-BizstimClient", ("csv", csv));

        Assert.Empty(run.Errors);
        var warning = Assert.Single(run.Warnings);
        Assert.StartsWith("Import-BizstimClient does not use the column(s) 'Phone Number', 'E-mail Address', 'Birthday', '0_zero', 'abc_def', '-1_x' (first seen in row 1): their values are not sent.", warning);
        Assert.Contains("-ColumnMap", warning);
        Assert.Equal(3, Sandbox.Clients.Count);
        Assert.Equal(new[] { "105_student" }, LastImportHeader().Skip(16));
    }

    [Fact]
    public void ColumnMap_reads_other_headers_as_the_columns_they_stand_for()
    {
        Connect();
        string csv = Csv(
            "Given,Family,Province,Nation,Phone Number,E-mail Address,Birthday,Student No,Labels,city",
            "Ann,Lee,Ontario,Canada,905-555-0100,ann@example.com,2010-05-04,S-1,\"a, b\",Milton");

        var run = Ps.Run(
            "Import-Csv -Path $csv | Import-BizstimClient -DefaultStatus Active -ColumnMap @{ Given = 'FirstName'; Family = 'last name'; Province = 'State'; Nation = 'Country'; 'Phone Number' = 'PrimaryPhone'; 'E-mail Address' = 'Email'; Birthday = 'DOB'; 'Student No' = '105_student_id'; Labels = 'tags'; city = 'Notes' }",
            ("csv", csv));

        Assert.Empty(run.Errors);
        Assert.Empty(run.Warnings);
        var client = Assert.Single(Sandbox.Clients);
        Assert.Equal(("Ann", "Lee", "Ontario", "Canada", "905-555-0100", "ann@example.com", new DateTime(2010, 5, 4)),
            (client.FirstName, client.LastName, client.State, client.Country, client.PrimaryPhone, client.Email, client.Dob!.Value));
        Assert.Equal(("", "Milton", "active"), (client.City, client.Notes, client.Status));
        Assert.Equal(new[] { "105_student_id", "tags" }, LastImportHeader().Skip(16));
        Assert.Equal(new[] { "S-1", "a, b" }, LastImportRow().EnumerateArray().Skip(16).Select(e => e.GetString()));
        var result = Assert.Single(run.Objects<ImportResult>());
        Assert.Equal(("Ann", "ann@example.com", ImportStatus.Imported), (result.FirstName, result.Email, result.Status));
    }

    [Fact]
    public void A_ColumnMap_target_that_is_no_column_is_refused_before_anything_is_sent()
    {
        Connect();

        var run = Ps.Run("$row | Import-BizstimClient -ColumnMap @{ 'E-mail Address' = 'Mail' }", ("row", CsvRows.Documented(1)[0]));

        var error = Assert.Single(run.Errors);
        Assert.Equal("BizstimColumnMapInvalid", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.StartsWith("-ColumnMap maps 'E-mail Address' to 'Mail', which is not a column Import-BizstimClient sends", error.Exception.Message);
        Assert.Empty(Sandbox.Requests);
    }

    [Fact]
    public void A_list_where_one_value_belongs_is_reported_as_a_list_and_a_list_of_addresses_is_sent_comma_separated()
    {
        Connect();
        var names = new[] { "FirstName", "LastName", "State", "Country", "Status", "Email" };
        var rows = new[]
        {
            CsvRows.Make(names, new[] { "Ann", "Anne" }, "Lee", "Ontario", "Canada", "active", "ann@example.com"),
            CsvRows.Make(names, "Bob", "Lee", "Ontario", "Canada", "active", new[] { "bob@example.com", "bob.lee@example.org" }),
            CsvRows.Make(names, "Cy", "Lee", "Ontario", "Canada", "active", "cy@example.com; cy.lee@example.org"),
        };

        var run = Ps.Run("$rows | Import-BizstimClient", ("rows", rows));

        var error = Assert.Single(run.Errors);
        Assert.Equal("Row 1: FirstName ('first name') is a list of 2 values ('Ann', 'Anne'), not one value: give one. The row was not sent.", error.Exception.Message);
        Assert.DoesNotContain("is required and is empty", error.Exception.Message);
        Assert.Equal(new[] { "bob@example.com,bob.lee@example.org", "cy@example.com,cy.lee@example.org" }, Sandbox.Clients.Select(c => c.Email));
    }

    void IDisposable.Dispose()
    {
        Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}

/// <summary>Send-BizstimInquiry follows the same multi-address rule: the API takes one address.</summary>
public sealed class InquiryAddressTests : BizstimTestBase
{
    public InquiryAddressTests(BizstimServerFixture server) : base(server)
    {
        Connect();
    }

    [Fact]
    public void A_cell_with_two_addresses_sends_the_first_and_names_the_other()
    {
        var row = CsvRows.Make(new[] { "FirstName", "LastName", "City", "State", "Country", "Email", "Message" },
            "Ann", "Lee", "Milton", "Ontario", "Canada", "ann@example.com; ann.lee@example.org", "Call me");
        var listRow = CsvRows.Make(new[] { "FirstName", "LastName", "City", "State", "Country", "Email", "Message" },
            "Bob", "Lee", "Milton", "Ontario", "Canada", new[] { "bob@example.com", "bob.lee@example.org" }, "Call me");

        var run = Ps.Run("$row, $listRow | Send-BizstimInquiry", ("row", row), ("listRow", listRow));

        Assert.Empty(run.Errors);
        Assert.Equal(new[] { "ann@example.com", "bob@example.com" }, Sandbox.Inquiries.Select(i => i.Email));
        Assert.Equal(
            new[]
            {
                "Email holds 2 addresses; a Bizstim inquiry takes one, so ann@example.com is sent and ann.lee@example.org is not.",
                "Email holds 2 addresses; a Bizstim inquiry takes one, so bob@example.com is sent and bob.lee@example.org is not.",
            },
            run.Warnings);
    }
}
