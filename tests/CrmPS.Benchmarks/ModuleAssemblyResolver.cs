using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;

namespace CrmPS.Benchmarks;

/// <summary>
/// Loads CrmPS.dll from out/CrmPS/&lt;version&gt;/, exactly as it ships, so the module imported into
/// runspaces and the plain classes the benchmark drives directly are one and the same assembly.
/// </summary>
internal static class ModuleAssemblyResolver
{
    public static string ModuleDirectory { get; } = Metadata("ModuleOutDir");

    public static string RepoRoot { get; } = Metadata("RepoRoot");

    public static string Configuration { get; } = typeof(ModuleAssemblyResolver).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "Configuration").Value;

    public static string ManifestPath => Path.Combine(ModuleDirectory, "CrmPS.psd1");

    [ModuleInitializer]
    internal static void Register()
    {
        AssemblyLoadContext.Default.Resolving += (context, name) =>
            name.Name == "CrmPS" ? context.LoadFromAssemblyPath(Path.Combine(ModuleDirectory, "CrmPS.dll")) : null;
        ResolveModuleDependencies();
    }

    /// <summary>CrmPS's own libraries (Dependencies folder) load as in pwsh, into the module's own context.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ResolveModuleDependencies() =>
        global::CrmPS.Core.IsolatedDependencies.TryRegister(Path.Combine(ModuleDirectory, "Dependencies"));

    private static string Metadata(string key) =>
        Path.GetFullPath(typeof(ModuleAssemblyResolver).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == key).Value!);
}
