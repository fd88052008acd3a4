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

        public ClientRowValues(object[] fixedValues, IReadOnlyList<KeyValuePair<string, object>> extras, IReadOnlyList<ExtraColumn> extraColumnKinds = null)
        {
            FixedValues = fixedValues;
            Extras = extras ?? NoExtras;
            ExtraColumnKinds = extras == null ? null : extraColumnKinds;
        }

        public object[] FixedValues { get; }

        public IReadOnlyList<KeyValuePair<string, object>> Extras { get; }

        /// <summary>What each of <see cref="Extras"/> is, as the column map classified it; null when not known.</summary>
        public IReadOnlyList<ExtraColumn> ExtraColumnKinds { get; }

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
        private readonly RowCells _cells = new RowCells();
        private readonly IReadOnlyDictionary<string, string> _columnMap;
        private readonly UnusedColumnLog _unused = new UnusedColumnLog();
        private ClientColumnMap _map;

        /// <param name="columnMap">-ColumnMap, checked by <see cref="ClientColumnMap.ReadColumnMap"/>; null for none.</param>
        public ClientRowReader(IReadOnlyDictionary<string, string> columnMap = null)
        {
            _columnMap = columnMap;
        }

        /// <summary>Columns of the row just read that no field takes and that were not reported before; null when none.</summary>
        public IReadOnlyList<string> NewUnusedColumns { get; private set; }

        public ClientRowValues Read(object input)
        {
            bool isRow = _cells.Read(input);
            if (_map == null || !_map.Fits(_cells.Names))
            {
                _map = ClientColumnMap.Resolve(_cells.Names, _columnMap);

                // A typed object (a client from Get-BizstimClient) carries read-only fields by design: only rows are reported.
                NewUnusedColumns = isRow ? _unused.TakeNew(_map.Unused) : null;
            }
            else
            {
                NewUnusedColumns = null;
            }

            return Project(_map, _cells.Values);
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

            KeyValuePair<string, object>[] extras = null;
            if (map.ExtraColumns.Length > 0)
            {
                extras = new KeyValuePair<string, object>[map.ExtraColumns.Length];
                for (int i = 0; i < extras.Length; i++)
                {
                    int column = map.ExtraColumns[i];
                    extras[i] = new KeyValuePair<string, object>(map.SentAs(column), values[column]);
                }
            }

            return new ClientRowValues(fixedValues, extras, map.ExtraColumnKinds);
        }
    }
}
