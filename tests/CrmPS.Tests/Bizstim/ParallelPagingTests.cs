using System.Globalization;
using System.Management.Automation;
using CrmPS.Bizstim;
using CrmPS.Sandbox;
using CrmPS.Tests.Infrastructure;

namespace CrmPS.Tests.Bizstim;

/// <summary>
/// Listings fetch the pages after the first in parallel (Connect-Bizstim -PageParallelism) and still
/// write objects in order. Every assertion is on what the server received and what the pipeline
/// wrote, never on timings.
/// </summary>
public sealed class ParallelPagingTests : BizstimTestBase
{
    private const int Clients = 95;

    public ParallelPagingTests(BizstimServerFixture server) : base(server)
    {
        Sandbox.SeedClients(Clients);
    }

    [Fact]
    public void The_connection_carries_the_parallelism_default_four_and_refuses_values_outside_one_to_sixteen()
    {
        Assert.Equal(4, Connect().PageParallelism);
        Assert.Equal(16, ConnectWith(16).PageParallelism);
        Assert.Equal(1, ConnectWith(1).PageParallelism);

        foreach (int bad in new[] { 0, 17 })
        {
            var run = Ps.Run("Connect-Bizstim -ApiKey $key -BaseUri $uri -PageParallelism $n", ("key", ApiKey), ("uri", Server.BaseUri), ("n", bad));
            Assert.Contains(run.Errors, e => e.FullyQualifiedErrorId.StartsWith("ParameterArgumentValidationError", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Pages_that_arrive_out_of_order_are_written_in_order_with_four_requests_in_flight()
    {
        // The second page is held at the server until the third, fourth and fifth were requested:
        // that happens only if the client has four pages in flight, and it makes them arrive first.
        var gate = new GatedService(Sandbox, hold: ListPath(10, 10), until: new[] { ListPath(20, 10), ListPath(30, 10), ListPath(40, 10) });
        Server.Service.Current = gate;
        ConnectWith(4);

        var run = Ps.Run("Get-BizstimClient -PageSize 10");

        Assert.Empty(run.Errors);
        Assert.True(gate.ReleasedByOthers, "the second page was not held while pages 3 to 5 were requested: fewer than four pages were in flight");
        Assert.Equal(Enumerable.Range(1, Clients), run.Objects<Client>().Select(c => c.Id));
        Assert.Equal(Enumerable.Range(0, 10).Select(p => ListPath(p * 10, 10)), ListRequests().Order(StringComparer.Ordinal).OrderBy(StartOf));
        Assert.Equal(10, ListRequests().Count);
    }

    [Fact]
    public void No_more_than_the_configured_number_of_pages_is_outstanding()
    {
        // With two pages outstanding, the fourth page may only be asked for after the second was handed back.
        var gate = new GatedService(Sandbox, hold: ListPath(10, 10), until: new[] { ListPath(20, 10) });
        Server.Service.Current = gate;
        ConnectWith(2);

        var run = Ps.Run("Get-BizstimClient -PageSize 10");

        Assert.Empty(run.Errors);
        Assert.True(gate.ReleasedByOthers);
        Assert.Equal(Enumerable.Range(1, Clients), run.Objects<Client>().Select(c => c.Id));
        List<string> events = gate.Events;
        Assert.True(events.IndexOf("released " + ListPath(10, 10)) < events.IndexOf("received " + ListPath(30, 10)), string.Join(", ", events));
    }

    [Fact]
    public void Parallelism_one_is_sequential_paging_one_request_after_another()
    {
        var gate = new GatedService(Sandbox, hold: ListPath(10, 10), until: new[] { ListPath(20, 10) }, patience: TimeSpan.FromMilliseconds(300));
        Server.Service.Current = gate;
        ConnectWith(1);

        var run = Ps.Run("Get-BizstimClient -PageSize 10");

        Assert.Empty(run.Errors);
        Assert.False(gate.ReleasedByOthers, "a later page was requested while the second was outstanding");
        Assert.Equal(Enumerable.Range(1, Clients), run.Objects<Client>().Select(c => c.Id));
        Assert.Equal(Enumerable.Range(0, 10).Select(p => ListPath(p * 10, 10)), ListRequests());
    }

    [Theory]
    [InlineData("-Skip 15 -First 30", 16, 30, new[] { "15/10", "25/10", "35/10" })]
    [InlineData("-First 5", 1, 5, new[] { "0/5" })]
    [InlineData("-Skip 88", 89, 7, new[] { "88/10" })]
    [InlineData("-Skip 200", 0, 0, new[] { "200/10" })]
    [InlineData("-Skip 80 -First 100", 81, 15, new[] { "80/10", "90/10" })]
    public void Skip_and_First_fetch_only_the_pages_they_need(string paging, int firstId, int count, string[] pages)
    {
        ConnectWith(4);
        Sandbox.ClearRequests();

        var run = Ps.Run("Get-BizstimClient -PageSize 10 " + paging);

        Assert.Empty(run.Errors);
        Assert.Equal(Enumerable.Range(firstId, count), run.Objects<Client>().Select(c => c.Id));
        Assert.Equal(pages.Select(p => "/api/clients/" + p), ListRequests().OrderBy(StartOf));
    }

    [Fact]
    public void A_failing_page_stops_the_listing_after_every_client_before_it_was_written_in_order()
    {
        var faults = InjectFaults();
        faults.Add(new SandboxFault(SandboxFaultKind.Status) { Method = "GET", PathContains = ListPath(30, 10), StatusCode = 500, Times = 100 });
        ConnectWith(4);

        var run = Ps.Run("Get-BizstimClient -PageSize 10");

        Assert.Equal(Enumerable.Range(1, 30), run.Objects<Client>().Select(c => c.Id));
        var error = Assert.Single(run.Errors);
        Assert.StartsWith("BizstimApi500", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Contains("/api/clients/30/10", error.ToString());
        Assert.Equal(1, faults.FaultsApplied);

        // The connection is still usable, and a listing without the fault is complete.
        Server.Service.Current = Sandbox;
        var again = Ps.Run("Get-BizstimClient -PageSize 10");
        Assert.Empty(again.Errors);
        Assert.Equal(Enumerable.Range(1, Clients), again.Objects<Client>().Select(c => c.Id));
    }

    [Fact]
    public void The_first_page_failing_sends_no_other_request()
    {
        var faults = InjectFaults();
        faults.Add(new SandboxFault(SandboxFaultKind.Status) { Method = "GET", PathContains = ListPath(0, 10), StatusCode = 500, Times = 100 });

        var run = Ps.Run("Connect-Bizstim -ApiKey $key -BaseUri $uri -PageParallelism 4 -MaxRetry 0; Get-BizstimClient -PageSize 10", ("key", ApiKey), ("uri", Server.BaseUri));

        Assert.Single(run.Errors);
        Assert.Empty(run.Objects<Client>());
        Assert.Empty(Sandbox.Requests);
        Assert.Equal(1, faults.FaultsApplied);
    }

    [Fact]
    public void Sessions_are_paged_in_parallel_and_written_in_order()
    {
        ConnectWith(3);
        Sandbox.ClearRequests();

        var run = Ps.Run("Get-BizstimSession -PageSize 4 -IncludeTotalCount");

        Assert.Empty(run.Errors);
        Assert.Equal(25UL, run.Output[0].BaseObject);
        Assert.Equal(Sandbox.Sessions.Select(s => s.Id), run.Objects<Session>().Select(s => s.SessionId));
        Assert.Equal(7, Sandbox.Requests.Count);
    }

    private BizstimConnection ConnectWith(int parallelism)
    {
        var run = Ps.Run("Connect-Bizstim -ApiKey $key -BaseUri $uri -PageParallelism $n -PassThru", ("key", ApiKey), ("uri", Server.BaseUri), ("n", parallelism));
        Assert.Empty(run.Errors);
        var connection = Assert.IsType<BizstimConnection>(Assert.Single(run.Output).BaseObject);
        connection.Clock = Clock;
        return connection;
    }

    private static string ListPath(int start, int limit) => $"/api/clients/{start}/{limit}";

    private static int StartOf(string path) => int.Parse(path.Split('/')[3], CultureInfo.InvariantCulture);

    private List<string> ListRequests() =>
        Sandbox.Requests.Where(r => r.Path.StartsWith("/api/clients/", StringComparison.Ordinal)).Select(r => r.Path).ToList();

    /// <summary>Holds the answer to one path until the server has received every path of <c>until</c> (or patience runs out).</summary>
    private sealed class GatedService : ISandboxService
    {
        private readonly ISandboxService _inner;
        private readonly string _hold;
        private readonly HashSet<string> _until;
        private readonly TimeSpan _patience;
        private readonly ManualResetEventSlim _open = new();
        private readonly object _gate = new();
        private readonly List<string> _events = new();

        public GatedService(ISandboxService inner, string hold, IEnumerable<string> until, TimeSpan? patience = null)
        {
            _inner = inner;
            _hold = hold;
            _until = new HashSet<string>(until, StringComparer.Ordinal);
            _patience = patience ?? TimeSpan.FromSeconds(20);
        }

        public bool ReleasedByOthers { get; private set; }

        public List<string> Events
        {
            get { lock (_gate) return _events.ToList(); }
        }

        public SandboxResponse Handle(SandboxRequest request)
        {
            lock (_gate)
            {
                _events.Add("received " + request.Path);
                _until.Remove(request.Path);
                if (_until.Count == 0)
                {
                    _open.Set();
                }
            }

            if (request.Path == _hold)
            {
                ReleasedByOthers = _open.Wait(_patience);
                SandboxResponse held = _inner.Handle(request);
                lock (_gate)
                {
                    _events.Add("released " + request.Path);
                }

                return held;
            }

            return _inner.Handle(request);
        }
    }
}
