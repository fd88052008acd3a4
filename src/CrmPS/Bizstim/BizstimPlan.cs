namespace CrmPS.Bizstim
{
    /// <summary>The Bizstim account plans that may use the API, with the limits the vendor documents.</summary>
    public enum BizstimPlan
    {
        Trial,
        Enterprise,
    }

    public static class BizstimPlanLimits
    {
        public static int MaxClientsPerOperation(BizstimPlan plan) => plan == BizstimPlan.Trial ? 3 : 1000;

        public static int OperationsPerHour(BizstimPlan plan) => plan == BizstimPlan.Trial ? 10 : 1000;
    }
}
