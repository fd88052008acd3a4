using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CrmPS.Sandbox
{
    /// <summary>POST /api/clientinquiry/{a}/{b}/{c}: the body fields and path parameters, validated CodeIgniter-style.</summary>
    internal sealed class BizstimInquiryRequest
    {
        private static readonly Regex EmailShape = new Regex(@"^[^@\s,;]+@[^@\s,;]+\.[^@\s,;]+$", RegexOptions.CultureInvariant);

        private static readonly KeyValuePair<string, string>[] RequiredFields =
        {
            Field("first_name", "First Name"), Field("last_name", "Last Name"), Field("city", "City"),
            Field("state", "State"), Field("country", "Country"), Field("email", "Email"), Field("message", "Message"),
        };

        private readonly Dictionary<string, string> _fields;
        private readonly List<string> _errors = new List<string>();

        private BizstimInquiryRequest(Dictionary<string, string> fields) => _fields = fields;

        public IReadOnlyList<string> Errors => _errors;

        public SandboxInquiry Inquiry { get; private set; }

        /// <summary>The three path segments after "clientinquiry" (at most three, still escaped).</summary>
        public static BizstimInquiryRequest Parse(SandboxRequest request, IList<string> parameters)
        {
            var parsed = new BizstimInquiryRequest(ReadFields(request));
            parsed.ValidateParameters(parameters);
            parsed.ValidateFields();
            if (parsed._errors.Count == 0) parsed.Inquiry = parsed.BuildInquiry(parameters);
            return parsed;
        }

        public string ErrorList() =>
            "<ul>" + string.Concat(_errors.Select(e => "<li>" + e + "</li>")) + "</ul>";

        public static bool LooksLikeEmail(string text) => EmailShape.IsMatch(text ?? "");

        private static KeyValuePair<string, string> Field(string name, string label) =>
            new KeyValuePair<string, string>(name, label);

        private string Value(string name) => _fields.TryGetValue(name, out var value) ? value.Trim() : "";

        private void ValidateParameters(IList<string> parameters)
        {
            var a = parameters.Count > 0 ? parameters[0] : null;
            var b = parameters.Count > 1 ? parameters[1] : null;
            if (a != null && a != "0" && a != "1") _errors.Add("The save-as-prospect parameter (a) must be 0 or 1.");
            if (b != null && b != "1" && b != "2" && b != "3") _errors.Add("The recipient parameter (b) must be 1, 2 or 3.");
            if ((b == "2" || b == "3") && parameters.Count < 3) _errors.Add("The recipient parameter (c) is required when b is 2 or 3.");
        }

        private void ValidateFields()
        {
            foreach (var field in RequiredFields)
            {
                if (Value(field.Key).Length == 0) _errors.Add("The " + field.Value + " field is required.");
            }

            var email = Value("email");
            if (email.Length > 0 && !LooksLikeEmail(email)) _errors.Add("The Email field must contain a valid email address.");
        }

        private SandboxInquiry BuildInquiry(IList<string> parameters)
        {
            var inquiry = new SandboxInquiry
            {
                FirstName = Value("first_name"),
                LastName = Value("last_name"),
                City = Value("city"),
                State = Value("state"),
                Country = Value("country"),
                Email = Value("email"),
                PrimaryPhone = Value("p_phone"),
                Message = Value("message"),
                SaveAsProspect = parameters.Count > 0 && parameters[0] == "1",
            };
            SetRecipient(inquiry, parameters.Count > 1 ? parameters[1] : "1", parameters.Count > 2 ? SandboxUrl.Unescape(parameters[2]) : "");
            return inquiry;
        }

        private static void SetRecipient(SandboxInquiry inquiry, string kind, string target)
        {
            if (kind == "2")
            {
                inquiry.RecipientKind = SandboxRecipientKind.Staff;
                inquiry.Recipient = target;
                return;
            }

            var address = target.Replace('_', '@').Replace('~', '.');
            // The vendor falls back to the admin when a defined address does not decode to a valid e-mail.
            if (kind == "3" && LooksLikeEmail(address))
            {
                inquiry.RecipientKind = SandboxRecipientKind.DefinedEmail;
                inquiry.Recipient = address;
            }
        }

        private static Dictionary<string, string> ReadFields(SandboxRequest request)
        {
            var body = request.Body ?? Array.Empty<byte>();
            var text = Encoding.UTF8.GetString(body).Trim();
            var isForm = (request.ContentType ?? "").IndexOf("x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) >= 0;
            return !isForm && text.StartsWith("{", StringComparison.Ordinal) ? JsonFields(text) : FormFields(text);
        }

        private static Dictionary<string, string> FormFields(string text)
        {
            var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var pair in SandboxUrl.Pairs(text))
            {
                if (!fields.ContainsKey(pair.Key)) fields[pair.Key] = pair.Value;
            }

            return fields;
        }

        private static Dictionary<string, string> JsonFields(string text)
        {
            var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            try
            {
                using (var document = JsonDocument.Parse(text))
                {
                    foreach (var property in document.RootElement.EnumerateObject())
                    {
                        if (!fields.ContainsKey(property.Name)) fields[property.Name] = ScalarText(property.Value);
                    }
                }
            }
            catch (JsonException)
            {
                fields.Clear();
            }

            return fields;
        }

        private static string ScalarText(JsonElement value) =>
            value.ValueKind == JsonValueKind.String ? value.GetString()
            : value.ValueKind == JsonValueKind.Number ? value.GetRawText()
            : "";
    }
}
