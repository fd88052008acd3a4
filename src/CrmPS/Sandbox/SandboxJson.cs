using System;
using System.Globalization;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CrmPS.Sandbox
{
    internal static class SandboxJson
    {
        private static readonly JsonWriterOptions Options =
            new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        public static SandboxResponse Response(int status, Action<Utf8JsonWriter> writeBody)
        {
            using (var stream = new MemoryStream())
            {
                using (var writer = new Utf8JsonWriter(stream, Options))
                {
                    writer.WriteStartObject();
                    writeBody(writer);
                    writer.WriteEndObject();
                }

                return SandboxResponse.Json(status, stream.ToArray());
            }
        }

        public static void Text(this Utf8JsonWriter writer, string name, string value) =>
            writer.WriteString(name, value ?? "");

        public static void Text(this Utf8JsonWriter writer, string name, int value) =>
            writer.WriteString(name, value.ToString(CultureInfo.InvariantCulture));

        public static void Text(this Utf8JsonWriter writer, string name, bool value) =>
            writer.WriteString(name, value ? "1" : "0");

        public static void Text(this Utf8JsonWriter writer, string name, DateTime? value) =>
            writer.WriteString(name, value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "");
    }
}
