using System;
using System.IO;
using System.Management.Automation;
using System.Net;
using System.Reflection;

namespace CrmPS.Core
{
    /// <summary>
    /// Runs when the module is imported. Windows PowerShell 5.1 has no binding redirects for
    /// modules, so System.Text.Json and its netstandard dependencies are resolved by simple name
    /// from the Dependencies folder. On PowerShell 7 the in-box System.Text.Json wins, and the
    /// libraries only CrmPS brings (CsvHelper, TimeZoneConverter) load into a context of the
    /// module's own (<see cref="IsolatedDependencies"/>).
    /// </summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        private static readonly string DependencyDirectory =
            Path.Combine(Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location) ?? string.Empty, "Dependencies");

        public void OnImport()
        {
            if (!IsolatedDependencies.TryRegister(DependencyDirectory))
            {
                AppDomain.CurrentDomain.AssemblyResolve += ResolveDependency;
            }

            EnableTls12OnWindowsPowerShell();
        }

        public void OnRemove(PSModuleInfo psModuleInfo)
        {
            IsolatedDependencies.Unregister();
            AppDomain.CurrentDomain.AssemblyResolve -= ResolveDependency;
        }

        private static Assembly ResolveDependency(object sender, ResolveEventArgs args)
        {
            string name = new AssemblyName(args.Name).Name;
            string candidate = Path.Combine(DependencyDirectory, name + ".dll");
            return File.Exists(candidate) ? Assembly.LoadFrom(candidate) : null;
        }

        private static void EnableTls12OnWindowsPowerShell()
        {
            // Adds TLS 1.2 to what the user enabled; never removes a protocol.
            if (System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal))
            {
                ServicePointManager.SecurityProtocol |= SecurityProtocolType.Tls12;
            }
        }
    }
}
