using CrmPS.Core;

namespace CrmPS.Cdb
{
    /// <summary>One create call: the endpoint under the base address, the form fields, and what is being created (for messages).</summary>
    internal sealed class CdbRequest
    {
        public CdbRequest(string path, string what, FormFields fields)
        {
            Path = path;
            What = what;
            Fields = fields;
        }

        public string Path { get; }

        public string What { get; }

        public FormFields Fields { get; }
    }
}
