using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;

namespace CrmPS.Core
{
    /// <summary>
    /// On PowerShell 7 (.NET), loads the third-party libraries the module ships (CsvHelper,
    /// TimeZoneConverter) into an AssemblyLoadContext of the module's own, so another module's copy
    /// of the same library, of whatever version, is never the one CrmPS gets, nor the other way round
    /// (PowerShell docs, "Resolving PowerShell module assembly dependency conflicts"). CrmPS.dll itself
    /// sits in the default context; its references to these libraries reach the default context's
    /// Resolving event, which answers from the private context. The module targets netstandard2.0,
    /// which has no AssemblyLoadContext, hence reflection. On Windows PowerShell 5.1 there is no such
    /// context: <see cref="ModuleInitializer"/> resolves the Dependencies folder in AssemblyResolve.
    /// </summary>
    internal static class IsolatedDependencies
    {
        public const string ContextName = "CrmPS";

        private static readonly HashSet<string> Isolated = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "CsvHelper",
            "TimeZoneConverter",
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
            if (name.Name == null || !Isolated.Contains(name.Name))
            {
                return null;
            }

            string path = Path.Combine(_directory, name.Name + ".dll");
            if (!File.Exists(path))
            {
                return null;
            }

            lock (Gate)
            {
                if (!Loaded.TryGetValue(name.Name, out Assembly assembly))
                {
                    assembly = (Assembly)_loadFromAssemblyPath.Invoke(_context, new object[] { path });
                    Loaded.Add(name.Name, assembly);
                }

                return assembly;
            }
        }
    }
}
