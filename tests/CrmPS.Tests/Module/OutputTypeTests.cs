#nullable enable

using System.Management.Automation;
using System.Reflection;
using CrmPS.Tests.Infrastructure;

namespace CrmPS.Tests.Module;

/// <summary>
/// [OutputType] tells the truth: each cmdlet, run against the sandbox in each parameter set, emits
/// only objects of the types it declares for that set (by their first type name, which is what
/// views and Get-Member go by).
/// </summary>
public sealed class OutputTypeTests : IClassFixture<ModuleSession>
{
    /// <summary>One sandbox call per cmdlet and parameter set. A new cmdlet needs its rows here.</summary>
    private static readonly (string Cmdlet, string Set, string Script)[] Calls =
    {
        ("Connect-Bizstim", "Sandbox", "Connect-Bizstim -Sandbox -PassThru"),
        ("Connect-Bizstim", "ApiKey", "Connect-Bizstim -ApiKey 'output-type-test-key' -PassThru"),
        ("Get-BizstimClient", "All", "Get-BizstimClient -First 3"),
        ("Get-BizstimClient", "Id", "Get-BizstimClient -Id (Get-BizstimClient -First 2).Id"),
        ("Get-BizstimClient", "Email", "Get-BizstimClient -Email (Get-BizstimClient -First 1).Email"),
        ("Get-BizstimClient", "Username", "Get-BizstimClient -Username (Get-BizstimClient -Id (Get-BizstimClient -First 1).Id).Username"),
        ("Get-BizstimClient", "Name", "$c = Get-BizstimClient -First 1; Get-BizstimClient -FirstName $c.FirstName -LastName $c.LastName"),
        ("Import-BizstimClient", "Fields", "Import-BizstimClient -FirstName Ada -LastName Lovelace -State London -Country UK -Status active -Confirm:$false"),
        ("Import-BizstimClient", "InputObject", "[pscustomobject]@{ FirstName = 'Ada'; LastName = 'Lovelace'; State = 'London'; Country = 'UK'; Status = 'active' } | Import-BizstimClient -Confirm:$false"),
        ("Import-BizstimClient", "Path", "Import-BizstimClient -Path (Join-Path $validCsvFolder 'valid*.csv') -BatchSize 2 -WhatIf"),
        ("Import-BizstimClient", "LiteralPath", "Import-BizstimClient -LiteralPath (Join-Path $validCsvFolder 'valid.csv') -WhatIf"),
        ("Send-BizstimInquiry", "Fields", "Send-BizstimInquiry -FirstName Ada -LastName Lovelace -City London -State London -Country UK -Email ada@example.com -Message Hello -NotifyStaff jsmith -Confirm:$false"),
        ("Send-BizstimInquiry", "InputObject", "[pscustomobject]@{ FirstName = 'Ada'; LastName = 'Lovelace'; City = 'London'; State = 'London'; Country = 'UK'; Email = 'ada@example.com'; Message = 'Hello' } | Send-BizstimInquiry -NotifyEmail sales@example.com -Confirm:$false"),
        ("Get-BizstimSession", "All", "Get-BizstimSession -First 3"),
        ("Get-BizstimSession", "Id", "Get-BizstimSession -Id 1135, 1136"),
        ("Get-BizstimTestimonial", "__AllParameterSets", "Get-BizstimTestimonial"),
        ("Get-BizstimOnDemandLink", "__AllParameterSets", "Get-BizstimOnDemandLink -StudentId 9054554671B"),
        ("Connect-Cdb", "Sandbox", "Connect-Cdb -Sandbox -PassThru"),
        ("Connect-Cdb", "ApiKey", "Connect-Cdb -ApiKey 'output-type-test-key' -PassThru"),
        ("New-CdbCustomer", "Fields", "Connect-Cdb -Sandbox; New-CdbCustomer -Forename Ada -Surname Lovelace -Email ada@example.com"),
        ("New-CdbCustomer", "InputObject", "Connect-Cdb -Sandbox; [pscustomobject]@{ 'first name' = 'Ada'; 'last name' = 'Lovelace'; 'e-mail' = 'ada@example.com' } | New-CdbCustomer"),
        ("New-CdbPipeline", "__AllParameterSets", "Connect-Cdb -Sandbox; New-CdbCustomer -Forename Ada -Surname Lovelace -Email ada@example.com | New-CdbPipeline -Reference R1 -PipelineTypeId 1"),
        ("New-CdbNote", "Customer", "Connect-Cdb -Sandbox; New-CdbCustomer -Forename Ada -Surname Lovelace -Email ada@example.com | New-CdbNote -Text Hello"),
        ("New-CdbNote", "Pipeline", "Connect-Cdb -Sandbox; New-CdbCustomer -Forename Ada -Surname Lovelace -Email ada@example.com | New-CdbPipeline -Reference R1 -PipelineTypeId 1 | New-CdbNote -Text Hello"),
        ("New-CdbEvent", "__AllParameterSets", "Connect-Cdb -Sandbox; New-CdbCustomer -Forename Ada -Surname Lovelace -Email ada@example.com | New-CdbEvent -Name Call -Start '2026-03-02 09:00' -End '2026-03-02 10:00'"),
        ("New-CdbTask", "Customer", "Connect-Cdb -Sandbox; New-CdbCustomer -Forename Ada -Surname Lovelace -Email ada@example.com | New-CdbTask -Name Call -DueDate 2026-03-02"),
        ("New-CdbTask", "Pipeline", "Connect-Cdb -Sandbox; New-CdbCustomer -Forename Ada -Surname Lovelace -Email ada@example.com | New-CdbPipeline -Reference R1 -PipelineTypeId 1 | New-CdbTask -Name Call -DueDate 2026-03-02"),
        ("Connect-Botw", "Sandbox", "Connect-Botw -Sandbox -ListingId 123 -PassThru"),
        ("Connect-Botw", "ApiKey", "Connect-Botw -ApiKey 'output-type-test-key' -ListingId 123 -PassThru"),
        ("Get-BotwContact", "__AllParameterSets", "Connect-Botw -Sandbox -ListingId 123; Get-BotwContact -Name Doe"),
        ("New-BotwContact", "__AllParameterSets", "Connect-Botw -Sandbox -ListingId 123; New-BotwContact -Email ada.new@example.com; New-BotwContact -Email ada.passthru@example.com -PassThru"),
        ("Set-BotwContact", "__AllParameterSets", "Connect-Botw -Sandbox -ListingId 123; Set-BotwContact -Email ada.set@example.com -FirstName Ada; Set-BotwContact -Email ada.set@example.com -LastName Lovelace -PassThru"),
        ("Remove-BotwContact", "Id", "Connect-Botw -Sandbox -ListingId 123; New-BotwContact -Email ada.id@example.com -PassThru | Remove-BotwContact -Confirm:$false -PassThru"),
        ("Remove-BotwContact", "Email", "Connect-Botw -Sandbox -ListingId 123; New-BotwContact -Email ada.email@example.com | Out-Null; Remove-BotwContact -Email ada.email@example.com -Confirm:$false -PassThru"),
        ("Remove-BotwContact", "Phone", "Connect-Botw -Sandbox -ListingId 123; New-BotwContact -Phone 15557770123 | Out-Null; Remove-BotwContact -Phone 15557770123 -Confirm:$false -PassThru"),
    };

