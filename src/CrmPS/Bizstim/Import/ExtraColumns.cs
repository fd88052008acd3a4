using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using CrmPS.Core;

namespace CrmPS.Bizstim
{
    /// <summary>
    /// Resolves the columns of the input rows once per shape (the ordered set of property names):
    /// which fixed column each property feeds (by the parameter binder's names and aliases, or by
    /// -ColumnMap), which are custom fields and tags, and which are not used at all. One reader per
    /// pipeline. For PSCustomObjects it reads the row's own properties (see <see cref="OwnProperties"/>),
    /// after checking once, on the first such row, that they are exactly what PSObject.Properties lists;
    /// if not (type data adds properties), it reads PSObject.Properties for the rest of the pipeline.
    /// </summary>
    internal sealed class ExtraColumns
    {
        private static readonly IReadOnlyList<KeyValuePair<string, object>> None = new KeyValuePair<string, object>[0];
        private readonly Dictionary<string, string> _columnMap;
        private readonly HashSet<string> _reportedUnused = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        private bool? _ownPropertiesAreAll;
        private Shape _shape;
        private List<PSPropertyInfo> _current;

        public ExtraColumns()
            : this(null)
        {
        }

        /// <param name="columnMap">-ColumnMap: input column name to the column it stands for (a parameter name, an accepted header, a custom field or tags).</param>
        public ExtraColumns(IDictionary columnMap)
        {
            _columnMap = ReadColumnMap(columnMap);
        }

        /// <summary>The row's custom-field and tags columns, in property order, with their values (under their mapped names).</summary>
        public IReadOnlyList<KeyValuePair<string, object>> Read(PSObject input)
        {
            _current = null;
            if (input == null)
            {
                return None;
            }

            List<PSPropertyInfo> properties = Properties(input);
            _current = properties;
            Shape shape = ShapeOf(properties, input.BaseObject is PSCustomObject);

            List<KeyValuePair<string, object>> extras = null;
            for (int i = 0; i < properties.Count; i++)
            {
                string target = shape.ExtraTargets[i];
                if (target != null)
                {
                    extras = extras ?? new List<KeyValuePair<string, object>>();
                    extras.Add(new KeyValuePair<string, object>(target, SafeValue(properties[i])));
                }
            }

            return (IReadOnlyList<KeyValuePair<string, object>>)extras ?? None;
        }

        /// <summary>
        /// Completes the 16 bound values of the row last read: with -ColumnMap a mapped column comes from its
        /// property and a column whose property is mapped elsewhere is cleared (the binder knows nothing of
        /// the map), while values given on the command line stay; otherwise a value the binder left
        /// empty is taken from its property when there is one (a list, which the binder drops silently).
        /// </summary>
        public void FillFixed(object[] fixedValues)
        {
            if (_current == null)
            {
                return;
            }

            int[] sources = _shape.FixedSources;
            for (int column = 0; column < fixedValues.Length; column++)
            {
                int source = sources[column];
                if (_columnMap != null && (source >= 0 || _shape.RemappedAway[column]))
                {
                    fixedValues[column] = source >= 0 ? SafeValue(_current[source]) : null;
                }
                else if (fixedValues[column] == null && source >= 0)
                {
                    fixedValues[column] = SafeValue(_current[source]);
                }
            }
        }

        /// <summary>Columns of the row last read that nothing uses and that were not reported before; null when there are none.</summary>
        public IReadOnlyList<string> TakeNewUnused()
        {
            if (_shape == null || _shape.Unused.Count == 0)
            {
                return null;
            }

            List<string> fresh = null;
            foreach (string name in _shape.Unused)
            {
                if (_reportedUnused.Add(name))
                {
                    fresh = fresh ?? new List<string>();
                    fresh.Add(name);
                }
            }

            return fresh;
        }

        private List<PSPropertyInfo> Properties(PSObject input)
        {
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
                        return own;
                    }
                }
            }

            return new List<PSPropertyInfo>(input.Properties);
        }

        private Shape ShapeOf(List<PSPropertyInfo> properties, bool isRow)
        {
            if (_shape != null && _shape.Matches(properties))
            {
                return _shape;
            }

            _shape = new Shape(properties, _columnMap, isRow);
            return _shape;
        }

        private static Dictionary<string, string> ReadColumnMap(IDictionary columnMap)
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

                if (ClientColumns.ColumnOf(to) < 0 && !ClientColumns.IsCustomField(to, out _) && !ClientColumns.IsTags(to))
                {
                    throw new ArgumentException(
                        $"-ColumnMap maps '{from}' to '{to}', which is not a column Import-BizstimClient sends: use a parameter name ({string.Join(", ", ClientColumns.ParameterNames)}), a custom field ('105_student_id') or 'tags'.");
                }

                map[from] = to;
            }

            return map;
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

        /// <summary>What each property of one row shape is used for.</summary>
        private sealed class Shape
        {
            private readonly string[] _names;

            public Shape(List<PSPropertyInfo> properties, Dictionary<string, string> columnMap, bool isRow)
            {
                _names = new string[properties.Count];
                ExtraTargets = new string[properties.Count];
                FixedSources = new int[ClientColumns.FixedLabels.Count];
                RemappedAway = new bool[FixedSources.Length];
                for (int i = 0; i < FixedSources.Length; i++)
                {
                    FixedSources[i] = -1;
                }

                var unused = new List<string>();
                for (int i = 0; i < properties.Count; i++)
                {
                    string name = properties[i].Name;
                    _names[i] = name;
                    string target = columnMap != null && columnMap.TryGetValue(name, out string mapped) ? mapped : name;
                    int column = ClientColumns.ColumnOf(target);
                    int natural = ClientColumns.ColumnOf(name);
                    if (natural >= 0 && natural != column)
                    {
                        RemappedAway[natural] = true;
                    }

                    if (column >= 0)
                    {
                        // A mapped column wins over one that only carries the name.
                        if (FixedSources[column] < 0 || !ReferenceEquals(target, name))
                        {
                            FixedSources[column] = i;
                        }
                    }
                    else if (ClientColumns.IsCustomField(target, out _) || ClientColumns.IsTags(target))
                    {
                        ExtraTargets[i] = target;
                    }
                    else
                    {
                        unused.Add(name);
                    }
                }

                // Typed objects (a Client from Get-BizstimClient) carry read-only fields by design: only rows are reported.
                Unused = isRow ? unused : new List<string>();
            }

            public string[] ExtraTargets { get; }

            public int[] FixedSources { get; }

            /// <summary>Per fixed column: the binder filled it from a property that -ColumnMap sends elsewhere.</summary>
            public bool[] RemappedAway { get; }

            public IReadOnlyList<string> Unused { get; }

            public bool Matches(List<PSPropertyInfo> properties)
            {
                if (properties.Count != _names.Length)
                {
                    return false;
                }

                for (int i = 0; i < _names.Length; i++)
                {
                    if (!string.Equals(properties[i].Name, _names[i], StringComparison.Ordinal))
                    {
                        return false;
                    }
                }

                return true;
            }
        }
    }
}
