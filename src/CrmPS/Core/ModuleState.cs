using System;
using System.Collections.Generic;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;

namespace CrmPS.Core
{
    /// <summary>
    /// What the module remembers for one PowerShell session (runspace): the default connection of
    /// each service and the sandbox emulators, so two runspaces in one process never share them.
    /// </summary>
    internal sealed class ModuleState
    {
        private static readonly ConditionalWeakTable<Runspace, ModuleState> PerRunspace = new ConditionalWeakTable<Runspace, ModuleState>();
        private static readonly ModuleState NoRunspace = new ModuleState();
        private readonly Dictionary<Type, object> _items = new Dictionary<Type, object>();

        public static ModuleState Current
        {
            get
            {
                Runspace runspace = Runspace.DefaultRunspace;
                return runspace == null ? NoRunspace : PerRunspace.GetValue(runspace, _ => new ModuleState());
            }
        }

        public T Get<T>()
            where T : class
        {
            lock (_items)
            {
                return _items.TryGetValue(typeof(T), out object value) ? (T)value : null;
            }
        }

        public T GetOrAdd<T>(Func<T> create)
            where T : class
        {
            lock (_items)
            {
                if (!_items.TryGetValue(typeof(T), out object value))
                {
                    value = create();
                    _items[typeof(T)] = value;
                }

                return (T)value;
            }
        }

        public void Set<T>(T value)
            where T : class
        {
            lock (_items)
            {
                _items[typeof(T)] = value;
            }
        }
    }
}
