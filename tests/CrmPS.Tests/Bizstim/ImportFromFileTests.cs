using System.Management.Automation;
using System.Text;
using System.Text.Json;
using CrmPS.Bizstim;
using CrmPS.Tests.Infrastructure;

namespace CrmPS.Tests.Bizstim;

/// <summary>
/// Import-BizstimClient -Path / -LiteralPath reading CSV files itself, and the one-object binding of
/// pipeline rows (any shape, hashtables, any header case), against the sandbox over loopback HTTP.
/// </summary>
public sealed class ImportFromFileTests : BizstimTestBase, IDisposable
{
    private const string Header = "first name,last name,address 1,city,state,country,e-mail,DOB,status,105_student_id,tags";
    private readonly TempFolder _folder = new("crmps-path");

    public ImportFromFileTests(BizstimServerFixture server) : base(server)
    {
    }

    private string Write(string name, string text, Encoding encoding = null) => _folder.Write(name, text, encoding);

    private static string Row(string first, string last, string extra = "") =>
        $"{first},{last},1 Main St,Milton,Ontario,Canada,{first.ToLowerInvariant()}@example.com,1980-01-02,active,S-{first},{extra}";

    [Fact]
    public void Path_takes_wildcards_and_reads_every_matching_file_in_order()
    {
        Connect();
        Write("leads-1.csv", string.Join("\n", Header, Row("Ann", "Lee"), Row("Bo", "Ray")));
        Write("leads-2.csv", string.Join("\r\n", Header, Row("Cy", "Fox"), ""), new UTF8Encoding(true));
        Write("other.csv", string.Join("\n", Header, Row("Dee", "Nope")));

        var run = Ps.Run("Import-BizstimClient -Path (Join-Path $folder 'leads-*.csv')", ("folder", _folder.Path));

        Assert.Empty(run.Errors);
        Assert.Equal(new long[] { 1, 2, 3 }, run.Objects<ImportResult>().Select(r => r.Row));
        Assert.All(run.Objects<ImportResult>(), r => Assert.Equal(ImportStatus.Imported, r.Status));
        Assert.Equal(new[] { "Ann", "Bo", "Cy" }, Sandbox.Clients.Select(c => c.FirstName));
        var body = ImportBodies().Single();
        Assert.Contains("105_student_id", body.GetProperty("header").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void A_delimiter_an_encoding_and_quoted_line_breaks_are_read_as_Import_Csv_reads_them()
    {
        Connect();
        string path = Write("latin1.csv", string.Join("\n",
            Header.Replace(',', ';'),
            "Jürgen;Groß;\"Hauptstraße 1\nHinterhaus\";München;Bayern;Deutschland;j@example.de;1975-03-09;active;S-1;\"a;b\""), Encoding.Latin1);

        var run = Ps.Run("Import-BizstimClient -LiteralPath $path -Delimiter ';' -Encoding latin1", ("path", path));

        Assert.Empty(run.Errors);
        var stored = Assert.Single(Sandbox.Clients);
        Assert.Equal("Jürgen", stored.FirstName);
        Assert.Equal("Hauptstraße 1\nHinterhaus", stored.Address1);
        Assert.Equal("München", stored.City);
    }

    [Fact]
    public void A_malformed_line_is_an_error_naming_the_file_and_line_and_the_other_rows_still_go()
    {
        Connect();
        string path = Write("broken.csv", string.Join("\n", Header, Row("Ann", "Lee"), "Bo,\"Ray\"x,1 Main St,Milton,Ontario,Canada,bo@example.com,,active,,", Row("Cy", "Fox"), "too,few"));

        var run = Ps.Run("Import-BizstimClient -Path $path -ErrorAction SilentlyContinue -ErrorVariable bad; $bad", ("path", path));

        var results = run.Objects<ImportResult>().ToList();
        Assert.Equal(new[] { ImportStatus.Imported, ImportStatus.Invalid, ImportStatus.Imported, ImportStatus.Invalid }, results.Select(r => r.Status));
        var errors = run.Output.Select(o => o.BaseObject).OfType<ErrorRecord>().ToList();
        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.StartsWith("BizstimCsvRecordMalformed", e.FullyQualifiedErrorId));
        Assert.Contains("broken.csv, line 3", errors[0].ToString());
        Assert.Contains("closing quote", errors[0].ToString());
        Assert.Contains("broken.csv, line 5", errors[1].ToString());
        Assert.Equal(new[] { "Ann", "Cy" }, Sandbox.Clients.Select(c => c.FirstName));
    }

    [Fact]
    public void A_bad_value_in_a_file_names_the_row_field_file_and_line_and_its_target_is_the_record()
    {
        Connect();
        string path = Write("bad.csv", string.Join("\n", Header, Row("Ann", "Lee"), Row("Bo", "")));

        var run = Ps.Run("Import-BizstimClient -Path $path -ErrorAction SilentlyContinue -ErrorVariable bad; $bad", ("path", path));

        var error = Assert.Single(run.Output.Select(o => o.BaseObject).OfType<ErrorRecord>());
        Assert.Contains("Row 2 (bad.csv, line 3): LastName ('last name') is required and is empty.", error.ToString());
        var target = Assert.IsType<PSObject>(error.TargetObject);
        Assert.Equal("Bo", target.Properties["first name"].Value);
        Assert.Equal(3L, target.Properties["CsvLine"].Value);
    }

    [Fact]
    public void A_header_alone_imports_nothing_and_a_missing_file_is_an_error_while_the_others_go()
    {
        Connect();
        string empty = Write("empty.csv", Header + "\n");
        string good = Write("good.csv", string.Join("\n", Header, Row("Ann", "Lee")));

        var run = Ps.Run("Import-BizstimClient -LiteralPath $empty, (Join-Path $folder 'missing.csv'), $good -ErrorAction SilentlyContinue -ErrorVariable bad; $bad",
            ("empty", empty), ("good", good), ("folder", _folder.Path));

        var result = Assert.Single(run.Objects<ImportResult>());
        Assert.Equal(ImportStatus.Imported, result.Status);
        var error = Assert.Single(run.Output.Select(o => o.BaseObject).OfType<ErrorRecord>());
        Assert.StartsWith("BizstimCsvFileNotFound", error.FullyQualifiedErrorId);
        Assert.Contains("missing.csv", error.ToString());
        Assert.Single(Sandbox.Clients);
    }

    [Fact]
    public void A_wildcard_that_matches_nothing_is_an_error()
    {
        Connect();

        var run = Ps.Run("Import-BizstimClient -Path (Join-Path $folder 'nothing-*.csv')", ("folder", _folder.Path));

        var error = Assert.Single(run.Errors);
        Assert.StartsWith("BizstimCsvFileNotFound", error.FullyQualifiedErrorId);
        Assert.Empty(run.Objects<ImportResult>());
    }

    [Fact]
    public void The_three_ways_in_give_the_same_results_errors_and_request_bodies()
    {
        string path = Write("same.csv", string.Join("\n", Header, Row("Ann", "Lee", "vip"), Row("Bo", ""), Row("Cy", "Fox")));
        var outcomes = new List<(string Results, string Errors, string Bodies, string WhatIf)>();
        foreach (string script in new[]
        {
            "Import-BizstimClient -Path $path",
            "Import-Csv -LiteralPath $path | Import-BizstimClient",
            "$rows = @(Import-Csv -LiteralPath $path); $rows | Import-BizstimClient",
        })
        {
            NewSandbox(BizstimPlan.Enterprise);
            Connect();
            var whatIf = Ps.Run(script + " -WhatIf -ErrorAction SilentlyContinue 6>&1", ("path", path));
            var run = Ps.Run(script + " -ErrorAction SilentlyContinue -ErrorVariable bad; $bad", ("path", path));
            outcomes.Add((
                string.Join("|", run.Objects<ImportResult>().Select(r => $"{r.Row} {r.Status} {r.FirstName} {r.LastName} {r.Email} {r.Batch}")),
                string.Join("|", run.Output.Select(o => o.BaseObject).OfType<ErrorRecord>().Select(e => e.FullyQualifiedErrorId.Split(',')[0] + " " + e.Exception.Message.Replace(" (same.csv, line 3)", string.Empty))),
                string.Join("|", ImportBodies().Select(b => b.GetRawText())),
                string.Join("|", whatIf.Objects<ImportResult>().Select(r => $"{r.Row} {r.Status} {r.Message}"))));
        }

        Assert.Equal(outcomes[0], outcomes[1]);
        Assert.Equal(outcomes[1], outcomes[2]);
        Assert.Contains("2 Invalid Bo", outcomes[0].Results);
        Assert.Contains("1 Skipped Not sent: -WhatIf.", outcomes[0].WhatIf);
    }

    [Fact]
    public void Rows_of_several_shapes_in_one_pipeline_each_bind_their_own_columns()
    {
        Connect();

        var run = Ps.Run(@"
            @(
                [pscustomobject]@{ 'first name' = 'Ann'; 'last name' = 'Lee'; state = 'Ontario'; country = 'Canada'; status = 'active'; 'e-mail' = 'ann@example.com' }
                @{ FirstName = 'Bo'; LastName = 'Ray'; State = 'Ontario'; Country = 'Canada'; Status = 'Prospect'; '105_student_id' = 'S-2' }
                [pscustomobject]@{ FIRST_NAME = 'Cy'; LAST_NAME = 'Fox'; STATE = 'Ontario'; COUNTRY = 'Canada'; STATUS = 'inactive'; EMAIL = 'cy@example.com'; tags = 't1' }
                [pscustomobject]@{ 'first name' = 'Dee'; 'last name' = 'Lu'; state = 'Ontario'; country = 'Canada'; status = 'active'; 'e-mail' = 'dee@example.com' }
            ) | Import-BizstimClient");

        Assert.Empty(run.Errors);
        Assert.Equal(new[] { "Ann Lee ann@example.com", "Bo Ray ", "Cy Fox cy@example.com", "Dee Lu dee@example.com" },
            run.Objects<ImportResult>().Select(r => $"{r.FirstName} {r.LastName} {r.Email}"));
        Assert.Equal(new[] { "active", "prospect", "inactive", "active" }, Sandbox.Clients.Select(c => c.Status));
        var data = ImportBodies().Single();
        var header = data.GetProperty("header").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains("105_student_id", header);
        Assert.Contains("tags", header);
    }

    [Fact]
    public void Get_BizstimClient_output_binds_by_value_with_its_own_property_names()
    {
        Connect();
        Sandbox.SeedClients(2);

        var run = Ps.Run("Get-BizstimClient | Select-Object FirstName, LastName, City, State, Country, Email, @{ n = 'Status'; e = { 'active' } } | Import-BizstimClient");

        Assert.Empty(run.Errors);
        Assert.Equal(4, Sandbox.Clients.Count);
        Assert.Equal(Sandbox.Clients.Take(2).Select(c => c.Email), Sandbox.Clients.Skip(2).Select(c => c.Email));
    }

    public new void Dispose()
    {
        base.Dispose();
        _folder.Dispose();
    }

    private List<JsonElement> ImportBodies() =>
        Sandbox.Requests.Where(r => r.Method == "POST" && r.Path.EndsWith("/api/clients", StringComparison.Ordinal))
            .Select(r => JsonDocument.Parse(r.Body).RootElement.Clone()).ToList();
}
