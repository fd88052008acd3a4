namespace CrmPS.Bizstim
{
    public enum ImportStatus
    {
        /// <summary>Bizstim confirmed the batch holding the row, or the row was found among the clients the import added.</summary>
        Imported,

        /// <summary>Bizstim refused the batch holding the row; nothing of it was stored.</summary>
        Failed,

        /// <summary>The row was not sent: a required value is missing or malformed.</summary>
        Invalid,

        /// <summary>Bizstim said some rows of the batch failed without saying which: check this row.</summary>
        Unverified,

        /// <summary>Not sent: -WhatIf, or declined at -Confirm.</summary>
        Skipped,

        /// <summary>
        /// Stored more than once: a send with no clear answer was committed late, after the row had
        /// been sent again. ClientIds lists every copy; remove the extras in Bizstim.
        /// </summary>
        Duplicated,

        /// <summary>Not sent (-SkipExisting): Bizstim already has a client with its e-mail or name (ExistingId), or an earlier row of the input had them (DuplicateOfRow).</summary>
        Exists,
    }
}
