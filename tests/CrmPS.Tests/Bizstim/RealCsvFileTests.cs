using System.Text;
using System.Text.Json;
using CrmPS.Bizstim;
using CrmPS.Tests.Infrastructure;

namespace CrmPS.Tests.Bizstim;

/// <summary>
/// CSV files as users have them (BOM or not, quoted commas and line breaks, ';' delimiters, accented
/// names, CRLF or LF), read by the real Import-Csv and written by the real Export-Csv of
/// Microsoft.PowerShell.SDK, through Import-BizstimClient to the sandbox over loopback HTTP.
/// </summary>
public sealed class RealCsvFileTests : BizstimTestBase, IDisposable
{
    private const string Header = "first name,last name,address 1,city,state,zipcode,country,e-mail,DOB,status,105_student_id,tags";
    private readonly TempFolder _folder = new("crmps-csv");

    public RealCsvFileTests(BizstimServerFixture server) : base(server)
    {
    }

    private string WriteFile(string name, string text, bool byteOrderMark) => _folder.Write(name, text, new UTF8Encoding(byteOrderMark));

    [Theory]
    [InlineData(true, "\r\n")]
    [InlineData(false, "\n")]
    [InlineData(true, "\n")]
    [InlineData(false, "\r\n")]
    public void A_file_with_quoted_commas_and_accents_is_stored_as_written(bool byteOrderMark, string newline)
    {
        Connect();
        string text = string.Join(newline,
            Header,
            "Chloé,Dubois,\"12, rue de la Paix\",Lyon,Auvergne-Rhône-Alpes,69001,France,chloe@example.com,1990-07-14,active,S-1,\"VIP, Lyon\"",
            "Łukasz,Wójcik,\"Flat 3\nUlica Długa 5\",Kraków,Lesser Poland,30-001,Poland,lukasz@example.com,,prospect,S-2,",
            "");
        string path = WriteFile("clients.csv", text, byteOrderMark);

        var run = Ps.Run("Import-Csv -LiteralPath $path | Import-BizstimClient", ("path", path));

        Assert.Empty(run.Errors);
        Assert.Equal(new[] { ImportStatus.Imported, ImportStatus.Imported }, run.Objects<ImportResult>().Select(r => r.Status));
        var stored = Sandbox.Clients;
        Assert.Equal(2, stored.Count);
        Assert.Equal("Chloé", stored[0].FirstName);
        Assert.Equal("12, rue de la Paix", stored[0].Address1);
        Assert.Equal("Auvergne-Rhône-Alpes", stored[0].State);
        Assert.Equal("Łukasz", stored[1].FirstName);
        Assert.Equal("Wójcik", stored[1].LastName);
        // Import-Csv keeps a quoted line break as it is in the file.
        Assert.Equal("Flat 3\nUlica Długa 5", stored[1].Address1.Replace("\r\n", "\n"));
        var body = LastImportBody();
        Assert.Contains("105_student_id", body.GetProperty("header").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains(body.GetProperty("data")[0].EnumerateArray(), e => e.GetString() == "VIP, Lyon");
    }

    [Fact]
    public void A_semicolon_delimited_file_imports_with_Import_Csv_Delimiter()
    {
        Connect();
        string path = WriteFile("clients-semicolon.csv", string.Join("\r\n",
            Header.Replace(',', ';'),
            "Jürgen;Groß;Hauptstraße 1, Hinterhaus;München;Bayern;80331;Deutschland;juergen@example.de;1975-03-09;active;S-3;",
            ""), byteOrderMark: true);

        var run = Ps.Run("Import-Csv -LiteralPath $path -Delimiter ';' | Import-BizstimClient", ("path", path));

        Assert.Empty(run.Errors);
        var stored = Assert.Single(Sandbox.Clients);
        Assert.Equal("Jürgen", stored.FirstName);
        Assert.Equal("Groß", stored.LastName);
        Assert.Equal("Hauptstraße 1, Hinterhaus", stored.Address1);
        Assert.Equal(new DateTime(1975, 3, 9), stored.Dob);
    }

    [Fact]
    public void A_bad_row_in_a_file_names_its_row_and_field_and_the_rest_still_go()
    {
        Connect();
        string path = WriteFile("mixed.csv", string.Join("\n",
            Header,
            "Ann,Lee,1 Main St,Milton,Ontario,L7D 5S2,Canada,ann@example.com,1980-01-02,active,,",
            "Bo,,2 Main St,Milton,Ontario,L7D 5S2,Canada,bo@example.com,1980-01-02,active,,",
            "Cy,Ray,3 Main St,Milton,Ontario,L7D 5S2,Canada,cy@example.com,1980-01-02,active,,"), byteOrderMark: false);

        var run = Ps.Run("Import-Csv -LiteralPath $path | Import-BizstimClient -ErrorAction SilentlyContinue -ErrorVariable bad; $bad", ("path", path));

        var results = run.Objects<ImportResult>().ToList();
        Assert.Equal(new[] { ImportStatus.Imported, ImportStatus.Invalid, ImportStatus.Imported }, results.Select(r => r.Status));
        var error = Assert.Single(run.Output.Select(o => o.BaseObject).OfType<System.Management.Automation.ErrorRecord>());
        Assert.Contains("Row 2", error.ToString());
        Assert.Contains("LastName ('last name')", error.ToString());
        Assert.Equal(new[] { "Ann", "Cy" }, Sandbox.Clients.Select(c => c.FirstName));
    }

    [Fact]
    public void Results_go_to_Export_Csv_and_ConvertTo_Json_as_plain_columns()
    {
        Connect();
        string source = WriteFile("in.csv", string.Join("\n",
            Header,
            "Ann,Lee,1 Main St,Milton,Ontario,L7D 5S2,Canada,ann@example.com,1980-01-02,active,,",
            "Bo,Ray,2 Main St,Milton,Ontario,L7D 5S2,Canada,bo@example.com,1980-01-02,pending,,"), byteOrderMark: false);
        string results = _folder["results.csv"];

        var run = Ps.Run(@"
            $r = Import-Csv -LiteralPath $source | Import-BizstimClient -ErrorAction SilentlyContinue
            $r | Export-Csv -LiteralPath $results -NoTypeInformation
            $r | Select-Object Row, Status | ConvertTo-Json -Compress -EnumsAsStrings",
            ("source", source), ("results", results));

        var lines = File.ReadAllLines(results);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("\"Status\",\"Row\"", lines[0]);
        Assert.StartsWith("\"Imported\",\"1\"", lines[1]);
        Assert.StartsWith("\"Invalid\",\"2\"", lines[2]);
        Assert.Contains("Status 'pending' is not valid", lines[2]);
        using var json = JsonDocument.Parse(run.Output.Last().ToString());
        Assert.Equal(new[] { "Imported", "Invalid" }, json.RootElement.EnumerateArray().Select(e => e.GetProperty("Status").GetString()));
        Assert.Equal(new[] { 1, 2 }, json.RootElement.EnumerateArray().Select(e => e.GetProperty("Row").GetInt32()));
    }

    [Fact]
    public void Get_BizstimClient_goes_to_Export_Csv_with_one_column_per_property_and_one_line_per_client()
    {
        Connect();
        Sandbox.SeedClients(3);
        string path = _folder["export.csv"];

        var run = Ps.Run("Get-BizstimClient | Export-Csv -LiteralPath $path -NoTypeInformation; Import-Csv -LiteralPath $path", ("path", path));

        Assert.Empty(run.Errors);
        Assert.Equal(4, File.ReadAllLines(path).Length);
        var back = run.Output.ToList();
        Assert.Equal(3, back.Count);
        Assert.Equal(Sandbox.Clients.Select(c => c.Email), back.Select(o => (string)o.Properties["Email"].Value));
        Assert.Equal(Sandbox.Clients.Select(c => c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), back.Select(o => (string)o.Properties["Id"].Value));
    }

    public new void Dispose()
    {
        base.Dispose();
        _folder.Dispose();
    }

    private JsonElement LastImportBody()
    {
        var request = Sandbox.Requests.Last(r => r.Method == "POST" && r.Path.EndsWith("/api/clients", StringComparison.Ordinal));
        return JsonDocument.Parse(request.Body).RootElement.Clone();
    }
}
