using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;

namespace CrmPS.Core
{
    /// <summary>
    /// The column names and values of one input row: an Import-Csv row or other PSCustomObject, a
    /// hashtable, or a .NET object (its properties). One reader per pipeline, reused for every row:
    /// <see cref="Names"/> and <see cref="Values"/> are overwritten by each <see cref="Read"/>.
    /// </summary>
    internal sealed class RowCells
    {
        private readonly List<string> _names = new List<string>();
        private readonly List<object> _values = new List<object>();
        private bool? _ownPropertiesAreAll;

        public IReadOnlyList<string> Names => _names;

        public IReadOnlyList<object> Values => _values;

        /// <summary>Reads the row's column names and values; true when it is a row (PSCustomObject or hashtable), not a typed object.</summary>
        public bool Read(object input)
        {
            _names.Clear();
            _values.Clear();
            object baseObject = input is PSObject wrapped ? wrapped.BaseObject : input;
            if (baseObject is IDictionary dictionary)
            {
                foreach (DictionaryEntry entry in dictionary)
                {
                    _names.Add(Convert.ToString(entry.Key, System.Globalization.CultureInfo.InvariantCulture));
                    _values.Add(entry.Value);
                }

                return true;
            }

            if (input == null)
            {
                return false;
            }

            PSObject row = input as PSObject ?? PSObject.AsPSObject(input);
            if (_ownPropertiesAreAll != false && OwnProperties.TryRead(row, _names, _values))
            {
                // Checked once per pipeline: type data could add properties the fast path does not see.
                _ownPropertiesAreAll = _ownPropertiesAreAll ?? SameNames(_names, row.Properties);
                if (_ownPropertiesAreAll == true)
                {
                    return true;
                }

                _names.Clear();
                _values.Clear();
            }

            foreach (PSPropertyInfo property in row.Properties)
            {
                _names.Add(property.Name);
                _values.Add(OwnProperties.ValueOf(property));
            }

            return baseObject is PSCustomObject;
        }

        private static bool SameNames(List<string> own, IEnumerable<PSPropertyInfo> all)
        {
            int i = 0;
            foreach (PSPropertyInfo property in all)
            {
                if (i >= own.Count || !string.Equals(own[i], property.Name, StringComparison.Ordinal))
                {
                    return false;
                }

                i++;
            }

            return i == own.Count;
        }

        /// <summary>True when <paramref name="names"/> are the column names of <paramref name="shape"/>, in order and case.</summary>
        public static bool IsShape(IReadOnlyList<string> names, string[] shape)
        {
            if (names.Count != shape.Length)
            {
                return false;
            }

            for (int i = 0; i < shape.Length; i++)
            {
                // Import-Csv gives every row the header's own string instances: the reference test settles most rows.
                if (!ReferenceEquals(names[i], shape[i]) && !string.Equals(names[i], shape[i], StringComparison.Ordinal))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
