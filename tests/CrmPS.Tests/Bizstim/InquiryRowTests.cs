using System.Text.Json;
using CrmPS.Bizstim;
using CrmPS.Tests.Infrastructure;

namespace CrmPS.Tests.Bizstim;

/// <summary>Send-BizstimInquiry reads piped web-form rows itself: a missing field or a list is the row's error, -ColumnMap renames.</summary>
public sealed class InquiryRowTests : BizstimTestBase
{
    private static readonly string[] Columns = { "first_name", "last_name", "City", "Province", "Country", "e-mail", "Comments" };

    public InquiryRowTests(BizstimServerFixture server) : base(server)
    {
        Connect();
    }

    [Fact]
    public void A_row_missing_fields_or_holding_a_list_is_its_own_error_naming_each_field_and_the_other_rows_are_sent()
    {
        var good = CsvRows.Make(Columns, "Ann", "Lee", "Milton", "Ontario", "Canada", "ann@example.com", "Evening classes?");
        var list = CsvRows.Make(Columns, new[] { "Bo", "Bob" }, "Ray", "Milton", "Ontario", "Canada", "bo@example.com", "Hi");
        var noCity = CsvRows.Make(new[] { "first_name", "last_name", "e-mail", "Comments" }, "Cy", "Fox", "cy@example.com", "Hi");

        var run = Ps.Run("$rows | Send-BizstimInquiry", ("rows", new[] { good, list, noCity }));

        Assert.Equal(
            new[]
            {
                "Row 2: The inquiry was not sent: FirstName (column 'first_name') is a list of 2 values ('Bo', 'Bob'), not one value: give one.",
                "Row 3: The inquiry was not sent: City is required and is empty. State is required and is empty. Country is required and is empty.",
            },
            run.Errors.Select(e => e.Exception.Message));
        Assert.All(run.Errors, e => Assert.Equal("BizstimInquiryInvalid,CrmPS.Bizstim.SendBizstimInquiryCommand", e.FullyQualifiedErrorId));
        Assert.Same(noCity, run.Errors[1].TargetObject);
        Assert.Single(run.Objects<InquiryResult>());
        Assert.Equal("Ann", JsonDocument.Parse(Sandbox.Requests.Single().Body).RootElement.GetProperty("first_name").GetString());
    }

    [Fact]
    public void ColumnMap_and_a_field_given_as_a_parameter_fill_a_web_forms_own_columns()
    {
        using var folder = new TempFolder("inquiry-columnmap");
        string file = folder.Write("form.csv", "Vorname,Nachname,Stadt,Email,Nachricht,State\nAnn,Lee,Berlin,ann@example.com,Hallo,BE\n");

        var run = Ps.Run(
            "Import-Csv -LiteralPath $file | Send-BizstimInquiry -ColumnMap @{ Vorname = 'FirstName'; Nachname = 'last name'; Stadt = 'City'; Nachricht = 'Message' } -Country Germany",
            ("file", file));

        Assert.Empty(run.Errors);
        Assert.Empty(run.Warnings);
        var body = JsonDocument.Parse(Sandbox.Requests.Single().Body).RootElement;
        Assert.Equal("Lee", body.GetProperty("last_name").GetString());
        Assert.Equal("Berlin", body.GetProperty("city").GetString());
        Assert.Equal("Germany", body.GetProperty("country").GetString());
        Assert.Equal("Hallo", body.GetProperty("message").GetString());
    }

    [Fact]
    public void NotifyStaff_with_NotifyEmail_is_refused_before_anything_is_sent()
    {
        var run = Ps.Run("Send-BizstimInquiry -FirstName Ann -LastName Lee -City Milton -State Ontario -Country Canada -Email ann@example.com -Message Hi -NotifyStaff jsmith -NotifyEmail sales@example.com");

        Assert.Equal("BizstimInquiryRecipientConflict,CrmPS.Bizstim.SendBizstimInquiryCommand", Assert.Single(run.Errors).FullyQualifiedErrorId);
        Assert.Empty(Sandbox.Requests);
    }
}
