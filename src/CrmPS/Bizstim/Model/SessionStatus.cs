namespace CrmPS.Bizstim
{
    public enum SessionStatus
    {
        Open = 0,
        Canceled = 1,
        Missed = 2,
        Saved = 3,
    }
}
