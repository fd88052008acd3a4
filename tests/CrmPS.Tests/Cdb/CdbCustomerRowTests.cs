using System.Collections;
using CrmPS.Cdb;
using CrmPS.Tests.Infrastructure;

namespace CrmPS.Tests.Cdb;

/// <summary>
/// New-CdbCustomer reads piped rows itself: -ColumnMap, a list where one value belongs, a missing
/// required column and hashtables are each the row's own outcome, and the other rows still go.
/// </summary>
public sealed class CdbCustomerRowTests : CdbTestBase
{
    private const string Colour = "f-4bc9a801-f63d-4b9c-b527-a0cbe902828b";

    public CdbCustomerRowTests(CdbServerFixture server) : base(server)
    {
    }

    [Fact]
    public void ColumnMap_reads_a_csv_files_own_headers_as_the_fields_and_a_custom_field()
    {
        using var folder = new TempFolder("cdb-columnmap");
        string file = folder.Write("signups.csv", "Given,Family,E-mail Address,Colour\r\nAnn,Lee,ann@example.com,Blue\r\nBo,Ray,bo@example.com,Red\r\n");

        var run = Ps.Run(
            $"Import-Csv -LiteralPath $file | New-CdbCustomer -ColumnMap @{{ Given = 'Forename'; Family = 'last name'; 'E-mail Address' = 'Email'; Colour = '{Colour}' }}",
            ("file", file));

        Assert.Empty(run.Errors);
        Assert.Empty(run.Warnings);
        Assert.Equal(new[] { "Ann Lee", "Bo Ray" }, run.Objects<Customer>().Select(c => $"{c.Forename} {c.Surname}"));
        Assert.Equal(
            new[] { "forename=Ann", "surname=Lee", "email[0]=ann@example.com", $"keys[0]={Colour}", "values[0]=Blue" },
            Sandbox.Requests[0].Form.Fields.Select(f => $"{f.Key}={f.Value}"));
    }

    [Fact]
    public void A_mapped_column_wins_over_one_with_the_fields_name_and_no_longer_fills_its_own_field()
    {
        var row = CsvRows.Make(new[] { "FirstName", "Preferred", "LastName", "Email" }, "Annabel", "Ann", "Lee", "ann@example.com");

        var run = Ps.Run("$row | New-CdbCustomer -ColumnMap @{ Preferred = 'Forename'; LastName = 'Forename' }", ("row", row));

        var error = Assert.Single(run.Errors);
        Assert.Equal("Row 1: The customer was not sent: Surname is required and is empty.", error.Exception.Message);
        Assert.Empty(Sandbox.Requests);
        Assert.Contains("'FirstName'", Assert.Single(run.Warnings));
    }

    [Fact]
    public void A_list_in_a_one_value_field_and_a_missing_column_are_the_rows_errors_and_the_other_rows_are_sent()
    {
        var names = new[] { "first name", "last name", "e-mail" };
        var list = CsvRows.Make(names, new[] { "Ann", "Anne" }, "Lee", "ann@example.com");
        var good = CsvRows.Make(names, "Bo", "Ray", "bo@example.com");
        var noSurname = CsvRows.Make(new[] { "first name", "e-mail" }, "Cy", "cy@example.com");

        var run = Ps.Run("$rows | New-CdbCustomer", ("rows", new[] { list, good, noSurname }));

        Assert.Equal(
            new[]
            {
                "Row 1: The customer was not sent: Forename (column 'first name') is a list of 2 values ('Ann', 'Anne'), not one value: give one.",
                "Row 3: The customer was not sent: Surname is required and is empty.",
            },
            run.Errors.Select(e => e.Exception.Message));
        Assert.All(run.Errors, e => Assert.Equal("CdbCustomerInvalid,CrmPS.Cdb.NewCdbCustomerCommand", e.FullyQualifiedErrorId));
        Assert.Same(list, run.Errors[0].TargetObject);
        Assert.Equal("Bo", Assert.Single(run.Objects<Customer>()).Forename);
        Assert.Single(Sandbox.Requests);
    }

    [Fact]
    public void Hashtables_and_any_header_case_bind_and_a_field_given_as_a_parameter_serves_every_row()
    {
        var rows = new object[]
        {
            new Hashtable { ["FIRST NAME"] = "Ann", ["Email"] = "ann@example.com" },
            new Hashtable { ["forename"] = "Bo", ["E-MAIL"] = "bo@example.com" },
        };

        var run = Ps.Run("$rows | New-CdbCustomer -Surname Lee", ("rows", rows));

        Assert.Empty(run.Errors);
        Assert.Equal(new[] { "Ann Lee", "Bo Lee" }, run.Objects<Customer>().Select(c => $"{c.Forename} {c.Surname}"));
    }

    [Fact]
    public void A_ColumnMap_target_that_is_no_field_stops_before_anything_is_sent()
    {
        var row = CsvRows.Make(new[] { "first name", "last name", "e-mail", "Birthday" }, "Ann", "Lee", "ann@example.com", "2010-05-04");

        var run = Ps.Run("$row | New-CdbCustomer -ColumnMap @{ Birthday = 'DateOfBirth' }", ("row", row));

        var error = Assert.Single(run.Errors);
        Assert.Equal("CdbColumnMapInvalid,CrmPS.Cdb.NewCdbCustomerCommand", error.FullyQualifiedErrorId);
        Assert.Equal("-ColumnMap maps 'Birthday' to 'DateOfBirth', which is not a field New-CdbCustomer takes: use a field name (Forename, Surname, Email, Phone), or a custom-field id (f-<guid>).", error.Exception.Message);
        Assert.Empty(Sandbox.Requests);
    }

    [Fact]
    public void A_customer_from_the_parameters_alone_still_needs_the_three_fields()
    {
        var run = Ps.Run("(Get-Command New-CdbCustomer).Parameters['Forename'].ParameterSets['Fields'].IsMandatory; New-CdbCustomer -Forename Ann -Surname Lee -Email ann@example.com");

        Assert.Empty(run.Errors);
        Assert.True((bool)run.Output[0].BaseObject);
        Assert.Equal("Ann", Assert.Single(run.Objects<Customer>()).Forename);
    }
}
