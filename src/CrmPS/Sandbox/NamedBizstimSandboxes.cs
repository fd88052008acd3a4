using System;
using System.Collections.Generic;

namespace CrmPS.Sandbox
{
    /// <summary>The named Bizstim sandboxes of one session (Connect-Bizstim -Sandbox -Name): each name is an account of its own.</summary>
    internal sealed class NamedBizstimSandboxes
    {
        private readonly Dictionary<string, BizstimSandbox> _byName = new Dictionary<string, BizstimSandbox>(StringComparer.OrdinalIgnoreCase);

        public BizstimSandbox Get(string name)
        {
            lock (_byName)
            {
                if (!_byName.TryGetValue(name, out BizstimSandbox sandbox))
                {
                    sandbox = new BizstimSandbox();
                    _byName.Add(name, sandbox);
                }

                return sandbox;
            }
        }
    }
}
