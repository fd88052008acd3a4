namespace CrmPS.Bizstim
{
    /// <summary>
    /// A client testimonial, shown to PowerShell as CrmPS.Bizstim.Testimonial (C# cannot name a
    /// property after its class, and the vendor's field is called testimonial).
    /// </summary>
    public sealed class ClientTestimonial
    {
        public int Id { get; set; }

        public string FirstName { get; set; }

        public string LastName { get; set; }

        /// <summary>The HTML exactly as Bizstim sent it.</summary>
        public string Testimonial { get; set; }

        /// <summary>The testimonial with tags stripped and entities decoded.</summary>
        public string Text { get; set; }
    }
}
