namespace CrmPS.Sandbox
{
    /// <summary>A testimonial as GET /api/testimonials returns it; <see cref="Testimonial"/> is HTML.</summary>
    public sealed class SandboxTestimonial
    {
        public int Id { get; set; }

        public string FirstName { get; set; } = "";

        public string LastName { get; set; } = "";

        public string Testimonial { get; set; } = "";
    }
}
