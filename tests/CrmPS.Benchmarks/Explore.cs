using System.Diagnostics;
using CrmPS.Bizstim;

namespace CrmPS.Benchmarks;

internal static class Explore
{
    public static int Run()
    {
        if (Environment.GetEnvironmentVariable("EXPLORE") == "refl")
        {
            foreach (var m in typeof(System.Management.Automation.PSObject).GetMembers(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static).Where(m => m.Name.Contains("Member")))
                Console.WriteLine(m.MemberType + " " + m + " " + m.DeclaringType);
            return 0;
        }

        if (Environment.GetEnvironmentVariable("EXPLORE") == "props")
        {
            var inputs = CsvShapedRows.Build(20000);
            var variants = new (string Name, Func<System.Management.Automation.PSObject, int> Run)[]
            {
                ("Properties foreach", o => { int n = 0; foreach (var p in o.Properties) { if (char.IsDigit(p.Name[0])) n++; } return n; }),
                ("Members foreach", o => { int n = 0; foreach (var p in o.Members) { if (char.IsDigit(p.Name[0])) n++; } return n; }),
                ("Properties.Match NoteProperty", o => o.Properties.Match("*", System.Management.Automation.PSMemberTypes.NoteProperty).Count),
                ("Properties.Match [0-9]*", o => o.Properties.Match("[0-9]*").Count),
                ("indexer tags (miss)", o => o.Properties["tags"] == null ? 0 : 1),
                ("indexer first name (hit)", o => o.Properties["first name"] == null ? 0 : 1),
                ("ExtraColumns", o => new CrmPS.Bizstim.ExtraColumns().Read(o).Count),
                ("OwnProperties", o => CrmPS.Core.OwnProperties.TryRead(o).Count),
            };
            for (int round = 0; round < 4; round++)
            {
                foreach (var (name, run) in variants)
                {
                    long alloc = GC.GetAllocatedBytesForCurrentThread();
                    var watch = Stopwatch.StartNew();
                    int sum = 0;
                    foreach (var o in inputs) sum += run(o);
                    Console.WriteLine($"{watch.Elapsed.TotalMilliseconds * 1000 / inputs.Length,7:0.00} us {(GC.GetAllocatedBytesForCurrentThread() - alloc) / inputs.Length,6} B  {name}");
                }
            }

            return 0;
        }

        if (Environment.GetEnvironmentVariable("EXPLORE") == "cost")
        {
            for (int i = 0; i < 3; i++)
            {
                var cost = ModuleCost.Measure(20000, 9);
                Console.WriteLine($"{cost.MicrosecondsPerRow:0.00} us/row {cost.BytesPerRow:0} B/row " + string.Join(" ", cost.Stages.Select(s => $"{s.Key}={s.Value:0.00}")));
            }

            return 0;
        }

        using SandboxProcess server = SandboxProcess.Start();
        server.Reset(BizstimPlan.Enterprise, false);
        using var engine = new Engine();
        engine.Run("Connect-Bizstim -ApiKey $key -BaseUri $uri -Plan Enterprise", ("key", SandboxProcess.ApiKey), ("uri", server.BaseUri));
        var rows = CsvShapedRows.Build(10000);
        string[] scripts =
        {
            "$rows | Test-BindOnly",
            "$rows | Receive-BenchOutput",
            "$rows | Test-BindOnly | Receive-BenchOutput",
            "$rows | Import-BizstimClient | Receive-BenchOutput",
            "$rows | Import-BizstimClient | Out-Null",
            "$null = $rows | Import-BizstimClient",
            "$rows | Import-BizstimClient -WhatIf | Out-Null",
        };
        foreach (string script in scripts.Concat(scripts))
        {
            server.Reset(BizstimPlan.Enterprise, false);
            var t = engine.Time(script, ("rows", rows));
            Console.WriteLine($"{t.TotalMilliseconds * 1000 / rows.Length,8:0.0} us/row  {script}");
        }

        return 0;
    }
}
