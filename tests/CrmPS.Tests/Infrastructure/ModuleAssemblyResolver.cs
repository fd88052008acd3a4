using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;

namespace CrmPS.Tests.Infrastructure;

/// <summary>
/// The tests compile against src/CrmPS but must run the module exactly as it ships, from
/// out/CrmPS/&lt;version&gt;/. Resolving CrmPS.dll from there makes the unit tests and the
/// module imported into runspaces share one assembly, so internal test hooks reach it.
/// </summary>
internal static class ModuleAssemblyResolver
{
    public static string ModuleDirectory { get; } = Metadata("ModuleOutDir");
    public static string RepoRoot { get; } = Metadata("RepoRoot");
    public static string ManifestPath => Path.Combine(ModuleDirectory, "CrmPS.psd1");

    [ModuleInitializer]
    internal static void Register()
    {
        AssemblyLoadContext.Default.Resolving += (context, name) =>
        {
            if (name.Name != "CrmPS") return null;
            return context.LoadFromAssemblyPath(Path.Combine(ModuleDirectory, "CrmPS.dll"));
        };
        ResolveModuleDependencies();
    }

    /// <summary>
    /// The libraries CrmPS ships in its Dependencies folder load as in pwsh, into the module's own
    /// context, also for unit tests that use them before any runspace imports the module.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ResolveModuleDependencies() =>
        global::CrmPS.Core.IsolatedDependencies.TryRegister(Path.Combine(ModuleDirectory, "Dependencies"));

    private static string Metadata(string key) =>
        Path.GetFullPath(typeof(ModuleAssemblyResolver).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == key).Value!);
}
