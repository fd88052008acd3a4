using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;

namespace CrmPS.Core
{
    /// <summary>
    /// The name/value fields of a form body, in the order they are sent, with the two encodings the
    /// vendors use: multipart/form-data (Customer Database App) and x-www-form-urlencoded (BOTW).
    /// </summary>
    internal sealed class FormFields : IEnumerable<KeyValuePair<string, string>>
    {
        private readonly List<KeyValuePair<string, string>> _fields = new List<KeyValuePair<string, string>>();

        public FormFields Add(string name, string value)
        {
            _fields.Add(new KeyValuePair<string, string>(name, value ?? string.Empty));
            return this;
        }

        public FormFields Add(string name, int value) => Add(name, value.ToString(CultureInfo.InvariantCulture));

        /// <summary>Adds the field only when it has a value (optional fields are left out rather than sent empty).</summary>
        public FormFields AddIfPresent(string name, string value) => string.IsNullOrEmpty(value) ? this : Add(name, value);

        public FormFields AddIfPresent(string name, int? value) => value.HasValue ? Add(name, value.Value) : this;

        /// <summary>Adds values as name[0], name[1], ...: the PHP array notation both vendors read.</summary>
        public FormFields AddIndexed(string name, IEnumerable<string> values)
        {
            int index = 0;
            foreach (string value in values ?? Enumerable.Empty<string>())
            {
                Add(Indexed(name, index++), value);
            }

            return this;
        }

        public FormFields AddIndexed(string name, IEnumerable<int> values) =>
            AddIndexed(name, (values ?? Enumerable.Empty<int>()).Select(v => v.ToString(CultureInfo.InvariantCulture)));

        public static string Indexed(string name, int index) => name + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

        /// <summary>A multipart/form-data body, one part per field, values in UTF-8, as curl --form sends it.</summary>
        public byte[] ToMultipart(string boundary)
        {
            if (string.IsNullOrEmpty(boundary) || boundary.Length > 70)
            {
                throw new ArgumentException("A multipart boundary has 1 to 70 characters.", nameof(boundary));
            }

            using (var body = new MemoryStream())
            {
                foreach (var field in _fields)
                {
                    Write(body, "--" + boundary + "\r\n");
                    Write(body, "Content-Disposition: form-data; name=\"" + EscapeName(field.Key) + "\"\r\n\r\n");
                    Write(body, field.Value);
                    Write(body, "\r\n");
                }

                Write(body, "--" + boundary + "--\r\n");
                return body.ToArray();
            }
        }

        public HttpContent ToMultipartContent(string boundary)
        {
            var content = new ByteArrayContent(ToMultipart(boundary));
            content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=" + boundary);
            return content;
        }

        /// <summary>A fresh boundary that cannot occur in these values.</summary>
        public string NewBoundary()
        {
            string boundary;
            do
            {
                boundary = "----CrmPSForm" + Guid.NewGuid().ToString("N");
            }
            while (_fields.Any(f => f.Value.IndexOf(boundary, StringComparison.Ordinal) >= 0));

            return boundary;
        }

        public string ToUrlEncoded() =>
            string.Join("&", _fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value)));

        public HttpContent ToUrlEncodedContent()
        {
            var content = new ByteArrayContent(Encoding.ASCII.GetBytes(ToUrlEncoded()));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
            return content;
        }

        public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => _fields.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        /// <summary>Names are ours (never user input), but a quote or line break must still not break the part header.</summary>
        private static string EscapeName(string name) =>
            name.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\r", string.Empty).Replace("\n", string.Empty);

        private static void Write(Stream stream, string text)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(text);
            stream.Write(bytes, 0, bytes.Length);
        }
    }
}
