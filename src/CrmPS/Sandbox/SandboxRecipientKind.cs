namespace CrmPS.Sandbox
{
    /// <summary>Who a client inquiry e-mail goes to (parameter b of POST /api/clientinquiry).</summary>
    public enum SandboxRecipientKind
    {
        Admin = 1,
        Staff = 2,
        DefinedEmail = 3,
    }
}
