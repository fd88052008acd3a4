using System;
using System.Collections;
using System.Collections.Generic;
using CrmPS.Core;

namespace CrmPS.Bizstim
{
    /// <summary>
    /// Which input column feeds which client field, worked out once for a set of column names (a CSV
    /// header, or the property names of a row shape) and reused for every row of that shape. A column
    /// counts for a fixed field when its name is one of the field's spellings (any case): the
    /// PowerShell name, the vendor's label, the API's field name, or a common alias. Columns named
    /// <c>&lt;number&gt;_&lt;text&gt;</c> (or a bare number, 1 or more) are custom fields; <c>tags</c>
    /// holds tags. -ColumnMap renames columns first: a mapped column wins over one that only has the
    /// field's name, and a column mapped elsewhere no longer fills its own field. Otherwise the first
    /// column that matches a field wins; every other column is unused.
    /// </summary>
    internal sealed class ClientColumnMap
    {
        /// <summary>The names a column may have to fill each fixed field, in ClientColumns order.</summary>
        public static readonly IReadOnlyList<IReadOnlyList<string>> Spellings = new[]
        {
            new[] { "FirstName", "first name", "first_name", "GivenName" },
            new[] { "LastName", "last name", "last_name", "Surname" },
            new[] { "Address1", "address 1", "Street" },
            new[] { "Address2", "address 2" },
            new[] { "City" },
            new[] { "State", "Province" },
            new[] { "ZipCode", "zip", "zip code", "postal code", "PostalCode" },
            new[] { "Country" },
            new[] { "PrimaryPhone", "primary phone", "p_phone", "Phone" },
            new[] { "SecondaryPhone", "secondary phone", "s_phone" },
            new[] { "MobilePhone", "mobile phone", "text_phone", "Mobile" },
            new[] { "Email", "e-mail", "EmailAddress" },
            new[] { "DateOfBirth", "DOB", "date of birth", "BirthDate" },
            new[] { "Status" },
            new[] { "StartDate", "start date", "start_date" },
            new[] { "Notes", "Note" },
        };

        private static readonly Dictionary<string, int> FieldBySpelling = BuildSpellingIndex();

        private readonly string[] _names;

        private readonly string[] _targets;

        private ClientColumnMap(string[] names, string[] targets, int[] fixedColumns, int[] extraColumns, string[] unused)
        {
            _names = names;
            _targets = targets;
            FixedColumns = fixedColumns;
            ExtraColumns = extraColumns;
            Unused = unused;
            ExtraColumnKinds = new ExtraColumn[extraColumns.Length];
            for (int i = 0; i < extraColumns.Length; i++)
            {
                ExtraColumnKinds[i] = ExtraColumn.Of(SentAs(extraColumns[i]));
            }
        }

        /// <summary>For each fixed field (ClientColumns order), the index of the column that fills it, or -1.</summary>
        public int[] FixedColumns { get; }

        /// <summary>The indexes of the custom-field and tags columns, in column order.</summary>
        public int[] ExtraColumns { get; }

        /// <summary>What each of <see cref="ExtraColumns"/> is (a custom field, or tags), in the same order.</summary>
        public ExtraColumn[] ExtraColumnKinds { get; }

        /// <summary>The names of the columns no field takes.</summary>
        public IReadOnlyList<string> Unused { get; }

        public IReadOnlyList<string> Names => _names;

        /// <summary>The name a column is sent under: its -ColumnMap target, else its own name.</summary>
        public string SentAs(int column) => _targets[column] ?? _names[column];

        /// <summary>The fixed field (ClientColumns order) a column of this name fills; -1 for none.</summary>
        public static int FieldOf(string name) => name != null && FieldBySpelling.TryGetValue(name.Trim(), out int field) ? field : -1;

        /// <summary>
        /// Checks -ColumnMap (input column to a field's name, a custom field or tags) and returns it as a
        /// case-insensitive dictionary; null when empty. Throws ArgumentException naming a bad entry.
        /// </summary>
        public static Dictionary<string, string> ReadColumnMap(IDictionary columnMap) =>
            ColumnMapParameter.Read(
                columnMap,
                to => FieldOf(to) >= 0 || ClientColumns.IsCustomField(to, out _) || ClientColumns.IsTags(to) ? to : null,
                (from, to) => $"-ColumnMap maps '{from}' to '{to}', which is not a column Import-BizstimClient sends: use a field name ({string.Join(", ", ClientColumns.ParameterNames)}), a custom field ('105_student_id') or 'tags'.");

        public static ClientColumnMap Resolve(IReadOnlyList<string> names, IReadOnlyDictionary<string, string> columnMap = null)
        {
            var copy = new string[names.Count];
            var fixedColumns = new int[ClientColumns.FixedLabels.Count];
            for (int i = 0; i < fixedColumns.Length; i++)
            {
                fixedColumns[i] = -1;
            }

            var extras = new List<int>();
            var unused = new List<string>();
            var targets = new string[copy.Length];
            for (int i = 0; i < copy.Length; i++)
            {
                copy[i] = names[i] ?? string.Empty;
                targets[i] = columnMap != null && columnMap.TryGetValue(copy[i].Trim(), out string mapped) ? mapped : null;
            }

            // Mapped columns first, so they win over a column that only carries the field's name.
            for (int i = 0; i < copy.Length; i++)
            {
                int field = FieldOf(targets[i]);
                if (field >= 0 && fixedColumns[field] < 0)
                {
                    fixedColumns[field] = i;
                }
            }

            for (int i = 0; i < copy.Length; i++)
            {
                string target = targets[i] ?? copy[i];
                int field = FieldOf(target);
                if (field >= 0)
                {
                    if (fixedColumns[field] < 0)
                    {
                        fixedColumns[field] = i;
                    }
                    else if (fixedColumns[field] != i)
                    {
                        unused.Add(copy[i]);
                    }
                }
                else if (ClientColumns.IsCustomField(target, out _) || ClientColumns.IsTags(target))
                {
                    extras.Add(i);
                }
                else
                {
                    unused.Add(copy[i]);
                }
            }

            return new ClientColumnMap(copy, targets, fixedColumns, extras.ToArray(), unused.ToArray());
        }

        /// <summary>True when <paramref name="names"/> are this map's columns, in the same order.</summary>
        public bool Fits(IReadOnlyList<string> names) => RowCells.IsShape(names, _names);

        private static Dictionary<string, int> BuildSpellingIndex()
        {
            var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            for (int field = 0; field < Spellings.Count; field++)
            {
                foreach (string spelling in Spellings[field])
                {
                    index[spelling] = field;
                }

                index[ClientColumns.FixedLabels[field]] = field;
            }

            // The API's own field names where they differ from the above.
            index["address1"] = ClientColumns.Address1;
            index["address2"] = ClientColumns.Address2;
            index["zipcode"] = ClientColumns.ZipCode;
            index["email"] = ClientColumns.Email;
            index["dob"] = ClientColumns.DateOfBirth;
            return index;
        }
    }
}
