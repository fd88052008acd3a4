using System.Globalization;
using CrmPS.Tests.Infrastructure;
using CdbTask = CrmPS.Cdb.Task;

namespace CrmPS.Tests.Cdb;

public sealed class NewCdbTaskTests : CdbTestBase
{
    public NewCdbTaskTests(CdbServerFixture server) : base(server)
    {
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("en-US")]
    public void A_customer_task_goes_to_customer_task_add_with_a_day_first_due_date_in_any_culture(string culture)
    {
        int customer = ExistingCustomer();

        var run = Ps.RunIn(CultureInfo.GetCultureInfo(culture), $"New-CdbTask -CustomerId {customer} -Name 'Arrange a meeting with Richard' -DueDate ([datetime]::new(2022, 10, 31, 15, 30, 0)) -Description 'Arrange first meeting' -UserId 1, 2");

        Assert.Empty(run.Errors);
        var request = Sandbox.Requests.Single();
        Assert.Equal("/api/customer/task/add", request.Path);
        Assert.Equal(
            new[] { $"customerid={customer}", "datedue=31/10/2022", "name=Arrange a meeting with Richard", "description=Arrange first meeting", "users[0]=1", "users[1]=2" },
            request.Form.Fields.Select(f => $"{f.Key}={f.Value}"));
        var task = Assert.Single(run.Objects<CdbTask>());
        Assert.Equal(743, task.TaskId);
        Assert.Equal(new DateTime(2022, 10, 31), task.DueDate);
    }

    [Fact]
    public void A_pipeline_task_goes_to_pipeline_task_add()
    {
        var run = Ps.Run($"$p = New-CdbPipeline -CustomerId {ExistingCustomer()} -Reference R -PipelineTypeId 1; New-CdbTask -PipelineId $p.PipelineId -Name Call -DueDate 2026-03-09");

        Assert.Empty(run.Errors);
        var request = Sandbox.Requests.Last();
        Assert.Equal("/api/pipeline/task/add", request.Path);
        Assert.Equal(new[] { "pipelineid=1337", "datedue=09/03/2026", "name=Call" }, request.Form.Fields.Select(f => $"{f.Key}={f.Value}"));
    }

    [Fact]
    public void A_piped_pipeline_gets_the_task_and_a_piped_customer_gets_its_own()
    {
        var run = Ps.Run(@"
            $c = New-CdbCustomer -Forename Ann -Surname Lee -Email ann@example.com
            $c | New-CdbPipeline -Reference R -PipelineTypeId 1 | New-CdbTask -Name 'Follow up' -DueDate (Get-Date)
            $c | New-CdbTask -Name 'Call back' -DueDate (Get-Date)");

        Assert.Empty(run.Errors);
        var tasks = Sandbox.Tasks;
        Assert.Equal(((int?)null, (int?)1337), (tasks[0].CustomerId, tasks[0].PipelineId));
        Assert.Equal(((int?)10428, (int?)null), (tasks[1].CustomerId, tasks[1].PipelineId));
        Assert.Equal(DateTime.Today, tasks[0].DueDate);
    }

    [Fact]
    public void An_empty_name_is_refused_before_sending()
    {
        var run = Ps.Run("New-CdbTask -CustomerId 1 -Name '' -DueDate 2026-03-09");

        Assert.Equal("CdbTaskInvalid", Assert.Single(run.Errors).FullyQualifiedErrorId.Split(',')[0]);
        Assert.Empty(Sandbox.Requests);
    }

    [Fact]
    public void WhatIf_sends_nothing()
    {
        var run = Ps.Run("New-CdbTask -PipelineId 1 -Name x -DueDate 2026-03-09 -WhatIf");

        Assert.Empty(run.Errors);
        Assert.Empty(Sandbox.Requests);
    }
}
