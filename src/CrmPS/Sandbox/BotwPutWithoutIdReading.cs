namespace CrmPS.Sandbox
{
    /// <summary>
    /// What the BOTW emulator does with a PUT that carries no id. The vendor page allows both: "if no
    /// contact is found with the given ID, a new contact will be created" (literally: no id, a new
    /// contact), and e-mail "required if ... no contact ID is given" (which also fits matching by it).
    /// </summary>
    public enum BotwPutWithoutIdReading
    {
        /// <summary>The literal reading: a PUT without an id always creates a contact (the default).</summary>
        Creates,

        /// <summary>The other reading: it updates the contact with that e-mail (then phone), and creates one when there is none.</summary>
        UpdatesMatch,
    }
}
