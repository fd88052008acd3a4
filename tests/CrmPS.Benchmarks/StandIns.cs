using System.Collections;
using System.Diagnostics;
using System.Globalization;
using System.Management.Automation;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CrmPS.Bizstim;

namespace CrmPS.Benchmarks;

/// <summary>
/// The end of every timed pipeline: counts what arrives, notes when the first object arrived and
/// counts import results that are not Imported, keeping nothing (so a million results cost no memory).
/// </summary>
[Cmdlet(VerbsCommunications.Receive, "BenchOutput")]
public sealed class ReceiveBenchOutputCommand : PSCmdlet
{
    private static long _count;
    private static long _notImported;
    private static long _firstAt;

    [Parameter(ValueFromPipeline = true)]
    public PSObject InputObject { get; set; }

    public static long Count => Interlocked.Read(ref _count);

    public static long NotImported => Interlocked.Read(ref _notImported);

    /// <summary>Stopwatch timestamp of the first object; 0 while none arrived.</summary>
    public static long FirstAt => Interlocked.Read(ref _firstAt);

    public static void Reset()
    {
        _count = 0;
        _notImported = 0;
        _firstAt = 0;
    }

    protected override void ProcessRecord()
    {
        if (InputObject == null)
        {
            return;
        }

        if (_count++ == 0)
        {
            _firstAt = Stopwatch.GetTimestamp();
        }

        if (InputObject.BaseObject is ImportResult result && result.Status != ImportStatus.Imported)
        {
            _notImported++;
        }
    }
}

/// <summary>
/// Stand-in for the Utility module's Invoke-RestMethod (the engine package lacks it), for the
/// parameters the naive script uses. It is kinder to the baseline than the real one: one shared
/// HttpClient keeps the connection alive between calls, and the JSON answer becomes a
/// PSCustomObject as ConvertFrom-Json would make it.
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "RestMethod")]
public sealed class InvokeRestMethodStandIn : PSCmdlet
{
    private static readonly HttpClient Client = new(new HttpClientHandler());

    [Parameter] public string Method { get; set; } = "GET";

    [Parameter(Mandatory = true, Position = 0)] public Uri Uri { get; set; }

    [Parameter] public IDictionary Headers { get; set; }

    [Parameter] public string ContentType { get; set; }

    [Parameter] public object Body { get; set; }

    protected override void ProcessRecord()
    {
        using var request = new HttpRequestMessage(new HttpMethod(Method), Uri);
        if (Headers != null)
        {
            foreach (DictionaryEntry header in Headers)
            {
                request.Headers.TryAddWithoutValidation(header.Key.ToString(), header.Value?.ToString());
            }
        }

        if (Body != null)
        {
            request.Content = new StringContent(LanguagePrimitives.ConvertTo<string>(Body), Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(ContentType ?? "application/x-www-form-urlencoded");
        }

        using HttpResponseMessage response = Client.Send(request);
        string text = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        if (!response.IsSuccessStatusCode)
        {
            ThrowTerminatingError(new ErrorRecord(new HttpRequestException($"{(int)response.StatusCode}: {text}"), "WebCmdletWebResponseException", ErrorCategory.InvalidOperation, Uri));
        }

        using var document = JsonDocument.Parse(text);
        WriteObject(ToPowerShell(document.RootElement));
    }

    private static object ToPowerShell(JsonElement json)
    {
        switch (json.ValueKind)
        {
            case JsonValueKind.Object:
                var result = new PSObject();
                foreach (JsonProperty property in json.EnumerateObject())
                {
                    result.Properties.Add(new PSNoteProperty(property.Name, ToPowerShell(property.Value)));
                }

                return result;
            case JsonValueKind.Array:
                return json.EnumerateArray().Select(ToPowerShell).ToArray();
            case JsonValueKind.String:
                return json.GetString();
            case JsonValueKind.Number:
                return json.TryGetInt64(out long whole) ? whole : json.GetDouble();
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            default:
                return null;
        }
    }
}

/// <summary>
/// Stand-in for the Utility module's ConvertTo-Json, for hashtables, arrays, PSCustomObjects and
/// scalars. Faster than the real one (System.Text.Json, no reflection over adapters): again in the
/// baseline's favour.
/// </summary>
[Cmdlet(VerbsData.ConvertTo, "Json")]
public sealed class ConvertToJsonStandIn : PSCmdlet
{
    private readonly List<object> _items = new();

    [Parameter(ValueFromPipeline = true, Position = 0)] public object InputObject { get; set; }

    [Parameter] public int Depth { get; set; } = 2;

    [Parameter] public SwitchParameter Compress { get; set; }

    protected override void ProcessRecord() => _items.Add(InputObject);

    protected override void EndProcessing()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = !Compress }))
        {
            Write(writer, _items.Count == 1 ? _items[0] : _items, 0);
        }

        WriteObject(Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length));
    }

    private void Write(Utf8JsonWriter writer, object value, int depth)
    {
        value = value is PSObject wrapped && wrapped.BaseObject is not PSCustomObject ? wrapped.BaseObject : value;
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case int or long or double or decimal:
                writer.WriteRawValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
            case IDictionary dictionary when depth <= Depth:
                writer.WriteStartObject();
                foreach (DictionaryEntry entry in dictionary)
                {
                    writer.WritePropertyName(entry.Key.ToString());
                    Write(writer, entry.Value, depth + 1);
                }

                writer.WriteEndObject();
                break;
            case PSObject custom when depth <= Depth:
                writer.WriteStartObject();
                foreach (PSPropertyInfo property in custom.Properties)
                {
                    writer.WritePropertyName(property.Name);
                    Write(writer, property.Value, depth + 1);
                }

                writer.WriteEndObject();
                break;
            case IEnumerable items when depth <= Depth:
                writer.WriteStartArray();
                foreach (object item in items)
                {
                    Write(writer, item, depth + 1);
                }

                writer.WriteEndArray();
                break;
            default:
                writer.WriteStringValue(value.ToString());
                break;
        }
    }
}
