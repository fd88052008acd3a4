using System.Management.Automation;
using CrmPS.Cdb;
using CrmPS.Tests.Infrastructure;

namespace CrmPS.Tests.Cdb;

public sealed class NewCdbCustomerTests : CdbTestBase
{
    private const string Colour = "f-4bc9a801-f63d-4b9c-b527-a0cbe902828b";
    private const string Age = "f-7515a3ca-b5ef-4f74-9c30-621f502886de";

    public NewCdbCustomerTests(CdbServerFixture server) : base(server)
    {
    }

    [Fact]
    public void The_documented_request_is_sent_as_multipart_with_surname_spelled_right_and_the_new_id_comes_back()
    {
        var run = Ps.Run($"New-CdbCustomer -Forename Richard -Surname Hendricks -Email richard@example.com, rh@example.com -Phone 01271444555 -CustomField ([ordered]@{{ '{Colour}' = 'Blue'; '{Age}' = 43 }})");

        Assert.Empty(run.Errors);
        var customer = Assert.Single(run.Objects<Customer>());
        Assert.Equal(10428, customer.CustomerId);
        Assert.Equal(new[] { "richard@example.com", "rh@example.com" }, customer.Email);
        Assert.Equal("Blue", customer.CustomFields[Colour]);
        var request = Sandbox.Requests.Single();
        Assert.Equal("POST", request.Method);
        Assert.Equal("/api/customer/add", request.Path);
        Assert.StartsWith("multipart/form-data; boundary=", request.ContentType);
        Assert.Null(request.Form.Error);
        Assert.Equal(
            new[] { "forename=Richard", "surname=Hendricks", "email[0]=richard@example.com", "email[1]=rh@example.com", "phone[0]=01271444555", $"keys[0]={Colour}", "values[0]=Blue", $"keys[1]={Age}", "values[1]=43" },
            request.Form.Fields.Select(f => $"{f.Key}={f.Value}"));
        Assert.DoesNotContain("surame", request.Form.Names);
        Assert.Equal("Hendricks", Sandbox.Customers.Single().Surname);
    }

    [Fact]
    public void Web_form_rows_bind_by_their_own_column_names_and_cells_with_several_values_are_split()
    {
        var labels = CsvRows.Make(new[] { "first name", "last name", "e-mail", "phone", Colour },
            "Ann", "Lee", "ann@example.com; ann.lee@example.org", "01271 444555, 07700 900123", "Green");
        var powershell = CsvRows.Make(new[] { "FirstName", "LastName", "EmailAddress", "Mobile" }, "Bo", "Ray", "bo@example.com,", "");
        var api = CsvRows.Make(new[] { "first_name", "last_name", "Email" }, "Cy", "Fox", "cy@example.com");

        var run = Ps.Run("$rows | New-CdbCustomer", ("rows", new[] { labels, powershell, api }));

        Assert.Empty(run.Errors);
        Assert.Equal(new[] { "Ann", "Bo", "Cy" }, run.Objects<Customer>().Select(c => c.Forename));
        var forms = Sandbox.Requests.Select(r => r.Form).ToList();
        Assert.Equal("ann@example.com", forms[0].Value("email[0]"));
        Assert.Equal("ann.lee@example.org", forms[0].Value("email[1]"));
        Assert.Equal("01271 444555", forms[0].Value("phone[0]"));
        Assert.Equal("07700 900123", forms[0].Value("phone[1]"));
        Assert.Equal(Colour, forms[0].Value("keys[0]"));
        Assert.Equal("Green", forms[0].Value("values[0]"));
        Assert.Equal(new[] { "forename", "surname", "email[0]" }, forms[1].Names);
        Assert.Equal("Fox", forms[2].Value("surname"));
    }

