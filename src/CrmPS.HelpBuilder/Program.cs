using System.Diagnostics;
using CrmPS.HelpBuilder;

// Usage: CrmPS.HelpBuilder <docs/en-US> <out/CrmPS/<version>/en-US>
if (args.Length != 2)
{
    Console.Error.WriteLine("Usage: CrmPS.HelpBuilder <markdown folder> <output folder>");
    Console.Error.WriteLine("Turns PlatyPS-format cmdlet pages into <assembly>-Help.xml (MAML) and about_*.md into about_*.help.txt.");
    return 2;
}

var watch = Stopwatch.StartNew();
try
{
    HelpBuildResult result = HelpBuild.Run(args[0], args[1]);
    foreach (string warning in result.Warnings)
    {
        Console.WriteLine(warning);
    }

    Console.WriteLine($"CrmPS.HelpBuilder: {result.Commands} cmdlet page(s) and {result.AboutTopics} about topic(s) -> {Path.GetFullPath(args[1])} in {watch.ElapsedMilliseconds} ms");
    return 0;
}
catch (HelpSchemaException ex)
{
    Console.WriteLine(ex.ToMSBuildError());
    return 1;
}
catch (IOException ex)
{
    Console.WriteLine($"{args[0]}: error CRMHELP003: {ex.Message}");
    return 1;
}
