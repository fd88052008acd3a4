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
            var created = Fresh(session, make("POST"));
            var run = session.Ps.Run("New-BotwContact -FirstName Ann -LastName Lee -Email ann@example.com");
            outcomes.Add(MatrixSession.Write(name, "New-BotwContact", 1, created.Contacts.Count(c => c.Email == "ann@example.com"), run));

            // Set-BotwContact looks the e-mail up, then creates (POST) a new contact or updates (PUT) the one found by its id.
            var upsertCreated = Fresh(session, make("POST"));
            run = session.Ps.Run("Set-BotwContact -FirstName Ann -LastName Lee -Email ann@example.com");
            outcomes.Add(MatrixSession.Write(name, "Set-BotwContact, new e-mail", 1, upsertCreated.Contacts.Count(c => c.Email == "ann@example.com"), run));

            var upsertUpdated = Fresh(session, make("PUT"));
            upsertUpdated.AddContact(Listing, "Ann", null, "ann@example.com", null);
            run = session.Ps.Run("Set-BotwContact -FirstName Ann -LastName Lee -Email ann@example.com");
            outcomes.Add(MatrixSession.Write(name, "Set-BotwContact, known e-mail", 1, upsertUpdated.Contacts.Count(c => c.Email == "ann@example.com" && c.LastName == "Lee"), run));

            var upsertLookedUp = Fresh(session, make("GET"));
            run = session.Ps.Run("Set-BotwContact -FirstName Ann -LastName Lee -Email ann@example.com");
            outcomes.Add(MatrixSession.Write(name, "Set-BotwContact, its lookup", 1, upsertLookedUp.Contacts.Count(c => c.Email == "ann@example.com"), run));

            var removed = Fresh(session, make("DELETE"));
            removed.AddContact(Listing, "Bob", "Ray", "bob@example.com", "15551234567");
            run = session.Ps.Run("Remove-BotwContact -Email bob@example.com -Confirm:$false");
            outcomes.Add(MatrixSession.Write(name, "Remove-BotwContact", 1, removed.Contacts.Count(c => c.Email == "bob@example.com") == 0 ? 1 : 0, run));

            var searched = Fresh(session, make("GET"));
            searched.AddContact(Listing, "Cy", "Fox", "cy@example.com", "15557654321");
            outcomes.Add(MatrixSession.Read(name, "Get-BotwContact", 1, session.Ps.Run("Get-BotwContact -Email cy@example.com")));
        }

        return outcomes;
    }

    private static BotwSandbox Fresh(MatrixSession session, SandboxFault fault)
    {
        var clock = new VirtualClock();
        // The literal reading of the page: a PUT without an id would create a contact, so a resent one would duplicate it.
        var sandbox = new BotwSandbox(clock, MatrixSession.Key) { PutWithoutId = BotwPutWithoutIdReading.Creates };
        session.Connect(sandbox, fault, clock, $"Connect-Botw -ListingId {Listing}");
        return sandbox;
    }
}