    [Fact]
    public void CustomField_wins_over_a_column_of_the_same_id_and_empty_cells_are_not_sent()
    {
        var row = CsvRows.Make(new[] { "FirstName", "LastName", "Email", Colour, Age }, "Ann", "Lee", "ann@example.com", "Green", "");

        var run = Ps.Run($"$row | New-CdbCustomer -CustomField @{{ '{Colour.ToUpperInvariant()}' = 'Blue' }}", ("row", row));

        Assert.Empty(run.Errors);
        var form = Sandbox.Requests.Single().Form;
        Assert.Equal(new[] { "keys[0]", "values[0]" }, form.Names.Where(n => n.StartsWith("keys", StringComparison.Ordinal) || n.StartsWith("values", StringComparison.Ordinal)));
        Assert.Equal("Blue", form.Value("values[0]"));
    }

    [Fact]
    public void A_CustomField_key_that_is_not_a_field_id_stops_the_command_before_anything_is_sent()
    {
        var run = Ps.Run("New-CdbCustomer -Forename A -Surname B -Email a@example.com -CustomField @{ 'Favourite colour' = 'Blue' }");

        var error = Assert.Single(run.Errors);
        Assert.Equal("CdbCustomFieldInvalid", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Contains("'Favourite colour'", error.ToString());
        Assert.Empty(Sandbox.Requests);
    }

    [Fact]
    public void A_bad_row_is_an_error_naming_the_field_with_the_row_as_target_and_the_good_rows_still_go()
    {
        var good = CsvRows.Make(new[] { "first name", "last name", "e-mail" }, "Ann", "Lee", "ann@example.com");
        var bad = CsvRows.Make(new[] { "first name", "last name", "e-mail" }, "Bob", "", "bob-at-example.com");
        var last = CsvRows.Make(new[] { "first name", "last name", "e-mail" }, "Cy", "Fox", "cy@example.com");

        var run = Ps.Run("$rows | New-CdbCustomer", ("rows", new[] { good, bad, last }));

        Assert.Equal(new[] { "Ann", "Cy" }, run.Objects<Customer>().Select(c => c.Forename));
        var error = Assert.Single(run.Errors);
        Assert.Equal("CdbCustomerInvalid", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(ErrorCategory.InvalidData, error.CategoryInfo.Category);
        Assert.Contains("Surname is required", error.ToString());
        Assert.Contains("Email 'bob-at-example.com' is not an e-mail address", error.ToString());
        Assert.Same(bad.BaseObject, ((PSObject)error.TargetObject).BaseObject);
        Assert.Equal(2, Sandbox.Requests.Count);
    }

    [Fact]
    public void A_result_false_reply_is_a_non_terminating_error_with_the_server_message_and_the_row_and_the_next_row_goes()
    {
        Scripted.FailNext("POST", 200, "application/json", "{\"message\":\"A customer with this email already exists\",\"result\":false}");
        var first = CsvRows.Make(new[] { "FirstName", "LastName", "Email" }, "Ann", "Lee", "ann@example.com");
        var second = CsvRows.Make(new[] { "FirstName", "LastName", "Email" }, "Bo", "Ray", "bo@example.com");

        var run = Ps.Run("$rows | New-CdbCustomer", ("rows", new[] { first, second }));

        var error = Assert.Single(run.Errors);
        Assert.Equal("CdbRequestRejected", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(ErrorCategory.InvalidData, error.CategoryInfo.Category);
        Assert.Contains("did not create the customer: A customer with this email already exists", error.ToString());
        Assert.Same(first.BaseObject, ((PSObject)error.TargetObject).BaseObject);
        Assert.Equal("Bo", Assert.Single(run.Objects<Customer>()).Forename);
    }

    [Fact]
    public void WhatIf_sends_nothing()
    {
        var run = Ps.Run("New-CdbCustomer -Forename A -Surname B -Email a@example.com -WhatIf");

        Assert.Empty(run.Errors);
        Assert.Empty(run.Output);
        Assert.Empty(Sandbox.Requests);
    }
}
