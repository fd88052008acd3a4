namespace CrmPS.Bizstim
{
    /// <summary>What Import-BizstimClient -SkipExisting compares to decide a row is already in Bizstim.</summary>
    public enum ClientMatchKey
    {
        /// <summary>A row with an e-mail matches on any of its addresses, a row without one on first and last name.</summary>
        EmailOrName,

        /// <summary>Any of the row's e-mail addresses; a row without e-mail is never skipped.</summary>
        Email,

        /// <summary>First and last name only.</summary>
        Name,
    }
}
