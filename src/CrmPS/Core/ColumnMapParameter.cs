using System;
using System.Collections;
using System.Collections.Generic;

namespace CrmPS.Core
{
    /// <summary>Reads a cmdlet's -ColumnMap: input column name to the field (or other column) it stands for.</summary>
    internal static class ColumnMapParameter
    {
        /// <summary>
        /// The map as a case-insensitive dictionary from column to target; null when empty.
        /// <paramref name="resolve"/> gives the name a target is kept under, or null when the cmdlet does not take it;
        /// <paramref name="refusal"/> words the error for (column, target) then.
        /// </summary>
        /// <exception cref="ArgumentException">An empty column name, or a target the cmdlet does not take.</exception>
        public static Dictionary<string, string> Read(IDictionary columnMap, Func<string, string> resolve, Func<string, string, string> refusal)
        {
            if (columnMap == null || columnMap.Count == 0)
            {
                return null;
            }

            var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (DictionaryEntry entry in columnMap)
            {
                string from = ValueText.Of(entry.Key).Trim();
                string to = ValueText.Of(entry.Value).Trim();
                if (from.Length == 0)
                {
                    throw new ArgumentException("-ColumnMap has an empty column name: each key is a column of the input, such as @{ 'E-mail Address' = 'Email' }.");
                }

                map[from] = resolve(to) ?? throw new ArgumentException(refusal(from, to));
            }

            return map;
        }
    }
}
