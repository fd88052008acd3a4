using System.Collections.Generic;
using System.Text.Json;

namespace CrmPS.Sandbox
{
    /// <summary>The Bizstim response shapes: every value inside "response" is a JSON string.</summary>
    internal static class BizstimWire
    {
        public const string AccountTimeZone = "America/Los_Angeles";

        public static SandboxResponse Failure(int status, string message) =>
            SandboxJson.Response(status, w =>
            {
                w.WriteString("status", "failure");
                w.WriteString("response", message);
            });

        public static SandboxResponse Success(string message) =>
            SandboxJson.Response(200, w =>
            {
                w.WriteString("status", "success");
                w.WriteString("response", message);
            });

        public static SandboxResponse InquiryResult(int status, bool success, int code, string message) =>
            SandboxJson.Response(status, w =>
            {
                w.WriteString("status", success ? "success" : "failure");
                w.WriteNumber("code", code);
                w.WriteString("response", message);
            });

        public static SandboxResponse ClientPage(int total, IEnumerable<SandboxClient> page) =>
            SandboxJson.Response(200, w =>
            {
                w.WriteString("status", "success");
                w.WriteNumber("total", total);
                WriteArray(w, page, WriteClientSummary);
            });

        public static SandboxResponse SingleClient(SandboxClient client) =>
            SandboxJson.Response(200, w =>
            {
                w.WriteString("status", "success");
                w.WritePropertyName("response");
                WriteClientDetail(w, client);
            });

        public static SandboxResponse SessionPage(int total, IEnumerable<SandboxSession> page) =>
            SandboxJson.Response(200, w =>
            {
                w.WriteString("status", "success");
                w.WriteNumber("total", total);
                w.WriteString("timezone", AccountTimeZone);
                WriteArray(w, page, WriteSession);
            });

        public static SandboxResponse SingleSession(SandboxSession session) =>
            SandboxJson.Response(200, w =>
            {
                w.WriteString("status", "success");
                w.WriteString("timezone", AccountTimeZone);
                w.WritePropertyName("response");
                WriteSession(w, session);
            });

        public static SandboxResponse Testimonials(IEnumerable<SandboxTestimonial> testimonials) =>
            SandboxJson.Response(200, w =>
            {
                w.WriteString("status", "success");
                WriteArray(w, testimonials, WriteTestimonial);
            });

        private static void WriteArray<T>(Utf8JsonWriter w, IEnumerable<T> items, System.Action<Utf8JsonWriter, T> writeItem)
        {
            w.WriteStartArray("response");
            foreach (var item in items) writeItem(w, item);
            w.WriteEndArray();
        }

        private static void WriteClientSummary(Utf8JsonWriter w, SandboxClient c)
        {
            w.WriteStartObject();
            WriteClientIdentity(w, c);
            WriteClientAddress(w, c);
            w.Text("email", c.Email);
            w.WriteEndObject();
        }

        private static void WriteClientDetail(Utf8JsonWriter w, SandboxClient c)
        {
            w.WriteStartObject();
            WriteClientIdentity(w, c);
            w.Text("qb_customer_id", c.QbCustomerId);
            WriteClientAddress(w, c);
            WriteClientStatus(w, c);
            WriteClientSettings(w, c);
            w.WriteEndObject();
        }

        private static void WriteClientIdentity(Utf8JsonWriter w, SandboxClient c)
        {
            w.Text("id", c.Id);
            w.Text("users_id", c.UsersId);
            w.Text("client_settings_id", c.ClientSettingsId);
            w.Text("avail_id", c.AvailId);
        }

        private static void WriteClientAddress(Utf8JsonWriter w, SandboxClient c)
        {
            w.Text("first_name", c.FirstName);
            w.Text("last_name", c.LastName);
            w.Text("address1", c.Address1);
            w.Text("address2", c.Address2);
            w.Text("city", c.City);
            w.Text("state", c.State);
            w.Text("zipcode", c.Zipcode);
            w.Text("country", c.Country);
            w.Text("p_phone", c.PrimaryPhone);
            w.Text("s_phone", c.SecondaryPhone);
            w.Text("text_phone", c.TextPhone);
        }

