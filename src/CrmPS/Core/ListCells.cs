using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Reflection;

namespace CrmPS.Core
{
    /// <summary>
    /// Finds input properties holding a list where the cmdlet takes one value (a [string] parameter bound
    /// by property name): the binder drops such a value silently, so without this the field would be
    /// reported as empty, or sent empty. Parameters that take a list of addresses ([AddressList]) are left out.
    /// </summary>
    internal sealed class ListCells
    {
        private readonly Dictionary<string, string> _parameterByName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        public ListCells(Type cmdletType)
        {
            foreach (PropertyInfo property in cmdletType.GetProperties())
            {
                bool byName = property.GetCustomAttributes(typeof(ParameterAttribute), true).Cast<ParameterAttribute>().Any(p => p.ValueFromPipelineByPropertyName);
                if (!byName || property.PropertyType != typeof(string) || property.IsDefined(typeof(AddressListAttribute), true))
                {
                    continue;
                }

                _parameterByName[property.Name] = property.Name;
                foreach (AliasAttribute alias in property.GetCustomAttributes(typeof(AliasAttribute), true))
                {
                    foreach (string name in alias.AliasNames)
                    {
                        _parameterByName[name] = property.Name;
                    }
                }
            }
        }

        /// <summary>One problem per such property ("FirstName is a list of 2 values ('a', 'b'), not one value"); empty when none.</summary>
        public List<string> Problems(PSObject input)
        {
            var problems = new List<string>();
            if (input == null)
            {
                return problems;
            }

            foreach (PSPropertyInfo property in input.Properties)
            {
                if (!_parameterByName.TryGetValue(property.Name, out string parameter))
                {
                    continue;
                }

                object value;
                try
                {
                    value = ValueText.Unwrap(property.Value);
                }
                catch (GetValueException)
                {
                    continue;
                }

                if (value is string || !(value is IEnumerable list))
                {
                    continue;
                }

                var items = list.Cast<object>().Select(v => ValueText.Of(v).Trim()).Where(v => v.Length > 0).ToList();
                if (items.Count > 1)
                {
                    string shown = string.Join(", ", items.Take(3).Select(v => "'" + v + "'")) + (items.Count > 3 ? ", ..." : string.Empty);
                    problems.Add($"{parameter} is a list of {items.Count} values ({shown}), not one value: give one.");
                }
            }

            return problems;
        }
    }
}
