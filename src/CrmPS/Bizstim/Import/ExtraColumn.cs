namespace CrmPS.Bizstim
{
    /// <summary>What a column beyond the 16 fixed fields carries: a custom field (its number and header label), tags, or neither.</summary>
    internal sealed class ExtraColumn
    {
        private ExtraColumn(string fieldId, string label, bool isTags)
        {
            FieldId = fieldId;
            Label = label;
            IsTags = isTags;
        }

        /// <summary>The custom field's number; null when the column is no custom field.</summary>
        public string FieldId { get; }

        public string Label { get; }

        public bool IsTags { get; }

        /// <summary>Classifies a column by the name it is sent under.</summary>
        public static ExtraColumn Of(string name) =>
            ClientColumns.IsCustomField(name, out string fieldId)
                ? new ExtraColumn(fieldId, ClientColumns.CustomFieldLabel(name), false)
                : new ExtraColumn(null, null, ClientColumns.IsTags(name));
    }
}
