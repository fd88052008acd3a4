using System;
using System.Collections;
using System.Collections.Specialized;
using System.Management.Automation;

namespace CrmPS.Cdb
{
    /// <summary>The custom fields New-CdbCustomer and New-CdbPipeline send: -CustomField for every input, plus the row's own f-... columns.</summary>
    public abstract class CdbCustomFieldCmdlet : CdbCmdlet
    {
        private OrderedDictionary _customFields;

        /// <summary>Custom-field id (f-...) to value, for every input of this call; wins over a column of the same id.</summary>
        [Parameter]
        [ValidateNotNull]
        public IDictionary CustomField { get; set; }

        /// <summary>The whole input row: columns named like a custom-field id (f-...) are read from it.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public PSObject InputObject { get; set; }

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

        /// <summary>The custom fields of the current input row merged with -CustomField.</summary>
        internal OrderedDictionary RowCustomFields() => CdbCustomFields.Merge(InputObject, _customFields);
    }
}
