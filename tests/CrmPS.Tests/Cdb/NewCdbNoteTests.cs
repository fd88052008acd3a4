using System.Management.Automation;
using CrmPS.Cdb;
using CrmPS.Tests.Infrastructure;

namespace CrmPS.Tests.Cdb;

public sealed class NewCdbNoteTests : CdbTestBase
{
    public NewCdbNoteTests(CdbServerFixture server) : base(server)
    {
    }

    [Fact]
    public void CustomerId_posts_a_customer_note()
    {
        int customer = ExistingCustomer();

        var run = Ps.Run($"New-CdbNote -CustomerId {customer} -Text 'Customer enquiry from marketing website.'");

        Assert.Empty(run.Errors);
        var note = Assert.Single(run.Objects<Note>());
        Assert.Equal(431, note.NoteId);
        Assert.Equal(customer, note.CustomerId);
        Assert.Null(note.PipelineId);
        var request = Sandbox.Requests.Single();
        Assert.Equal("/api/customer/note/add", request.Path);
        Assert.Equal(new[] { $"customerid={customer}", "note=Customer enquiry from marketing website." }, request.Form.Fields.Select(f => $"{f.Key}={f.Value}"));
    }

    [Fact]
    public void PipelineId_posts_a_pipeline_note_sending_pipelineid_and_pipeline_with_the_same_value()
    {
        var run = Ps.Run($"$p = New-CdbPipeline -CustomerId {ExistingCustomer()} -Reference R -PipelineTypeId 1; New-CdbNote -PipelineId $p.PipelineId -Text 'Enquiry for product XYZ.'");

        Assert.Empty(run.Errors);
        var request = Sandbox.Requests.Last();
        Assert.Equal("/api/pipeline/note/add", request.Path);
        Assert.Equal(new[] { "pipelineid=1337", "pipeline=1337", "note=Enquiry for product XYZ." }, request.Form.Fields.Select(f => $"{f.Key}={f.Value}"));
        Assert.Equal(1337, Assert.Single(Sandbox.Notes).PipelineId);
    }

    [Fact]
    public void A_piped_customer_gets_the_note_and_a_piped_pipeline_gets_its_own_note_not_its_customers()
    {
        var run = Ps.Run(@"
            $c = New-CdbCustomer -Forename Ann -Surname Lee -Email ann@example.com
            $c | New-CdbNote -Text 'on the customer'
            $c | New-CdbPipeline -Reference R -PipelineTypeId 1 | New-CdbNote -Text 'on the pipeline'");

        Assert.Empty(run.Errors);
        var notes = Sandbox.Notes;
        Assert.Equal((10428, (int?)null), (notes[0].CustomerId!.Value, notes[0].PipelineId));
        Assert.Equal(((int?)null, (int?)1337), (notes[1].CustomerId, notes[1].PipelineId));
        Assert.Equal(new[] { "/api/customer/add", "/api/customer/note/add", "/api/pipeline/add", "/api/pipeline/note/add" }, Sandbox.Requests.Select(r => r.Path));
    }

    [Fact]
    public void A_mixed_stream_of_customers_and_pipelines_puts_each_note_on_its_own_parent()
    {
        int customer = ExistingCustomer();

        var run = Ps.Run($@"
            $p = New-CdbPipeline -CustomerId {customer} -Reference R -PipelineTypeId 1
            $other = New-CdbCustomer -Forename Bo -Surname Ray -Email bo@example.com
            $p, $other, $p | New-CdbNote -Text T");

        Assert.Empty(run.Errors);
        Assert.Equal(new int?[] { null, 10429, null }, Sandbox.Notes.Select(n => n.CustomerId));
        Assert.Equal(new int?[] { 1337, null, 1337 }, Sandbox.Notes.Select(n => n.PipelineId));
    }

    [Fact]
    public void Import_Csv_leads_to_customers_each_with_its_note()
    {
        string csv = Path.Combine(Path.GetTempPath(), $"crmps-leads-{Guid.NewGuid():N}.csv");
        File.WriteAllText(csv, "first name,last name,e-mail,phone\nAnn,Lee,ann@example.com,01271 444555\nBo,Ray,\"bo@example.com; bo.ray@example.org\",\nCy,Fox,cy@example.com,07700 900123\n");
        try
        {
            var run = Ps.Run("Import-Csv $csv | New-CdbCustomer | New-CdbNote -Text 'Imported from the web form'", ("csv", csv));

            Assert.Empty(run.Errors);
            var customers = Sandbox.Customers;
            Assert.Equal(new[] { "Ann", "Bo", "Cy" }, customers.Select(c => c.Forename));
            Assert.Equal(new[] { "bo@example.com", "bo.ray@example.org" }, customers[1].Emails);
            Assert.Equal(customers.Select(c => (int?)c.Id), Sandbox.Notes.Select(n => n.CustomerId));
            Assert.All(Sandbox.Notes, n => Assert.Equal("Imported from the web form", n.Text));
            Assert.Equal(3, run.Objects<Note>().Count());
        }
        finally
        {
            File.Delete(csv);
        }
    }

    [Fact]
    public void The_two_parameter_sets_resolve_from_the_command_line_and_Pipeline_is_the_default()
    {
        var run = Ps.Run("(Get-Command New-CdbNote).ParameterSets | ForEach-Object { '{0}:{1}' -f $_.Name, $_.IsDefault }; New-CdbNote -CustomerId 5 -PipelineId 6 -Text x");

        Assert.Equal(new[] { "Customer:False", "Pipeline:True" }, run.Output.Select(o => o.ToString()).Order());
        Assert.Equal("AmbiguousParameterSet", Assert.Single(run.Errors).FullyQualifiedErrorId.Split(',')[0]);
        Assert.Empty(Sandbox.Requests);
    }

    [Fact]
    public void Empty_text_is_refused_before_sending_and_the_next_input_goes()
    {
        int customer = ExistingCustomer();
        var rows = new[]
        {
            CsvRows.Make(new[] { "CustomerId", "Note" }, customer.ToString(), ""),
            CsvRows.Make(new[] { "CustomerId", "Note" }, customer.ToString(), "Second"),
        };

        var run = Ps.Run("$rows | New-CdbNote", ("rows", rows));

        var error = Assert.Single(run.Errors);
        Assert.Equal("CdbNoteInvalid", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Contains("Text is required", error.ToString());
        Assert.Same(rows[0].BaseObject, ((PSObject)error.TargetObject).BaseObject);
        Assert.Equal("Second", Assert.Single(Sandbox.Notes).Text);
    }

    [Fact]
    public void WhatIf_sends_nothing()
    {
        var run = Ps.Run("New-CdbNote -CustomerId 1 -Text x -WhatIf; New-CdbNote -PipelineId 1 -Text x -WhatIf");

        Assert.Empty(run.Errors);
        Assert.Empty(Sandbox.Requests);
    }
}
