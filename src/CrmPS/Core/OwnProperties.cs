using System;
using System.Collections.Generic;
using System.Linq.Expressions;
using System.Management.Automation;
using System.Reflection;

namespace CrmPS.Core
{
    /// <summary>
    /// The note properties a PSCustomObject carries itself (the columns of an Import-Csv row, the
    /// keys of [pscustomobject]@{...}, what Select-Object picked), read straight from the object.
    /// Enumerating PSObject.Properties instead merges them with the adapted and type-table members
    /// into a new collection on every call: about 4 microseconds and 3 KB for a 16-column row, most
    /// of Import-BizstimClient's own cost per row. The engine keeps these members in the internal
    /// PSObject.InstanceMembers (Windows PowerShell 5.1 and PowerShell 7 alike); where it does not,
    /// <see cref="TryRead"/> returns null and callers use PSObject.Properties.
    /// </summary>
    internal static class OwnProperties
    {
        private static readonly Func<PSObject, IEnumerable<PSMemberInfo>> InstanceMembers = CreateReader();

        /// <summary>True when this PowerShell lets the fast path read instance members.</summary>
        public static bool Available => InstanceMembers != null;

        /// <summary>The object's own properties in the order PSObject.Properties lists them; null when the object is no PSCustomObject or the fast path is unavailable.</summary>
        public static List<PSPropertyInfo> TryRead(PSObject input)
        {
            if (InstanceMembers == null || input == null || !(input.BaseObject is PSCustomObject))
            {
                return null;
            }

            IEnumerable<PSMemberInfo> members;
            try
            {
                members = InstanceMembers(input);
            }
            catch (Exception ex) when (!(ex is OutOfMemoryException))
            {
                return null;
            }

            var properties = new List<PSPropertyInfo>();
            if (members != null)
            {
                foreach (PSMemberInfo member in members)
                {
                    // The engine's hidden reserved members (pstypenames, psobject, ...) are not listed by PSObject.Properties.
                    if (member is PSPropertyInfo property && !IsReserved(property.Name))
                    {
                        properties.Add(property);
                    }
                }
            }

            return properties;
        }

        private static bool IsReserved(string name) =>
            name.Length > 2 && (name[0] == 'p' || name[0] == 'P') && (name[1] == 's' || name[1] == 'S')
            && (string.Equals(name, "pstypenames", StringComparison.OrdinalIgnoreCase)
                || string.Equals(name, "psobject", StringComparison.OrdinalIgnoreCase)
                || string.Equals(name, "psbase", StringComparison.OrdinalIgnoreCase)
                || string.Equals(name, "psadapted", StringComparison.OrdinalIgnoreCase)
                || string.Equals(name, "psextended", StringComparison.OrdinalIgnoreCase));

        private static Func<PSObject, IEnumerable<PSMemberInfo>> CreateReader()
        {
            try
            {
                PropertyInfo property = typeof(PSObject).GetProperty("InstanceMembers", BindingFlags.Instance | BindingFlags.NonPublic);
                if (property == null || property.GetGetMethod(nonPublic: true) == null || !typeof(IEnumerable<PSMemberInfo>).IsAssignableFrom(property.PropertyType))
                {
                    return null;
                }

                ParameterExpression target = Expression.Parameter(typeof(PSObject), "target");
                return Expression.Lambda<Func<PSObject, IEnumerable<PSMemberInfo>>>(
                    Expression.Convert(Expression.Property(target, property), typeof(IEnumerable<PSMemberInfo>)), target).Compile();
            }
            catch (Exception ex) when (!(ex is OutOfMemoryException))
            {
                return null;
            }
        }
    }
}
