using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Management.Automation;

namespace CrmPS.Cdb
{
    /// <summary>The custom fields New-CdbCustomer and New-CdbPipeline send: -CustomField for every input, plus the input's own f-... columns.</summary>
    public abstract class CdbCustomFieldCmdlet : CdbCmdlet
    {
        private OrderedDictionary _customFields;

        /// <summary>Custom-field id (f-...) to value, for every input of this call; wins over a column of the same id.</summary>
        [Parameter]
        [ValidateNotNull]
        public IDictionary CustomField { get; set; }

        protected override void BeginProcessing()
        {
            try
            {
                _customFields = CdbCustomFields.FromParameter(CustomField);
            }
            catch (ArgumentException ex)
            {
                ThrowTerminatingError(new ErrorRecord(ex, "CdbCustomFieldInvalid", ErrorCategory.InvalidArgument, CustomField));
            }
        }

        /// <summary>The custom fields of an input object (its f-... properties) merged with -CustomField.</summary>
        internal OrderedDictionary CustomFieldsOf(PSObject input) => CdbCustomFields.Merge(input, _customFields);

        /// <summary>A row's custom-field columns (field id, value) merged with -CustomField.</summary>
        internal OrderedDictionary CustomFieldsOf(IEnumerable<KeyValuePair<string, object>> columns) => CdbCustomFields.Merge(columns, _customFields);
    }
}
