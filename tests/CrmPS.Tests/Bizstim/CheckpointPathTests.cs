using CrmPS.Tests.Infrastructure;

namespace CrmPS.Tests.Bizstim;

/// <summary>A -CheckpointPath that cannot hold a checkpoint is refused by name before any row is sent.</summary>
public sealed class CheckpointPathTests : BizstimTestBase, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("crmps-cp-").FullName;

    public CheckpointPathTests(BizstimServerFixture server) : base(server)
    {
    }

    [Fact]
    public void A_checkpoint_in_a_folder_that_does_not_exist_is_refused_naming_the_path_before_anything_is_sent()
    {
        Connect();
        string path = Path.Combine(_folder, "no-such-folder", "import.json");

        var run = Ps.Run("$rows | Import-BizstimClient -BatchSize 3 -CheckpointPath $cp", ("rows", CsvRows.Documented(4)), ("cp", path));

        var error = Assert.Single(run.Errors);
        Assert.Equal("BizstimCheckpointUnusable", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal($"The folder of -CheckpointPath '{path}' does not exist ('{Path.GetDirectoryName(path)}'): create it first, or use another path. Nothing was sent.", error.Exception.Message);
        Assert.DoesNotContain(".tmp", run.AllText());
        Assert.Empty(Sandbox.Requests);
        Assert.Empty(run.Output);
    }

    [Fact]
    public void A_checkpoint_path_naming_a_folder_is_refused_naming_the_path_before_anything_is_sent()
    {
        Connect();

        var run = Ps.Run("$rows | Import-BizstimClient -BatchSize 3 -CheckpointPath $cp", ("rows", CsvRows.Documented(4)), ("cp", _folder));

        var error = Assert.Single(run.Errors);
        Assert.Equal("BizstimCheckpointUnusable", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.StartsWith($"-CheckpointPath '{_folder}' is a folder: name the checkpoint file itself", error.Exception.Message);
        Assert.DoesNotContain(".tmp", run.AllText());
        Assert.Empty(Sandbox.Requests);
    }

    void IDisposable.Dispose()
    {
        Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
