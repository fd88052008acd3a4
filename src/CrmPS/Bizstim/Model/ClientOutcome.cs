namespace CrmPS.Bizstim
{
    /// <summary>What a sales inquiry did to the client database.</summary>
    public enum ClientOutcome
    {
        NotAdded,
        AlreadyInDatabase,
        AddFailed,
        Added,
        Unknown,
    }
}