        private static void WriteClientStatus(Utf8JsonWriter w, SandboxClient c)
        {
            w.Text("latitude", c.Latitude);
            w.Text("longitude", c.Longitude);
            w.Text("dob", c.Dob);
            w.Text("status", c.Status);
            w.Text("inactive_date", c.InactiveDate);
            w.Text("inactive_set_date", c.InactiveSetDate);
            w.Text("inactive_reason", c.InactiveReason);
            w.Text("inactive_who", c.InactiveWho);
            w.Text("funnel_id", c.FunnelId);
            w.Text("calendar_color", c.CalendarColor);
            w.Text("start_date", c.StartDate);
            w.Text("notes", c.Notes);
            w.Text("timezone", c.Timezone);
        }

        private static void WriteClientSettings(Utf8JsonWriter w, SandboxClient c)
        {
            w.Text("send_welcome_message", c.SendWelcomeMessage);
            w.Text("send_lesson_reminders", c.SendLessonReminders);
            w.Text("add_session", c.AddSession);
            w.Text("see_practs_information", c.SeePractsInformation);
            w.Text("text_reminders", c.TextReminders);
            w.Text("use_records", c.UseRecords);
            w.Text("session_cancel", c.SessionCancel);
            w.Text("ace", c.Ace);
            w.Text("hide_costs", c.HideCosts);
            w.Text("username", c.Username);
            w.Text("email", c.Email);
            w.Text("dark", c.Dark);
            w.Text("calendar", c.Calendar);
            w.Text("minTime", c.MinTime);
            w.Text("maxTime", c.MaxTime);
            w.Text("slotDuration", c.SlotDuration);
            w.Text("sessionLimit", c.SessionLimit);
            w.Text("cal_length", c.CalLength);
        }

        private static void WriteSession(Utf8JsonWriter w, SandboxSession s)
        {
            w.WriteStartObject();
            w.Text("id", s.Id);
            w.Text("confirmed", s.Confirmed);
            w.Text("multi", s.Multi);
            w.Text("slots", s.Slots);
            w.Text("class_id", s.ClassId);
            w.Text("display", s.Display);
            w.Text("pract_id", s.PractId);
            w.Text("wage_id", s.WageId);
            w.Text("client_id", s.ClientId);
            w.Text("client_due_id", s.ClientDueId);
            w.Text("cancel_clients", s.CancelClients);
            w.Text("temp", s.Temp);
            w.Text("service_id", s.ServiceId);
            w.Text("location_id", s.LocationId);
            w.Text("recurr_id", s.RecurrId);
            w.Text("recurr_on", s.RecurrOn);
            w.Text("qb_invoice_id", s.QbInvoiceId);
            w.Text("session_status", s.SessionStatus);
            w.Text("custom_map_id", s.CustomMapId);
            w.Text("session_reminder", s.SessionReminder);
            w.Text("session_sms", s.SessionSms);
            w.Text("session_description", s.SessionDescription);
            w.Text("session_date", s.SessionDate);
            w.Text("session_start_time", s.SessionStartTime);
            w.Text("session_end_time", s.SessionEndTime);
            w.Text("session_note", s.SessionNote);
            w.Text("session_private_note", s.SessionPrivateNote);
            w.Text("session_other_note", s.SessionOtherNote);
            w.Text("assessment_moderation", s.AssessmentModeration);
            w.Text("assessment_present", s.AssessmentPresent);
            w.WriteEndObject();
        }

        private static void WriteTestimonial(Utf8JsonWriter w, SandboxTestimonial t)
        {
            w.WriteStartObject();
            w.Text("id", t.Id);
            w.Text("first_name", t.FirstName);
            w.Text("last_name", t.LastName);
            w.Text("testimonial", t.Testimonial);
            w.WriteEndObject();
        }
    }
}
