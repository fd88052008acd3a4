namespace CrmPS.Botw
{
    /// <summary>What a write did, from the HTTP status: 201 Created, 200 Updated.</summary>
    public enum ContactOutcome
    {
        Created,
        Updated,
    }
}
