using System.Text.Json;
using CrmPS.Bizstim;

namespace CrmPS.Tests.Unit;

public sealed class ClientBatchTests
{
    private static ClientRow Row(long number, IEnumerable<(string Id, string Label, string Value)> custom, string tags = null) =>
        new(number, Enumerable.Range(0, 16).Select(i => $"v{number}-{i}").ToArray(),
            custom.Select(c => new CustomFieldValue(c.Id, c.Label, c.Value)).ToList(), tags);

    [Fact]
    public void The_header_is_the_fixed_labels_then_custom_fields_in_first_seen_order_then_tags()
    {
        var batch = new ClientBatch(new[]
        {
            Row(1, new[] { ("198", "198_lunch", "In school") }),
            Row(2, new[] { ("105", "105_student_id", "S-2"), ("198", "198_where_lunch", "Home") }, tags: "a, b"),
        });

        var json = JsonDocument.Parse(batch.ToJson()).RootElement;

        var header = json.GetProperty("header").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Equal(19, header.Count);
        Assert.Equal("first name", header[0]);
        Assert.Equal("notes", header[15]);
        Assert.Equal(new[] { "198_lunch", "105_student_id", "tags" }, header.Skip(16).Take(3));
        var rows = json.GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(new[] { "In school", "", "" }, rows[0].EnumerateArray().Skip(16).Take(3).Select(e => e.GetString()));
        Assert.Equal(new[] { "Home", "S-2", "a, b" }, rows[1].EnumerateArray().Skip(16).Take(3).Select(e => e.GetString()));
        Assert.Equal("v1-0", rows[0][0].GetString());
    }

    [Fact]
    public void Without_custom_fields_or_tags_the_header_is_exactly_the_sixteen_labels()
    {
        var json = JsonDocument.Parse(new ClientBatch(new[] { Row(1, Array.Empty<(string, string, string)>()) }).ToJson()).RootElement;

        Assert.Equal(16, json.GetProperty("header").GetArrayLength());
        Assert.Equal(16, json.GetProperty("data")[0].GetArrayLength());
    }

    [Fact]
    public void Text_survives_json_encoding_exactly()
    {
        var values = Enumerable.Repeat("", 16).ToArray();
        values[0] = "Zoë \"Z\" O'Brien\t\u202Eevil\u202C 🙂 <b>&amp;";
        var batch = new ClientBatch(new[] { new ClientRow(1, values, new List<CustomFieldValue>(), null) });

        var json = JsonDocument.Parse(batch.ToJson()).RootElement;

        Assert.Equal(values[0], json.GetProperty("data")[0][0].GetString());
    }

    [Fact]
    public void A_full_batch_written_across_several_buffer_chunks_is_the_same_json_as_one_stream_gives()
    {
        var rows = Enumerable.Range(1, 1000)
            .Select(i => Row(i, new[] { ("105", "105_student_id", $"S-{i} é 🙂") }, tags: i % 2 == 0 ? "a, b" : null))
            .ToArray();
        var batch = new ClientBatch(rows);

        byte[] body = batch.ToJson();

        Assert.True(body.Length > 2 * 64 * 1024, $"the batch should span several chunks; it is {body.Length} bytes");
        Assert.Equal(WrittenToOneStream(batch), body);
    }

    [Fact]
    public void The_row_range_names_the_rows_of_the_batch()
    {
        var none = Array.Empty<(string, string, string)>();
        Assert.Equal("rows 4-6", new ClientBatch(new[] { Row(4, none), Row(5, none), Row(6, none) }).RowRange);
        Assert.Equal("row 9", new ClientBatch(new[] { Row(9, none) }).RowRange);
    }

    /// <summary>The body written into one contiguous buffer that grows by copying (how ToJson wrote it before it used chunks).</summary>
    private static byte[] WrittenToOneStream(ClientBatch batch)
    {
        var whole = new System.Buffers.ArrayBufferWriter<byte>();
        batch.WriteTo(whole);
        return whole.WrittenSpan.ToArray();
    }
}
