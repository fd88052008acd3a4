using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Linq;
using System.Linq.Expressions;
using System.Management.Automation;
using System.Reflection;

namespace CrmPS.Core
{
    /// <summary>
    /// The note properties a PSCustomObject carries itself (the columns of an Import-Csv row, the
    /// keys of [pscustomobject]@{...}, what Select-Object picked), read straight from the object.
    /// Enumerating PSObject.Properties instead merges them with the adapted and type-table members
    /// into a new collection on every call (about 5 microseconds and 3.6 KB for an 18-column row).
    /// The engine keeps these members in the internal PSObject.InstanceMembers (Windows PowerShell
    /// 5.1 and PowerShell 7 alike), whose enumerator copies them into a new list under a lock; the
    /// ordered table behind it is read here by index instead, with no allocation. Where the engine
    /// lays them out differently, the enumerator is used; where there is no InstanceMembers at all,
    /// <see cref="TryRead"/> returns false and callers use PSObject.Properties.
    /// </summary>
    internal static class OwnProperties
    {
        private static readonly Func<PSObject, object> InstanceMembers;

        /// <summary>The OrderedDictionary (name to member) inside the InstanceMembers collection; null when the engine has none.</summary>
        private static readonly Func<object, OrderedDictionary> MemberTable;

        static OwnProperties()
        {
            InstanceMembers = CreateMembersReader(out MemberTable);
        }

        /// <summary>True when this PowerShell lets the fast path read instance members.</summary>
        public static bool Available => InstanceMembers != null;

        /// <summary>True when the fast path reads the members' table directly rather than through its copying enumerator.</summary>
        public static bool ReadsTable => MemberTable != null;

        /// <summary>
        /// Appends the object's own properties, names and values, in the order PSObject.Properties lists
        /// them; false (and nothing appended) when the object is no PSCustomObject or the fast path is unavailable.
        /// </summary>
        public static bool TryRead(PSObject input, List<string> names, List<object> values)
        {
            if (InstanceMembers == null || input == null || !(input.BaseObject is PSCustomObject))
            {
                return false;
            }

            object members;
            try
            {
                members = InstanceMembers(input);
            }
            catch (Exception ex) when (!(ex is OutOfMemoryException))
            {
                return false;
            }

            if (members == null)
            {
                return true;
            }

            if (MemberTable != null)
            {
                OrderedDictionary table = MemberTable(members);
                if (table != null)
                {
                    // The engine's own readers and writers of this table lock it.
                    lock (table)
                    {
                        int count = table.Count;
                        for (int i = 0; i < count; i++)
                        {
                            Add(table[i] as PSMemberInfo, names, values);
                        }
                    }
                }

                return true;
            }

            foreach (PSMemberInfo member in (IEnumerable<PSMemberInfo>)members)
            {
                Add(member, names, values);
            }

            return true;
        }

        /// <summary>A property's value; null when its getter fails (a script property that throws), as PowerShell shows it.</summary>
        public static object ValueOf(PSPropertyInfo property)
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

        private static void Add(PSMemberInfo member, List<string> names, List<object> values)
        {
            // The engine's hidden reserved members (pstypenames, psobject, ...) are not listed by PSObject.Properties.
            if (member is PSPropertyInfo property && !IsReserved(property.Name))
            {
                names.Add(property.Name);
                values.Add(ValueOf(property));
            }
        }

        private static bool IsReserved(string name) =>
            name.Length > 2 && (name[0] == 'p' || name[0] == 'P') && (name[1] == 's' || name[1] == 'S')
            && (string.Equals(name, "pstypenames", StringComparison.OrdinalIgnoreCase)
                || string.Equals(name, "psobject", StringComparison.OrdinalIgnoreCase)
                || string.Equals(name, "psbase", StringComparison.OrdinalIgnoreCase)
                || string.Equals(name, "psadapted", StringComparison.OrdinalIgnoreCase)
                || string.Equals(name, "psextended", StringComparison.OrdinalIgnoreCase));

        private static Func<PSObject, object> CreateMembersReader(out Func<object, OrderedDictionary> table)
        {
            table = null;
            try
            {
                PropertyInfo property = typeof(PSObject).GetProperty("InstanceMembers", BindingFlags.Instance | BindingFlags.NonPublic);
                if (property == null || property.GetGetMethod(nonPublic: true) == null || !typeof(IEnumerable<PSMemberInfo>).IsAssignableFrom(property.PropertyType))
                {
                    return null;
                }

                ParameterExpression target = Expression.Parameter(typeof(PSObject), "target");
                Func<PSObject, object> members = Expression.Lambda<Func<PSObject, object>>(
                    Expression.Convert(Expression.Property(target, property), typeof(object)), target).Compile();
                table = CreateTableReader(property.PropertyType);
                return members;
            }
            catch (Exception ex) when (!(ex is OutOfMemoryException))
            {
                table = null;
                return null;
            }
        }

        /// <summary>Reads the collection's one OrderedDictionary field (named _members in PowerShell 7, members in 5.1); null unless there is exactly one.</summary>
        private static Func<object, OrderedDictionary> CreateTableReader(Type collectionType)
        {
            try
            {
                FieldInfo[] fields = collectionType.GetFields(BindingFlags.Instance | BindingFlags.NonPublic)
                    .Where(f => f.FieldType == typeof(OrderedDictionary))
                    .ToArray();
                if (fields.Length != 1)
                {
                    return null;
                }

                ParameterExpression collection = Expression.Parameter(typeof(object), "collection");
                return Expression.Lambda<Func<object, OrderedDictionary>>(
                    Expression.Field(Expression.Convert(collection, collectionType), fields[0]), collection).Compile();
            }
            catch (Exception ex) when (!(ex is OutOfMemoryException))
            {
                return null;
            }
        }
    }
}
