using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Reflection;

namespace CrmPS.Core
{
    /// <summary>
    /// Names, once per pipeline, the columns of input rows that no parameter binds (by its name or an
    /// alias) and that the cmdlet does not read otherwise (custom fields), so a header the binder does
    /// not know is reported rather than dropped silently. Only rows (PSCustomObjects: Import-Csv,
    /// [pscustomobject]) are checked; typed objects carry other properties by design. Resolved once
    /// per row shape (the ordered property names).
    /// </summary>
    internal sealed class UnusedColumns
    {
        private readonly HashSet<string> _bound = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        private readonly Func<string, bool> _readOtherwise;
        private readonly UnusedColumnLog _reported = new UnusedColumnLog();
        private readonly List<string> _lastShape = new List<string>();

        /// <param name="cmdletType">The cmdlet whose by-property-name parameters (and their aliases) bind columns.</param>
        /// <param name="readOtherwise">Columns the cmdlet reads itself (custom fields); null for none.</param>
        public UnusedColumns(Type cmdletType, Func<string, bool> readOtherwise = null)
        {
            _readOtherwise = readOtherwise;
            foreach (PropertyInfo property in cmdletType.GetProperties())
            {
                bool byName = false;
                foreach (ParameterAttribute parameter in property.GetCustomAttributes(typeof(ParameterAttribute), true))
                {
                    byName |= parameter.ValueFromPipelineByPropertyName;
                }

                if (!byName)
                {
                    continue;
                }

                _bound.Add(property.Name);
                foreach (AliasAttribute alias in property.GetCustomAttributes(typeof(AliasAttribute), true))
                {
                    foreach (string name in alias.AliasNames)
                    {
                        _bound.Add(name);
                    }
                }
            }
        }

        /// <summary>The columns of this row that nothing uses and that were not named before; null when there are none.</summary>
        public IReadOnlyList<string> TakeNew(PSObject input)
        {
            if (input == null || !(input.BaseObject is PSCustomObject) || SameShape(input))
            {
                return null;
            }

            return _reported.TakeNew(_lastShape.Where(name => !_bound.Contains(name) && (_readOtherwise == null || !_readOtherwise(name))));
        }

        /// <summary>The warning text for <paramref name="unused"/>.</summary>
        public static string Warning(string command, IReadOnlyList<string> unused, string customFieldRule) =>
            $"{command} does not use the column(s) '{string.Join("', '", unused)}': their values are not sent. "
            + $"Rename the column to a name listed in Get-Help {command} -Full (or build it with Select-Object){customFieldRule}.";

        /// <summary>True when the row has the shape last seen; otherwise remembers the new shape and returns false.</summary>
        private bool SameShape(PSObject input)
        {
            int i = 0;
            bool same = true;
            var names = new List<string>();
            foreach (PSPropertyInfo property in input.Properties)
            {
                names.Add(property.Name);
                if (same && (i >= _lastShape.Count || !string.Equals(_lastShape[i], property.Name, StringComparison.Ordinal)))
                {
                    same = false;
                }

                i++;
            }

            if (same && i == _lastShape.Count)
            {
                return true;
            }

            _lastShape.Clear();
            _lastShape.AddRange(names);
            return false;
        }
    }
}
