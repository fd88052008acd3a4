using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using CrmPS.Core;

namespace CrmPS.Bizstim
{
    /// <summary>One input row read into the client fields: the 16 fixed values and the custom-field and tags columns.</summary>
    internal sealed class ClientRowValues
    {
        private static readonly IReadOnlyList<KeyValuePair<string, object>> NoExtras = new KeyValuePair<string, object>[0];

        public ClientRowValues(object[] fixedValues, IReadOnlyList<KeyValuePair<string, object>> extras)
        {
            FixedValues = fixedValues;
            Extras = extras ?? NoExtras;
        }

        public object[] FixedValues { get; }

        public IReadOnlyList<KeyValuePair<string, object>> Extras { get; }

        public string Text(int field) => ValueText.Of(FixedValues[field]);
    }

    /// <summary>
    /// Reads pipeline rows (Import-Csv rows and other PSCustomObjects, hashtables, .NET objects such as
    /// Get-BizstimClient's) into client fields. The rows' column names are matched to fields once per
    /// shape (<see cref="ClientColumnMap"/>) and the map reused while the shape stays the same, so a
    /// row costs a walk over its own values, not a name lookup per field. One reader per pipeline.
    /// </summary>
    internal sealed class ClientRowReader
    {
        private readonly List<string> _names = new List<string>();
        private readonly List<object> _values = new List<object>();
        private readonly IReadOnlyDictionary<string, string> _columnMap;
        private readonly UnusedColumnLog _unused = new UnusedColumnLog();
        private ClientColumnMap _map;
        private bool? _ownPropertiesAreAll;

        /// <param name="columnMap">-ColumnMap, checked by <see cref="ClientColumnMap.ReadColumnMap"/>; null for none.</param>
        public ClientRowReader(IReadOnlyDictionary<string, string> columnMap = null)
        {
            _columnMap = columnMap;
        }

        /// <summary>Columns of the row just read that no field takes and that were not reported before; null when none.</summary>
        public IReadOnlyList<string> NewUnusedColumns { get; private set; }

        public ClientRowValues Read(object input)
        {
            _names.Clear();
            _values.Clear();
            bool isRow = Collect(input);
            if (_map == null || !_map.Fits(_names))
            {
                _map = ClientColumnMap.Resolve(_names, _columnMap);

                // A typed object (a client from Get-BizstimClient) carries read-only fields by design: only rows are reported.
                NewUnusedColumns = isRow ? _unused.TakeNew(_map.Unused) : null;
            }
            else
            {
                NewUnusedColumns = null;
            }

            return Project(_map, _values);
        }

        /// <summary>Matches a file's header to the fields, as <see cref="Read"/> does a row's; sets <see cref="NewUnusedColumns"/>.</summary>
        public ClientColumnMap ResolveHeader(IReadOnlyList<string> header)
        {
            ClientColumnMap map = ClientColumnMap.Resolve(header, _columnMap);
            NewUnusedColumns = _unused.TakeNew(map.Unused);
            return map;
        }

        /// <summary>The fields of a record read from a file whose header <paramref name="map"/> resolved.</summary>
        public static ClientRowValues Project(ClientColumnMap map, IReadOnlyList<object> values)
        {
            var fixedValues = new object[map.FixedColumns.Length];
            for (int field = 0; field < fixedValues.Length; field++)
            {
                int column = map.FixedColumns[field];
                fixedValues[field] = column >= 0 ? values[column] : null;
            }

            List<KeyValuePair<string, object>> extras = null;
            if (map.ExtraColumns.Length > 0)
            {
                extras = new List<KeyValuePair<string, object>>(map.ExtraColumns.Length);
                foreach (int column in map.ExtraColumns)
                {
                    extras.Add(new KeyValuePair<string, object>(map.SentAs(column), values[column]));
                }
            }

            return new ClientRowValues(fixedValues, extras);
        }

        /// <summary>Reads the row's column names and values; true when it is a row (PSCustomObject or hashtable), not a typed object.</summary>
        private bool Collect(object input)
        {
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

            PSObject row = input as PSObject ?? PSObject.AsPSObject(input);
            IEnumerable<PSPropertyInfo> properties = row.Properties;
            if (_ownPropertiesAreAll != false)
            {
                List<PSPropertyInfo> own = OwnProperties.TryRead(row);
                if (own != null)
                {
                    // Checked once per pipeline: type data could add properties the fast path does not see.
                    _ownPropertiesAreAll = _ownPropertiesAreAll ?? SameNames(own, row.Properties);
                    if (_ownPropertiesAreAll == true)
                    {
                        properties = own;
                    }
                }
            }

            foreach (PSPropertyInfo property in properties)
            {
                _names.Add(property.Name);
                _values.Add(SafeValue(property));
            }

            return baseObject is PSCustomObject;
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
