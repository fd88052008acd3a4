#nullable enable

using System.Management.Automation;
using System.Management.Automation.Language;
using System.Xml.Linq;
using CrmPS.Tests.Infrastructure;

namespace CrmPS.Tests.Module;

/// <summary>
/// The views in CrmPS.format.ps1xml (as built into out/): every table fits a 120-column console,
/// every type a cmdlet declares with [OutputType] has a default table view, the types that hide
/// most in a table have a list view, and every view names properties that exist.
/// </summary>
public sealed class FormatViewTests : IClassFixture<ModuleSession>
{
    public const int ConsoleWidth = 120;

    /// <summary>What a column without a width is assumed to need at least.</summary>
    public const int MinimumFreeColumn = 10;

    private static readonly string[] NeedListView = { "CrmPS.Bizstim.Client", "CrmPS.Bizstim.ClientDetail", "CrmPS.Bizstim.Session", "CrmPS.Bizstim.ImportResult" };

    private readonly ModuleSession _session;
    private readonly XElement[] _views;

    public FormatViewTests(ModuleSession session)
    {
        _session = session;
        _views = XDocument.Load(Path.Combine(ModuleAssemblyResolver.ModuleDirectory, "CrmPS.format.ps1xml")).Descendants("View").ToArray();
    }

    /// <summary>The classic console: a default table must not drop or wrap a column there either.</summary>
    public const int NarrowConsoleWidth = 80;

    [Fact]
    public void Every_table_view_fits_in_80_columns_leaving_its_free_column_room()
    {
        var problems = new List<string>();
        foreach (XElement view in _views.Where(v => v.Element("TableControl") != null))
        {
            var headers = view.Descendants("TableColumnHeader").ToList();
            int width = headers.Sum(h => (int?)h.Element("Width") ?? MinimumFreeColumn) + headers.Count - 1;
            if (width > NarrowConsoleWidth) problems.Add($"{Name(view)} needs {width} columns");
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Every_table_view_fits_in_120_columns()
    {
        var problems = new List<string>();
        foreach (XElement view in _views.Where(v => v.Element("TableControl") != null))
        {
            var headers = view.Descendants("TableColumnHeader").ToList();
            var items = view.Descendants("TableColumnItems").First().Elements("TableColumnItem").ToList();
            int width = headers.Sum(h => (int?)h.Element("Width") ?? MinimumFreeColumn) + headers.Count - 1;
            if (width > ConsoleWidth) problems.Add($"{Name(view)} needs {width} columns");
            if (headers.Count != items.Count) problems.Add($"{Name(view)} has {headers.Count} headers and {items.Count} columns");
            foreach (XElement header in headers.Where(h => h.Element("Width") != null))
            {
                string label = (string?)header.Element("Label") ?? string.Empty;
                if (label.Length > (int)header.Element("Width")!) problems.Add($"{Name(view)}: the label {label} is wider than its column");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Every_OutputType_of_every_cmdlet_has_a_default_table_view()
    {
        var problems = new List<string>();
        foreach (string cmdlet in ModuleCatalog.ExportedCmdlets())
        {
            foreach (PSTypeName type in _session.Cmdlet(cmdlet).OutputType)
            {
                XElement? first = _views.FirstOrDefault(v => SelectedTypes(v).Contains(type.Name));
                if (first == null) problems.Add($"{cmdlet} emits {type.Name}, which has no view");
                else if (first.Element("TableControl") == null) problems.Add($"{type.Name}: the first (default) view {Name(first)} is not a table");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Types_whose_table_hides_most_have_a_list_view_too()
    {
        foreach (string type in NeedListView)
        {
            Assert.Contains(_views, v => SelectedTypes(v).Contains(type) && v.Element("ListControl") != null);
        }
    }

    [Fact]
    public void Import_results_lead_with_Status()
    {
        XElement view = _views.First(v => SelectedTypes(v).Contains("CrmPS.Bizstim.ImportResult"));

        Assert.Equal("Status", (string?)view.Descendants("TableColumnHeader").First().Element("Label"));
        Assert.Contains("PSStyle", (string?)view.Descendants("TableColumnItem").First().Element("ScriptBlock") ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public void A_client_table_shows_id_name_city_state_status_and_email()
    {
        XElement view = _views.First(v => SelectedTypes(v).Contains("CrmPS.Bizstim.ClientDetail"));

        Assert.Equal(
            new[] { "Id", "FirstName", "LastName", "City", "State", "Status", "Email" },
            view.Descendants("TableColumnHeader").Select(h => (string?)h.Element("Label")));
    }

    [Fact]
    public void Every_view_names_properties_its_type_has_and_script_blocks_that_parse()
    {
        var types = typeof(global::CrmPS.Core.CrmCmdlet).Assembly.GetTypes().Where(t => t.FullName != null).ToDictionary(t => t.FullName!);
        types["CrmPS.Bizstim.Testimonial"] = typeof(global::CrmPS.Bizstim.ClientTestimonial);
        var problems = new List<string>();
        foreach (XElement view in _views)
        {
            foreach (string typeName in SelectedTypes(view))
            {
                if (!types.TryGetValue(typeName, out Type? type))
                {
                    continue;
                }

                foreach (string property in view.Descendants("PropertyName").Select(p => p.Value))
                {
                    if (type.GetProperty(property) == null) problems.Add($"{Name(view)}: {typeName} has no property {property}");
                }
            }

            foreach (XElement block in view.Descendants("ScriptBlock"))
            {
                Parser.ParseInput(block.Value, out _, out ParseError[] errors);
                if (errors.Length > 0) problems.Add($"{Name(view)}: {errors[0].Message}");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static string Name(XElement view) => (string?)view.Element("Name") ?? "(unnamed view)";

    private static HashSet<string> SelectedTypes(XElement view) =>
        view.Element("ViewSelectedBy")!.Elements("TypeName").Select(t => t.Value.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);
}
