using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Reflection;

namespace CrmPS.Core
{
    /// <summary>
    /// Fills a cmdlet's <see cref="FromRowAttribute"/> parameters from each piped row, in place of the
    /// engine's by-property-name binding: a column fills a field when its name is the parameter's name
    /// or one of its aliases (any case), or when -ColumnMap maps it there (a mapped column wins, and a
    /// column mapped elsewhere no longer fills its own field). Fields given on the command line keep
    /// their value for every row. The columns' names are matched once per row shape. What cannot be
    /// read (a list in a one-value field, a number that is not one) is returned as the row's problems,
    /// naming the field; columns nothing takes are named in one warning per pipeline.
    /// </summary>
    internal sealed class RowFields
    {
        private readonly PSCmdlet _cmdlet;
        private readonly Field[] _fields;
        private readonly Dictionary<string, int> _fieldBySpelling = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, string> _columnMap;
        private readonly Func<string, bool> _isExtra;
        private readonly string _unusedRule;
        private readonly RowCells _cells = new RowCells();
        private readonly UnusedColumnLog _unused = new UnusedColumnLog();
        private readonly List<KeyValuePair<string, object>> _extras = new List<KeyValuePair<string, object>>();
        private Shape _shape;

        /// <param name="cmdlet">The cmdlet whose [FromRow] parameters are filled; its command-line parameters are read now (call from BeginProcessing).</param>
        /// <param name="columnMap">-ColumnMap (input column to a field's name, or to a name <paramref name="isExtra"/> accepts); null for none.</param>
        /// <param name="isExtra">Columns the cmdlet reads itself (custom fields), handed back in <see cref="Extras"/>; null for none.</param>
        /// <param name="extraHint">How -ColumnMap's error names those columns (", or a custom field ('f-&lt;guid&gt;')").</param>
        /// <param name="unusedRule">What the unused-columns warning adds about those columns ("; custom fields are ...").</param>
        /// <exception cref="ArgumentException">-ColumnMap names an empty column or a target the cmdlet does not take.</exception>
        public RowFields(PSCmdlet cmdlet, IDictionary columnMap, Func<string, bool> isExtra = null, string extraHint = "", string unusedRule = "")
        {
            _cmdlet = cmdlet;
            _isExtra = isExtra ?? (name => false);
            _unusedRule = unusedRule;
            var fields = new List<Field>();
            foreach (PropertyInfo property in cmdlet.GetType().GetProperties())
            {
                if (!property.IsDefined(typeof(FromRowAttribute), true))
                {
                    continue;
                }

                var field = new Field(property, cmdlet.MyInvocation.BoundParameters.ContainsKey(property.Name));
                _fieldBySpelling[property.Name] = fields.Count;
                foreach (AliasAttribute alias in property.GetCustomAttributes(typeof(AliasAttribute), true))
                {
                    foreach (string name in alias.AliasNames)
                    {
                        _fieldBySpelling[name] = fields.Count;
                    }
                }

                fields.Add(field);
            }

            _fields = fields.ToArray();
            _columnMap = ReadColumnMap(columnMap, extraHint);
        }

        /// <summary>The number of rows read so far: the current row's number, from 1.</summary>
        public long RowNumber { get; private set; }

        /// <summary>"Row N: ", the start of a message about the current row.</summary>
        public string RowLabel => $"Row {RowNumber}: ";

        /// <summary>The row's columns <c>isExtra</c> accepts, under the name they are sent as (their -ColumnMap target, else their own).</summary>
        public IReadOnlyList<KeyValuePair<string, object>> Extras => _extras;

        /// <summary>Adds "<paramref name="field"/> is required and is empty." when it is, unless a problem already names the field.</summary>
        public static void Require(List<string> problems, string field, bool isEmpty)
        {
            if (isEmpty && !problems.Any(p => p.StartsWith(field + " ", StringComparison.Ordinal)))
            {
                problems.Add($"{field} is required and is empty.");
            }
        }

