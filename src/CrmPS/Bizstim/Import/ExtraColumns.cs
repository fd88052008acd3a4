using System;
using System.Collections.Generic;
using System.Management.Automation;
using CrmPS.Core;

namespace CrmPS.Bizstim
{
    /// <summary>
    /// Picks the columns of an input row that are not bound to a parameter but still travel:
    /// custom fields (names starting with a digit, such as 105_student_id) and tags. One reader
    /// per pipeline. For PSCustomObjects it reads the row's own properties (see
    /// <see cref="OwnProperties"/>), after checking once, on the first such row, that they are
    /// exactly what PSObject.Properties lists; if not (type data adds properties), it reads
    /// PSObject.Properties for the rest of the pipeline.
    /// </summary>
    internal sealed class ExtraColumns
    {
        private static readonly IReadOnlyList<KeyValuePair<string, object>> None = new KeyValuePair<string, object>[0];
        private bool? _ownPropertiesAreAll;

        /// <summary>The row's custom-field and tags columns, in property order, with their values.</summary>
        public IReadOnlyList<KeyValuePair<string, object>> Read(PSObject input)
        {
            if (input == null)
            {
                return None;
            }

            IEnumerable<PSPropertyInfo> properties = input.Properties;
            if (_ownPropertiesAreAll != false)
            {
                List<PSPropertyInfo> own = OwnProperties.TryRead(input);
                if (own != null)
                {
                    if (_ownPropertiesAreAll == null)
                    {
                        _ownPropertiesAreAll = SameNames(own, input.Properties);
                    }

                    if (_ownPropertiesAreAll == true)
                    {
                        properties = own;
                    }
                }
            }

            List<KeyValuePair<string, object>> extras = null;
            foreach (PSPropertyInfo property in properties)
            {
                string name = property.Name;
                if (name.Length > 0 && (char.IsDigit(name[0]) || ClientColumns.IsTags(name)))
                {
                    extras = extras ?? new List<KeyValuePair<string, object>>();
                    extras.Add(new KeyValuePair<string, object>(name, SafeValue(property)));
                }
            }

            return (IReadOnlyList<KeyValuePair<string, object>>)extras ?? None;
        }

        private static bool SameNames(List<PSPropertyInfo> own, IEnumerable<PSPropertyInfo> all)
        {
            int i = 0;
            foreach (PSPropertyInfo property in all)
            {
                if (i >= own.Count || !string.Equals(own[i].Name, property.Name, StringComparison.Ordinal))
                {
                    return false;
                }

                i++;
            }

            return i == own.Count;
        }

        private static object SafeValue(PSPropertyInfo property)
        {
            try
            {
                return property.Value;
            }
            catch (GetValueException)
            {
                return null;
            }
        }
    }
}
