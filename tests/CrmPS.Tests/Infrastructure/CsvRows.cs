using System.Management.Automation;

namespace CrmPS.Tests.Infrastructure;

/// <summary>Builds rows shaped as Import-Csv emits them: PSCustomObjects with string properties named as the CSV header.</summary>
internal static class CsvRows
{
    public static string[] HeaderNames(string spelling) => spelling switch
    {
        "labels" => new[] { "first name", "last name", "address 1", "address 2", "city", "state", "zipcode", "country", "primary phone", "secondary phone", "mobile phone", "e-mail", "DOB", "status", "start date", "notes" },
        "api" => new[] { "first_name", "last_name", "address1", "address2", "city", "state", "zipcode", "country", "p_phone", "s_phone", "text_phone", "email", "dob", "status", "start_date", "notes" },
        "powershell" => new[] { "FirstName", "LastName", "Address1", "Address2", "City", "State", "ZipCode", "Country", "PrimaryPhone", "SecondaryPhone", "MobilePhone", "Email", "DateOfBirth", "Status", "StartDate", "Notes" },
        _ => throw new ArgumentOutOfRangeException(nameof(spelling)),
    };

    public static string[] Values(string first, string last, string status = "active", string dob = "1980-01-02", string state = "Ontario", string country = "Canada") =>
        new[] { first, last, "1 Main St.", "", "Milton", state, "L7D 5S2", country, "905-555-0100", "", "", $"{first.ToLowerInvariant()}@example.com", dob, status, "2023-05-14", "" };

    public static PSObject Make(string[] names, params object[] values)
    {
        var row = new PSObject();
        for (int i = 0; i < names.Length; i++)
        {
            row.Properties.Add(new PSNoteProperty(names[i], values[i]));
        }

        return row;
    }

    /// <summary>Valid rows with the vendor's header labels: Ann1 Lee1 ... AnnN LeeN.</summary>
    public static PSObject[] Documented(int count) =>
        Enumerable.Range(1, count).Select(i => Make(HeaderNames("labels"),
            $"Ann{i}", $"Lee{i}", $"{i} Main St.", $"Apt {i}", "Milton", "Ontario", "L7D 5S2", "Canada",
            $"(905) 454-646{i % 10}", "", "", $"ann{i}@example.com", "1980-01-02", "Prospect", "2023-05-14", "")).ToArray();
}
