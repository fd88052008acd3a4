using System.Diagnostics;
using CrmPS.Packager;

// Usage: CrmPS.Packager <module folder, e.g. out/CrmPS/0.1.0> <output folder, e.g. out>
if (args.Length != 2)
{
    Console.Error.WriteLine("Usage: CrmPS.Packager <module folder> <output folder>");
    Console.Error.WriteLine("Packs the module folder into <Name>.<Version>.nupkg, laid out as the PowerShell Gallery publishes it.");
    return 2;
}

var watch = Stopwatch.StartNew();
try
{
    string package = ModulePackager.Pack(args[0], args[1]);
    Console.WriteLine($"CrmPS.Packager: {package} ({new FileInfo(package).Length / 1024} KiB) in {watch.ElapsedMilliseconds} ms");
    return 0;
}
catch (Exception ex) when (ex is InvalidDataException or IOException or UriFormatException or ArgumentException)
{
    Console.WriteLine($"{args[0]}: error CRMPACK001: {ex.Message}");
    return 1;
}
