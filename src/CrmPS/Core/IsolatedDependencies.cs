using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;

namespace CrmPS.Core
{
    /// <summary>
    /// On PowerShell 7 (.NET), loads the libraries the module ships into an AssemblyLoadContext of the
    /// module's own (PowerShell docs, "Resolving PowerShell module assembly dependency conflicts").
    /// CrmPS.dll sits in the default context, where PowerShell put it; its references to CrmPS.Csv and
    /// TimeZoneConverter reach the default context's Resolving event, which answers from the private
    /// context. CrmPS.Csv wraps CsvHelper behind BCL types only, and CsvHelper is loaded into the
    /// private context before it, so CrmPS.Csv binds to that copy even when another module has already
    /// put a CsvHelper of any version into the default context. (A library CrmPS.dll referenced
    /// directly would bind to such an earlier copy: hence the wrapper.) The module targets
    /// netstandard2.0, which has no AssemblyLoadContext, hence reflection. Windows PowerShell 5.1 has
    /// no such context: <see cref="ModuleInitializer"/> resolves the Dependencies folder in AssemblyResolve.
    /// </summary>
    internal static class IsolatedDependencies
    {
        public const string ContextName = "CrmPS";

        /// <summary>Each library loaded privately, with the libraries to load into the context before it.</summary>
        private static readonly Dictionary<string, string[]> Isolated = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase)
        {
            ["CrmPS.Csv"] = new[] { "CsvHelper" },
            ["CsvHelper"] = new string[0],
            ["TimeZoneConverter"] = new string[0],
        };

        private static readonly object Gate = new object();
        private static string _directory;
        private static object _context;
        private static MethodInfo _loadFromAssemblyPath;
        private static EventInfo _resolvingEvent;
        private static object _defaultContext;
        private static Delegate _handler;
        private static readonly Dictionary<string, Assembly> Loaded = new Dictionary<string, Assembly>(StringComparer.OrdinalIgnoreCase);

        /// <summary>True where the runtime has AssemblyLoadContext (PowerShell 7), after hooking it up.</summary>
        public static bool TryRegister(string dependencyDirectory)
        {
            Type contextType = typeof(object).Assembly.GetType("System.Runtime.Loader.AssemblyLoadContext", throwOnError: false);
            if (contextType == null)
            {
                return false;
            }

            lock (Gate)
            {
                _directory = dependencyDirectory;
                if (_context == null)
                {
                    // One context per process: a module imported again (Import-Module -Force) finds it in place.
                    ConstructorInfo constructor = contextType.GetConstructor(new[] { typeof(string), typeof(bool) });
                    _context = constructor.Invoke(new object[] { ContextName, false });
                    _loadFromAssemblyPath = contextType.GetMethod("LoadFromAssemblyPath", new[] { typeof(string) });
                    _defaultContext = contextType.GetProperty("Default").GetValue(null);
                    _resolvingEvent = contextType.GetEvent("Resolving");
                    MethodInfo resolve = typeof(IsolatedDependencies).GetMethod(nameof(Resolve), BindingFlags.NonPublic | BindingFlags.Static);
                    _handler = Delegate.CreateDelegate(_resolvingEvent.EventHandlerType, resolve);
                }

                _resolvingEvent.RemoveEventHandler(_defaultContext, _handler);
                _resolvingEvent.AddEventHandler(_defaultContext, _handler);
            }

            return true;
        }

        public static void Unregister()
        {
            lock (Gate)
            {
                if (_handler != null)
                {
                    _resolvingEvent.RemoveEventHandler(_defaultContext, _handler);
                }
            }
        }

        // Bound to Func<AssemblyLoadContext, AssemblyName, Assembly>: the context parameter is typed object.
        private static Assembly Resolve(object requestingContext, AssemblyName name)
        {
            if (name.Name == null || !Isolated.ContainsKey(name.Name))
            {
                return null;
            }

            lock (Gate)
            {
                return Load(name.Name);
            }
        }

        private static Assembly Load(string name)
        {
            if (Loaded.TryGetValue(name, out Assembly assembly))
            {
                return assembly;
            }

            string path = Path.Combine(_directory, name + ".dll");
            if (!File.Exists(path))
            {
                return null;
            }

            foreach (string first in Isolated[name])
            {
                Load(first);
            }

            assembly = (Assembly)_loadFromAssemblyPath.Invoke(_context, new object[] { path });
            Loaded.Add(name, assembly);
            return assembly;
        }
    }
}
