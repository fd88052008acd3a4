namespace CrmPS.Botw
{
    /// <summary>What a write did, from the HTTP status: 201 Created, 200 Updated; Exists when New-BotwContact -SkipExisting found the contact and sent nothing.</summary>
    public enum ContactOutcome
    {
        Created,
        Updated,
        Exists,
    }
}