        /// <summary>
        /// Reads one row into the cmdlet's fields, warning about columns nothing takes the first time
        /// they are seen; returns what could not be read (empty when all is well).
        /// </summary>
        public List<string> Read(object input)
        {
            RowNumber++;
            bool isRow = _cells.Read(input);
            if (_shape == null || !_shape.Fits(_cells.Names))
            {
                _shape = Resolve(_cells.Names);

                // A typed object (a customer from another cmdlet) carries other properties by design: only rows are reported.
                IReadOnlyList<string> unused = isRow ? _unused.TakeNew(_shape.Unused) : null;
                if (unused != null)
                {
                    string command = _cmdlet.MyInvocation.MyCommand.Name;
                    _cmdlet.WriteWarning(
                        $"{command} does not use the column(s) {string.Join(", ", unused.Select(n => "'" + n + "'"))}: their values are not sent. "
                        + $"Map a column with -ColumnMap @{{ 'E-mail Address' = 'Email' }}, or rename it to a name listed in Get-Help {command} -Full{_unusedRule}.");
                }
            }

            var problems = new List<string>();
            for (int i = 0; i < _fields.Length; i++)
            {
                Field field = _fields[i];
                if (field.GivenOnCommandLine)
                {
                    continue;
                }

                int column = _shape.ColumnOf[i];
                object raw = column >= 0 ? _cells.Values[column] : null;
                string problem = field.Set(_cmdlet, raw);
                if (problem != null)
                {
                    string source = column >= 0 && !string.Equals(_cells.Names[column], field.Name, StringComparison.OrdinalIgnoreCase)
                        ? $"{field.Name} (column '{_cells.Names[column]}')"
                        : field.Name;
                    problems.Add(source + problem);
                }
            }

            _extras.Clear();
            foreach (int column in _shape.ExtraColumns)
            {
                _extras.Add(new KeyValuePair<string, object>(_shape.SentAs(column), _cells.Values[column]));
            }

            return problems;
        }

        private Dictionary<string, string> ReadColumnMap(IDictionary columnMap, string extraHint) =>
            ColumnMapParameter.Read(
                columnMap,
                to => _fieldBySpelling.TryGetValue(to, out int field) ? _fields[field].Name : _isExtra(to) ? to : null,
                (from, to) => $"-ColumnMap maps '{from}' to '{to}', which is not a field {_cmdlet.MyInvocation.MyCommand.Name} takes: use a field name ({string.Join(", ", _fields.Select(f => f.Name))}){extraHint}.");

        private Shape Resolve(IReadOnlyList<string> names)
        {
            var shape = new Shape(names.ToArray(), _fields.Length);
            var targets = new string[names.Count];
            for (int i = 0; i < names.Count; i++)
            {
                string name = (names[i] ?? string.Empty).Trim();
                targets[i] = _columnMap != null && _columnMap.TryGetValue(name, out string mapped) ? mapped : null;
            }

            var taken = new bool[names.Count];

            // Mapped columns first, so they win over a column that only carries the field's name.
            for (int pass = 0; pass < 2; pass++)
            {
                for (int i = 0; i < names.Count; i++)
                {
                    if (taken[i] || (pass == 0) == (targets[i] == null))
                    {
                        continue;
                    }

                    string target = targets[i] ?? (names[i] ?? string.Empty).Trim();
                    if (_fieldBySpelling.TryGetValue(target, out int field))
                    {
                        if (shape.ColumnOf[field] < 0)
                        {
                            shape.ColumnOf[field] = i;
                            taken[i] = true;
                        }
                    }
                    else if (_isExtra(target))
                    {
                        shape.AddExtra(i, targets[i]);
                        taken[i] = true;
                    }
                }
            }

            for (int i = 0; i < names.Count; i++)
            {
                if (!taken[i])
                {
                    shape.Unused.Add(names[i]);
                }
            }

            return shape;
        }

