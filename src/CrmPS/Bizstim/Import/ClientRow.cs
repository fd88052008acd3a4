using System.Collections.Generic;

namespace CrmPS.Bizstim
{
    /// <summary>One validated input row, ready to be placed in a batch.</summary>
    internal sealed class ClientRow
    {
        public ClientRow(long rowNumber, string[] fixedValues, IReadOnlyList<CustomFieldValue> customFields, string tags, object source = null)
        {
            Source = source;
            RowNumber = rowNumber;
            FixedValues = fixedValues;
            CustomFields = customFields;
            Tags = tags;
        }

        public long RowNumber { get; }

        /// <summary>The input object the row came from, handed back as the TargetObject of errors about its batch.</summary>
        public object Source { get; }

        /// <summary>The 16 fixed columns, already in the form Bizstim expects.</summary>
        public string[] FixedValues { get; }

        public IReadOnlyList<CustomFieldValue> CustomFields { get; }

        /// <summary>Comma-separated tags, or null for none.</summary>
        public string Tags { get; }
    }

    internal sealed class CustomFieldValue
    {
        public CustomFieldValue(string fieldId, string label, string value)
        {
            FieldId = fieldId;
            Label = label;
            Value = value;
        }

        /// <summary>The number before the underscore; two labels with the same number are one field.</summary>
        public string FieldId { get; }

        public string Label { get; }

        public string Value { get; }
    }
}
