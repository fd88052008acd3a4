using CrmPS.Sandbox;
using CrmPS.Tests.Infrastructure;

namespace CrmPS.Tests.Reliability;

/// <summary>Every BOTW CRM cmdlet under every fault: create (POST), upsert (PUT), delete (DELETE) and search (GET).</summary>
internal static class BotwFaultMatrix
{
    private const int Listing = 123;

    public static async Task<List<FaultOutcome>> RunAsync()
    {
        await using var session = await MatrixSession.StartAsync("/botw");
        var outcomes = new List<FaultOutcome>();
        foreach (var (name, make) in FaultCatalog.All())
        {
            outcomes.AddRange(Writes(session, name, make));
            var searched = Fresh(session, make("GET"));
            searched.AddContact(Listing, "Cy", "Fox", "cy@example.com", "15557654321");
            outcomes.Add(MatrixSession.Read(name, "Get-BotwContact", 1, session.Run("Get-BotwContact -Email cy@example.com")));
        }

        foreach (var (name, make) in FaultCatalog.LateCommits())
        {
            outcomes.AddRange(Writes(session, name, make));
        }

        return outcomes;
    }

    private static IEnumerable<FaultOutcome> Writes(MatrixSession session, string name, Func<string, SandboxFault> make)
    {
        var created = Fresh(session, make("POST"));
        var run = session.Run("New-BotwContact -FirstName Ann -LastName Lee -Email ann@example.com");
        yield return MatrixSession.Write(name, "New-BotwContact", 1, created.Contacts.Count(c => c.Email == "ann@example.com"), run);

        // Set-BotwContact looks the e-mail up, then creates (POST) a new contact or updates (PUT) the one found by its id.
        var upsertCreated = Fresh(session, make("POST"));
        run = session.Run("Set-BotwContact -FirstName Ann -LastName Lee -Email ann@example.com");
        yield return MatrixSession.Write(name, "Set-BotwContact, new e-mail", 1, upsertCreated.Contacts.Count(c => c.Email == "ann@example.com"), run);

        var upsertUpdated = Fresh(session, make("PUT"));
        upsertUpdated.AddContact(Listing, "Ann", null, "ann@example.com", null);
        run = session.Run("Set-BotwContact -FirstName Ann -LastName Lee -Email ann@example.com");
        yield return MatrixSession.Write(name, "Set-BotwContact, known e-mail", 1, upsertUpdated.Contacts.Count(c => c.Email == "ann@example.com" && c.LastName == "Lee"), run);

        var upsertLookedUp = Fresh(session, make("GET"));
        run = session.Run("Set-BotwContact -FirstName Ann -LastName Lee -Email ann@example.com");
        yield return MatrixSession.Write(name, "Set-BotwContact, its lookup", 1, upsertLookedUp.Contacts.Count(c => c.Email == "ann@example.com"), run);

        var removed = Fresh(session, make("DELETE"));
        removed.AddContact(Listing, "Bob", "Ray", "bob@example.com", "15551234567");
        run = session.Run("Remove-BotwContact -Email bob@example.com -Confirm:$false");
        yield return MatrixSession.Write(name, "Remove-BotwContact", 1, removed.Contacts.Count(c => c.Email == "bob@example.com") == 0 ? 1 : 0, run);
    }

    private static BotwSandbox Fresh(MatrixSession session, SandboxFault fault)
    {
        var clock = new VirtualClock();
        var sandbox = new BotwSandbox(clock, MatrixSession.Key);
        session.Connect(sandbox, fault, clock, $"Connect-Botw -ListingId {Listing}");
        return sandbox;
    }
}