    private readonly ModuleSession _session;

    /// <summary>A folder holding valid.csv: three rows that pass validation, for the -Path and -LiteralPath calls.</summary>
    private static readonly string ValidCsvFolder = WriteValidCsv();

    private static string WriteValidCsv()
    {
        string folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "crmps-outputtype-" + Environment.ProcessId)).FullName;
        File.WriteAllLines(Path.Combine(folder, "valid.csv"), new[]
        {
            "first name,last name,state,country,status,e-mail",
            "Ada,Lovelace,London,UK,active,ada@example.com",
            "Alan,Turing,London,UK,active,alan@example.com",
            "Grace,Hopper,New York,USA,prospect,grace@example.com",
        });
        return folder;
    }

    public OutputTypeTests(ModuleSession session)
    {
        _session = session;
        var run = _session.Ps.Run("$validCsvFolder = $folder; Connect-Bizstim -Sandbox; if (@(Get-BizstimClient -First 1).Count -eq 0) { Import-Csv -Path $csv | Import-BizstimClient | Out-Null }", ("csv", Path.Combine(ModuleAssemblyResolver.RepoRoot, "examples", "clients.csv")), ("folder", ValidCsvFolder));
        Assert.DoesNotContain(run.Errors, e => !e.FullyQualifiedErrorId.StartsWith("BizstimClientRowInvalid", StringComparison.Ordinal));
    }

    public static IEnumerable<object[]> Rows() => Calls.Select(c => new object[] { c.Cmdlet, c.Set, c.Script });

    [Fact]
    public void Every_parameter_set_of_every_exported_cmdlet_is_exercised_here()
    {
        var missing = ModuleCatalog.ExportedCmdlets()
            .SelectMany(c => _session.Cmdlet(c).ParameterSets.Select(s => (Cmdlet: c, Set: s.Name)))
            .Where(p => !Calls.Any(c => c.Cmdlet == p.Cmdlet && c.Set == p.Set))
            .Select(p => $"{p.Cmdlet} ({p.Set})")
            .ToList();

        Assert.True(missing.Count == 0, "Add a sandbox call to OutputTypeTests.Calls for: " + string.Join(", ", missing));
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void The_objects_a_cmdlet_emits_are_of_the_types_its_OutputType_declares(string cmdlet, string set, string script)
    {
        CmdletInfo info = _session.Cmdlet(cmdlet);
        var declared = info.ImplementingType.GetCustomAttributes<OutputTypeAttribute>()
            .Where(a => a.ParameterSetName.Contains(set) || a.ParameterSetName.Contains("__AllParameterSets"))
            .SelectMany(a => a.Type)
            .Select(t => t.Name)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

        var run = _session.Ps.Run("Connect-Bizstim -Sandbox; " + script);

        Assert.Empty(run.Errors);
        Assert.NotEmpty(run.Output);
        Assert.NotEmpty(declared);
        foreach (PSObject output in run.Output)
        {
            Assert.True(declared.Contains(output.TypeNames[0]), $"{cmdlet} ({set}) emitted {output.TypeNames[0]}; it declares {string.Join(", ", declared)}");
        }
    }
}
