using System.Management.Automation;
using System.Reflection;
using CrmPS.Bizstim;

namespace CrmPS.Benchmarks;

/// <summary>
/// The parameters of Import-BizstimClient that bind from the pipeline, declared exactly as there
/// (names, aliases, types), with a ProcessRecord that does nothing: piping rows into it measures
/// what the engine's parameter binder costs per row, which no code of the module can avoid.
/// <see cref="CheckSameAs"/> refuses to run if the declarations drifted from the real cmdlet.
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "BindOnly")]
public sealed class TestBindOnlyCommand : PSCmdlet
{
    [Parameter(ValueFromPipelineByPropertyName = true)][Alias("first name", "first_name", "GivenName")] public string FirstName { get; set; }
    [Parameter(ValueFromPipelineByPropertyName = true)][Alias("last name", "last_name", "Surname")] public string LastName { get; set; }
    [Parameter(ValueFromPipelineByPropertyName = true)][Alias("address 1", "Street")] public string Address1 { get; set; }
    [Parameter(ValueFromPipelineByPropertyName = true)][Alias("address 2")] public string Address2 { get; set; }
    [Parameter(ValueFromPipelineByPropertyName = true)] public string City { get; set; }
    [Parameter(ValueFromPipelineByPropertyName = true)][Alias("Province")] public string State { get; set; }
    [Parameter(ValueFromPipelineByPropertyName = true)][Alias("zip", "zip code", "postal code", "PostalCode")] public string ZipCode { get; set; }
    [Parameter(ValueFromPipelineByPropertyName = true)] public string Country { get; set; }
    [Parameter(ValueFromPipelineByPropertyName = true)][Alias("primary phone", "p_phone", "Phone")] public string PrimaryPhone { get; set; }
    [Parameter(ValueFromPipelineByPropertyName = true)][Alias("secondary phone", "s_phone")] public string SecondaryPhone { get; set; }
    [Parameter(ValueFromPipelineByPropertyName = true)][Alias("mobile phone", "text_phone", "Mobile")] public string MobilePhone { get; set; }
    [Parameter(ValueFromPipelineByPropertyName = true)][Alias("e-mail", "EmailAddress")] public string Email { get; set; }
    [Parameter(ValueFromPipelineByPropertyName = true)][Alias("DOB", "date of birth", "BirthDate")] public object DateOfBirth { get; set; }
    [Parameter(ValueFromPipelineByPropertyName = true)] public string Status { get; set; }
    [Parameter(ValueFromPipelineByPropertyName = true)][Alias("start date", "start_date")] public object StartDate { get; set; }
    [Parameter(ValueFromPipelineByPropertyName = true)][Alias("Note")] public string Notes { get; set; }
    [Parameter(ValueFromPipeline = true, DontShow = true)] public PSObject InputObject { get; set; }

    /// <summary>Throws unless every pipeline-bound parameter of Import-BizstimClient is declared here the same way.</summary>
    public static void CheckSameAs()
    {
        static string Describe(PropertyInfo p)
        {
            var parameter = p.GetCustomAttributes<ParameterAttribute>().SingleOrDefault();
            if (parameter == null || !(parameter.ValueFromPipeline || parameter.ValueFromPipelineByPropertyName))
            {
                return null;
            }

            var aliases = p.GetCustomAttributes<AliasAttribute>().SelectMany(a => a.AliasNames).OrderBy(a => a, StringComparer.Ordinal);
            return $"{p.Name}:{p.PropertyType.Name}:{parameter.ValueFromPipeline}:{parameter.ValueFromPipelineByPropertyName}:{string.Join("|", aliases)}";
        }

        var real = typeof(ImportBizstimClientCommand).GetProperties().Select(Describe).Where(d => d != null).OrderBy(d => d, StringComparer.Ordinal);
        var mine = typeof(TestBindOnlyCommand).GetProperties().Select(Describe).Where(d => d != null).OrderBy(d => d, StringComparer.Ordinal);
        if (!real.SequenceEqual(mine))
        {
            throw new InvalidOperationException("Test-BindOnly no longer declares the pipeline parameters of Import-BizstimClient: update BindOnly.cs.");
        }
    }
}
