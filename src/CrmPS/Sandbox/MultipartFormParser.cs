using System;
using System.Collections.Generic;
using System.Text;

namespace CrmPS.Sandbox
{
    /// <summary>
    /// A small multipart/form-data reader (RFC 7578) for the emulator: field names and UTF-8 text
    /// values, in order. File parts are read as text too; the vendors' endpoints take none.
    /// </summary>
    internal static class MultipartFormParser
    {
        // Latin-1 maps every byte to one char and back, so delimiters are found in the text and values are decoded as UTF-8 afterwards.
        private static readonly Encoding Bytes = Encoding.GetEncoding(28591);

        public static bool TryParse(string contentType, byte[] body, out List<KeyValuePair<string, string>> fields, out string error)
        {
            fields = new List<KeyValuePair<string, string>>();
            string boundary = Boundary(contentType);
            if (boundary == null)
            {
                error = "The multipart/form-data content type has no boundary.";
                return false;
            }

            string text = Bytes.GetString(body ?? Array.Empty<byte>());
            string delimiter = "--" + boundary;
            int position = text.StartsWith(delimiter, StringComparison.Ordinal) ? 0 : text.IndexOf("\r\n" + delimiter, StringComparison.Ordinal);
            if (position < 0)
            {
                error = "The body does not contain the multipart boundary.";
                return false;
            }

            position = text.IndexOf(delimiter, position, StringComparison.Ordinal) + delimiter.Length;
            while (true)
            {
                if (string.CompareOrdinal(text, position, "--", 0, 2) == 0)
                {
                    error = null;
                    return true;
                }

                if (string.CompareOrdinal(text, position, "\r\n", 0, 2) != 0)
                {
                    error = "A multipart boundary is not followed by a line break.";
                    return false;
                }

                int start = position + 2;
                int end = text.IndexOf("\r\n" + delimiter, start, StringComparison.Ordinal);
                if (end < 0)
                {
                    error = "The multipart body is not closed by its final boundary.";
                    return false;
                }

                if (!TryReadPart(text.Substring(start, end - start), out KeyValuePair<string, string> field, out error))
                {
                    return false;
                }

                fields.Add(field);
                position = end + 2 + delimiter.Length;
            }
        }

        /// <summary>The boundary parameter of a content type, unquoted; null when there is none.</summary>
        public static string Boundary(string contentType)
        {
            foreach (string parameter in SplitParameters(contentType ?? string.Empty))
            {
                int equals = parameter.IndexOf('=');
                if (equals > 0 && string.Equals(parameter.Substring(0, equals).Trim(), "boundary", StringComparison.OrdinalIgnoreCase))
                {
                    string value = Unquote(parameter.Substring(equals + 1).Trim());
                    return value.Length == 0 ? null : value;
                }
            }

            return null;
        }

        private static bool TryReadPart(string part, out KeyValuePair<string, string> field, out string error)
        {
            field = default;
            int headersEnd = part.StartsWith("\r\n", StringComparison.Ordinal) ? 0 : part.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (headersEnd < 0)
            {
                error = "A multipart part has no blank line after its headers.";
                return false;
            }

            string name = null;
            foreach (string line in part.Substring(0, headersEnd).Split(new[] { "\r\n" }, StringSplitOptions.RemoveEmptyEntries))
            {
                int colon = line.IndexOf(':');
                if (colon > 0 && string.Equals(line.Substring(0, colon).Trim(), "Content-Disposition", StringComparison.OrdinalIgnoreCase))
                {
                    name = DispositionName(line.Substring(colon + 1));
                }
            }

            if (string.IsNullOrEmpty(name))
            {
                error = "A multipart part has no Content-Disposition: form-data name.";
                return false;
            }

            int valueStart = headersEnd + (headersEnd == 0 ? 2 : 4);
            string value = Encoding.UTF8.GetString(Bytes.GetBytes(part.Substring(valueStart)));
            field = new KeyValuePair<string, string>(Encoding.UTF8.GetString(Bytes.GetBytes(name)), value);
            error = null;
            return true;
        }

        private static string DispositionName(string disposition)
        {
            List<string> parameters = SplitParameters(disposition);
            if (parameters.Count == 0 || !string.Equals(parameters[0].Trim(), "form-data", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            foreach (string parameter in parameters)
            {
                int equals = parameter.IndexOf('=');
                if (equals > 0 && string.Equals(parameter.Substring(0, equals).Trim(), "name", StringComparison.OrdinalIgnoreCase))
                {
                    return Unquote(parameter.Substring(equals + 1).Trim());
                }
            }

            return null;
        }

        /// <summary>Splits "a; b=\"x;y\"; c" at the semicolons that are outside quotes.</summary>
        private static List<string> SplitParameters(string header)
        {
            var parts = new List<string>();
            var current = new StringBuilder();
            bool quoted = false;
            for (int i = 0; i < header.Length; i++)
            {
                char c = header[i];
                if (quoted && c == '\\' && i + 1 < header.Length)
                {
                    current.Append(c).Append(header[++i]);
                    continue;
                }

                if (c == '"')
                {
                    quoted = !quoted;
                }

                if (c == ';' && !quoted)
                {
                    parts.Add(current.ToString());
                    current.Clear();
                    continue;
                }

                current.Append(c);
            }

            parts.Add(current.ToString());
            return parts;
        }

        private static string Unquote(string value)
        {
            if (value.Length < 2 || value[0] != '"' || value[value.Length - 1] != '"')
            {
                return value;
            }

            var unquoted = new StringBuilder();
            for (int i = 1; i < value.Length - 1; i++)
            {
                if (value[i] == '\\' && i + 1 < value.Length - 1)
                {
                    i++;
                }

                unquoted.Append(value[i]);
            }

            return unquoted.ToString();
        }
    }
}
