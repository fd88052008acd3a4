namespace CrmPS.Sandbox
{
    /// <summary>
    /// What the BOTW emulator does with a DELETE by e-mail or phone when several contacts match: the
    /// vendor page does not say whether one or every match goes.
    /// </summary>
    public enum BotwDeleteByFieldReading
    {
        /// <summary>Every matching contact is deleted (the default).</summary>
        EveryMatch,

        /// <summary>Only the oldest matching contact is deleted.</summary>
        FirstMatch,
    }
}
