using CrmPS.Cdb;
using CrmPS.Tests.Infrastructure;

namespace CrmPS.Tests.Cdb;

public sealed class NewCdbPipelineTests : CdbTestBase
{
    private const string Comment = "f-e0c124cb-b838-4f39-a078-4ef489995b6f";

    // The vendor's own example id, which is not hexadecimal.
    private const string Budget = "f-c25257rd-a542-6f36-n072-1fa585935b6f";

    public NewCdbPipelineTests(CdbServerFixture server) : base(server)
    {
    }

    [Fact]
    public void Every_documented_field_is_sent_and_the_pipeline_comes_back_with_its_id_and_customer()
    {
        int customer = ExistingCustomer();

        var run = Ps.Run($"New-CdbPipeline -CustomerId {customer} -Reference abc123 -PipelineTypeId 1 -StageId 2 -UserId 7 -CustomField ([ordered]@{{ '{Comment}' = 'Comment from website'; '{Budget}' = 1400 }})");

        Assert.Empty(run.Errors);
        var pipeline = Assert.Single(run.Objects<Pipeline>());
        Assert.Equal(1337, pipeline.PipelineId);
        Assert.Equal(customer, pipeline.CustomerId);
        var request = Sandbox.Requests.Single();
        Assert.Equal("/api/pipeline/add", request.Path);
        Assert.Equal(
            new[] { $"customerid={customer}", "reference=abc123", "pipelinetypeid=1", "stageid=2", "userid=7", $"keys[0]={Comment}", "values[0]=Comment from website", $"keys[1]={Budget}", "values[1]=1400" },
            request.Form.Fields.Select(f => $"{f.Key}={f.Value}"));
    }

    [Fact]
    public void Stage_and_user_are_left_out_when_not_given()
    {
        int customer = ExistingCustomer();

        var run = Ps.Run($"New-CdbPipeline -CustomerId {customer} -Reference abc123 -PipelineTypeId 3");

        Assert.Empty(run.Errors);
        Assert.Equal(new[] { "customerid", "reference", "pipelinetypeid" }, Sandbox.Requests.Single().Form.Names);
        Assert.Null(Assert.Single(run.Objects<Pipeline>()).StageId);
    }

    [Fact]
    public void A_new_customer_piped_in_gets_the_pipeline()
    {
        var run = Ps.Run("New-CdbCustomer -Forename Ann -Surname Lee -Email ann@example.com | New-CdbPipeline -Reference R -PipelineTypeId 1");

        Assert.Empty(run.Errors);
        var customer = Assert.Single(Sandbox.Customers);
        Assert.Equal(customer.Id, Assert.Single(Sandbox.Pipelines).CustomerId);
        Assert.Equal(customer.Id, Assert.Single(run.Objects<Pipeline>()).CustomerId);
    }

    [Fact]
    public void The_server_refusing_an_unknown_customer_is_an_error_with_its_words()
    {
        var run = Ps.Run("New-CdbPipeline -CustomerId 999 -Reference R -PipelineTypeId 1");

        var error = Assert.Single(run.Errors);
        Assert.Equal("CdbRequestRejected", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Contains("Customer 999 was not found.", error.ToString());
        Assert.Empty(run.Output);
    }

    [Fact]
    public void An_empty_reference_is_refused_before_sending()
    {
        var run = Ps.Run("New-CdbPipeline -CustomerId 1 -Reference ' ' -PipelineTypeId 1");

        Assert.Equal("CdbPipelineInvalid", Assert.Single(run.Errors).FullyQualifiedErrorId.Split(',')[0]);
        Assert.Empty(Sandbox.Requests);
    }
}