        /// <summary>Which column fills which field, for one set of column names.</summary>
        private sealed class Shape
        {
            private readonly string[] _names;
            private readonly List<int> _extraColumns = new List<int>();
            private readonly Dictionary<int, string> _extraTargets = new Dictionary<int, string>();

            public Shape(string[] names, int fieldCount)
            {
                _names = names;
                ColumnOf = Enumerable.Repeat(-1, fieldCount).ToArray();
            }

            public int[] ColumnOf { get; }

            public IReadOnlyList<int> ExtraColumns => _extraColumns;

            public List<string> Unused { get; } = new List<string>();

            public void AddExtra(int column, string target)
            {
                _extraColumns.Add(column);
                _extraTargets[column] = target;
            }

            public string SentAs(int column) => _extraTargets[column] ?? _names[column].Trim();

            public bool Fits(IReadOnlyList<string> names) => RowCells.IsShape(names, _names);
        }

        /// <summary>One [FromRow] parameter: how a cell becomes its value.</summary>
        private sealed class Field
        {
            private readonly PropertyInfo _property;
            private readonly bool _isAddressList;
            private readonly ValidateRangeAttribute _range;

            public Field(PropertyInfo property, bool givenOnCommandLine)
            {
                _property = property;
                GivenOnCommandLine = givenOnCommandLine;
                _isAddressList = property.IsDefined(typeof(AddressListAttribute), true);
                _range = (ValidateRangeAttribute)property.GetCustomAttributes(typeof(ValidateRangeAttribute), true).FirstOrDefault();
            }

            public string Name => _property.Name;

            public bool GivenOnCommandLine { get; }

            /// <summary>Sets the parameter from the cell (its default when the cell is missing or empty); returns the problem, worded to follow the field's name, or null.</summary>
            public string Set(object cmdlet, object cell)
            {
                object value = ValueText.Unwrap(cell);
                Type type = _property.PropertyType;
                IEnumerable list = CellValues.AsList(value);
                List<string> items = list != null ? CellValues.ListItems(list) : null;
                object converted;
                if (type == typeof(string[]))
                {
                    converted = items != null ? items.ToArray() : IsBlank(value) ? null : new[] { ValueText.Of(value) };
                }
                else if (items != null && items.Count > 1 && !(type == typeof(string) && _isAddressList))
                {
                    _property.SetValue(cmdlet, Default(type));
                    return CellValues.SeveralWhereOne(items, v => v);
                }
                else
                {
                    string text = items != null ? (items.Count == 0 ? null : string.Join(", ", items)) : IsBlank(value) ? null : ValueText.Of(value);
                    if (type == typeof(string) || text == null)
                    {
                        converted = type == typeof(string) ? text : Default(type);
                    }
                    else if (!LanguagePrimitives.TryConvertTo(text.Trim(), type, CultureInfo.InvariantCulture, out converted))
                    {
                        _property.SetValue(cmdlet, Default(type));
                        return $" '{text}' is not {Describe(type)}.";
                    }
                    else if (_range != null && !InRange(converted))
                    {
                        _property.SetValue(cmdlet, Default(type));
                        return $" {text.Trim()} is out of range: it must be from {_range.MinRange} to {_range.MaxRange}.";
                    }
                }

                _property.SetValue(cmdlet, converted);
                return null;
            }

            private static bool IsBlank(object value) => value == null || (value is string text && text.Trim().Length == 0);

            private static object Default(Type type) => type.IsValueType ? Activator.CreateInstance(type) : null;

            private static string Describe(Type type) =>
                type == typeof(int) || type == typeof(long) ? "a whole number" : "a " + type.Name;

            private bool InRange(object value) =>
                value is IComparable comparable
                && comparable.CompareTo(Convert.ChangeType(_range.MinRange, value.GetType(), CultureInfo.InvariantCulture)) >= 0
                && comparable.CompareTo(Convert.ChangeType(_range.MaxRange, value.GetType(), CultureInfo.InvariantCulture)) <= 0;
        }
    }
}
