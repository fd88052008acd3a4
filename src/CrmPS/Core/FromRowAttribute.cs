using System;

namespace CrmPS.Core
{
    /// <summary>
    /// Marks a parameter that a piped row (an Import-Csv row, a hashtable, another cmdlet's object)
    /// also fills, from the column named like the parameter or one of its aliases, or the column
    /// -ColumnMap maps to it. <see cref="RowFields"/> reads these instead of the engine's by-property-name
    /// binding, so a mandatory field missing from one row is that row's error, not a binding failure, a
    /// list in a one-value field is named as such, and -ColumnMap can rename columns.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property)]
    internal sealed class FromRowAttribute : Attribute
    {
    }
}
