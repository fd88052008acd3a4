using System.IO;
using System.Text.Json;
using CrmPS.Core;

namespace CrmPS.Bizstim
{
    internal enum InquiryRecipient
    {
        Admin = 1,
        Staff = 2,
        Email = 3,
    }

    /// <summary>A sales inquiry and the route that says who is told about it: /api/clientinquiry/{a}/{b}/{c}.</summary>
    internal sealed class InquiryRequest
    {
        public string FirstName { get; set; }

        public string LastName { get; set; }

        public string City { get; set; }

        public string State { get; set; }

        public string Country { get; set; }

        public string Email { get; set; }

        public string Phone { get; set; }

        public string Message { get; set; }

        public bool SaveAsProspect { get; set; }

        public InquiryRecipient Recipient { get; set; } = InquiryRecipient.Admin;

        /// <summary>The staff username or the e-mail address, per <see cref="Recipient"/>.</summary>
        public string RecipientValue { get; set; }

        public string RelativePath
        {
            get
            {
                string path = $"api/clientinquiry/{(SaveAsProspect ? 1 : 0)}/{(int)Recipient}";
                switch (Recipient)
                {
                    case InquiryRecipient.Staff:
                        return path + "/" + PathSegment.Escape(RecipientValue);
                    case InquiryRecipient.Email:
                        return path + "/" + PathSegment.Escape(EncodeEmail(RecipientValue));
                    default:
                        return path;
                }
            }
        }

        /// <summary>The vendor's encoding of an address in the route: @ becomes _, . becomes ~ (sales@mysite.com -> sales_mysite~com).</summary>
        public static string EncodeEmail(string address) => address.Replace('@', '_').Replace('.', '~');

        /// <summary>The encoding cannot be reversed when the address already holds _ or ~.</summary>
        public static bool CanEncodeEmail(string address, out string reason)
        {
            reason = null;
            if (string.IsNullOrWhiteSpace(address) || address.IndexOf('@') <= 0 || address.IndexOf('@') != address.LastIndexOf('@') || address.IndexOf('.', address.IndexOf('@')) < 0)
            {
                reason = $"'{address}' is not an e-mail address.";
            }
            else if (address.IndexOfAny(new[] { '_', '~' }) >= 0)
            {
                reason = $"'{address}' contains '_' or '~', which Bizstim's address encoding (@ -> _, . -> ~) cannot carry; use -NotifyStaff or another address.";
            }

            return reason == null;
        }

        public byte[] ToJson()
        {
            using (var stream = new MemoryStream())
            {
                using (var writer = new Utf8JsonWriter(stream))
                {
                    writer.WriteStartObject();
                    writer.WriteString("first_name", FirstName ?? string.Empty);
                    writer.WriteString("last_name", LastName ?? string.Empty);
                    writer.WriteString("city", City ?? string.Empty);
                    writer.WriteString("state", State ?? string.Empty);
                    writer.WriteString("country", Country ?? string.Empty);
                    writer.WriteString("email", Email ?? string.Empty);
                    if (!string.IsNullOrEmpty(Phone))
                    {
                        writer.WriteString("p_phone", Phone);
                    }

                    writer.WriteString("message", Message ?? string.Empty);
                    writer.WriteEndObject();
                }

                return stream.ToArray();
            }
        }
    }
}
