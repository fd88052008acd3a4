using System.Text;
using CrmPS.Core;
using CrmPS.Tests.Infrastructure;

namespace CrmPS.Tests.Unit;

public sealed class CsvFileReaderTests : IDisposable
{
    private readonly TempFolder _folder = new("crmps-reader");

    private string Write(string text, Encoding encoding) => _folder.Write(Guid.NewGuid().ToString("N") + ".csv", text, encoding);

    private static List<CsvFileRecord> ReadAll(string path, char delimiter = ',', Encoding encoding = null, List<string> header = null)
    {
        using var reader = CsvFileReader.Open(path, delimiter, encoding);
        header?.AddRange(reader.Header);
        return reader.Records().ToList();
    }

    [Theory]
    [InlineData(true, "\r\n")]
    [InlineData(false, "\n")]
    public void Quoted_delimiters_quotes_and_line_breaks_are_read_with_the_line_each_record_starts_on(bool bom, string newline)
    {
        string path = Write(string.Join(newline, "name,address,note", "Chloé,\"12, rue \"\"Paix\"\"\",x", "Łukasz,\"Flat 3" + newline + "Długa 5\",y", "Ann,1 Main St,z", ""), new UTF8Encoding(bom));
        var header = new List<string>();

        var records = ReadAll(path, header: header);

        Assert.Equal(new[] { "name", "address", "note" }, header);
        Assert.Equal(new long[] { 1, 2, 3 }, records.Select(r => r.DataRow));
        Assert.Equal(new long[] { 2, 3, 5 }, records.Select(r => r.Line));
        Assert.Equal(new[] { "Chloé", "12, rue \"Paix\"", "x" }, records[0].Values);
        Assert.Equal("Flat 3" + newline + "Długa 5", records[1].Values[1]);
        Assert.All(records, r => Assert.Null(r.Problem));
    }

    [Fact]
    public void A_malformed_record_names_its_line_and_the_records_after_it_are_still_read()
    {
        string path = Write("a,b,c\n1,2,3\n4,\"x\"y,6\n7,8,9,10\n11,12,13\n14,15\n16,17,18\n", new UTF8Encoding(false));

        var records = ReadAll(path);

        Assert.Equal(new long[] { 1, 2, 3, 4, 5, 6 }, records.Select(r => r.DataRow));
        Assert.Equal(new long[] { 2, 3, 4, 5, 6, 7 }, records.Select(r => r.Line));
        Assert.Equal(new[] { false, true, true, false, true, false }, records.Select(r => r.Problem != null));
        Assert.Contains("closing quote", records[1].Problem);
        Assert.Contains("3 fields of the header", records[2].Problem);
        Assert.Equal(new[] { "16", "17", "18" }, records[5].Values);
    }

    [Fact]
    public void A_quote_never_closed_is_one_malformed_record_to_the_end_of_the_file()
    {
        string path = Write("a,b\n1,2\n3,\"open\n5,6\n", new UTF8Encoding(false));

        var records = ReadAll(path);

        Assert.Equal(2, records.Count);
        Assert.Equal(new[] { "1", "2" }, records[0].Values);
        Assert.Equal(3, records[1].Line);
        Assert.Contains("never closed", records[1].Problem);
    }

    [Fact]
    public void A_semicolon_delimiter_and_a_latin1_file_are_read_as_asked()
    {
        var latin1 = Encoding.Latin1;
        string path = Write("name;city\nJürgen;München, Altstadt\n", latin1);

        var records = ReadAll(path, ';', latin1);

        Assert.Equal(new[] { "Jürgen", "München, Altstadt" }, Assert.Single(records).Values);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a,b,c\n")]
    [InlineData("a,b,c")]
    public void An_empty_file_or_a_header_alone_has_no_records(string text)
    {
        string path = Write(text, new UTF8Encoding(false));

        Assert.Empty(ReadAll(path));
    }

    public void Dispose() => _folder.Dispose();
}
