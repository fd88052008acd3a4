namespace CrmPS.Bizstim
{
    public enum ClientStatus
    {
        Active,
        Inactive,
        Prospect,
    }
}
