using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using CrmPS.Core;
using TimeZoneConverter;

namespace CrmPS.Bizstim
{
    /// <summary>Maps Bizstim's JSON (snake_case, numbers as strings, 0/1 flags) onto the typed output objects.</summary>
    internal static class BizstimParser
    {
        private static readonly ConcurrentDictionary<string, TimeZoneInfo> TimeZones = new ConcurrentDictionary<string, TimeZoneInfo>(StringComparer.OrdinalIgnoreCase);
        private static readonly Regex BlockBreaks = new Regex(@"<\s*(br|/p|/div|/li)\s*/?\s*>", RegexOptions.IgnoreCase | RegexOptions.Compiled);
        private static readonly Regex AnyWhitespace = new Regex(@"\s+", RegexOptions.Compiled);

        public static Client ParseClient(JsonElement json) => FillClient(new Client(), json);

        public static ClientDetail ParseClientDetail(JsonElement json)
        {
            var client = FillClient(new ClientDetail(), json);
            client.Username = JsonFields.String(json, "username");
            client.Status = ParseClientStatus(JsonFields.String(json, "status"));
            client.DateOfBirth = JsonFields.Date(json, "dob");
            client.StartDate = JsonFields.Date(json, "start_date");
            client.Notes = JsonFields.String(json, "notes");
            client.TimeZone = JsonFields.String(json, "timezone");
            client.InactiveDate = JsonFields.Date(json, "inactive_date");
            client.InactiveSetDate = JsonFields.Date(json, "inactive_set_date");
            client.InactiveReason = JsonFields.String(json, "inactive_reason");
            client.InactiveBy = JsonFields.String(json, "inactive_who");
            client.QuickBooksCustomerId = JsonFields.Int(json, "qb_customer_id");
            client.FunnelId = JsonFields.Int(json, "funnel_id");
            client.Latitude = JsonFields.String(json, "latitude");
            client.Longitude = JsonFields.String(json, "longitude");
            client.CalendarColor = JsonFields.String(json, "calendar_color");
            client.SendWelcomeMessage = JsonFields.Flag(json, "send_welcome_message");
            client.SendLessonReminders = JsonFields.Flag(json, "send_lesson_reminders");
            client.AddSession = JsonFields.Flag(json, "add_session");
            client.SeePractitionerInformation = JsonFields.Flag(json, "see_practs_information");
            client.TextReminders = JsonFields.Flag(json, "text_reminders");
            client.UseRecords = JsonFields.Flag(json, "use_records") ?? JsonFields.Flag(json, "user_records");
            client.SessionCancel = JsonFields.Flag(json, "session_cancel");
            client.AvailableCreditException = JsonFields.Flag(json, "ace");
            client.HideCosts = JsonFields.Flag(json, "hide_costs") ?? JsonFields.Flag(json, "hide costs");
            client.DarkMode = JsonFields.Flag(json, "dark");
            client.CalendarView = JsonFields.Int(json, "calendar");
            client.MinTime = JsonFields.String(json, "minTime");
            client.MaxTime = JsonFields.String(json, "maxTime");
            client.SlotDuration = JsonFields.String(json, "slotDuration");
            client.SessionLimit = JsonFields.Int(json, "sessionLimit");
            client.CalendarLength = JsonFields.Int(json, "cal_length");
            return client;
        }

        public static ClientStatus? ParseClientStatus(string text) =>
            Enum.TryParse(text?.Trim(), ignoreCase: true, out ClientStatus status) && Enum.IsDefined(typeof(ClientStatus), status)
                ? status
                : (ClientStatus?)null;

        public static Session ParseSession(JsonElement json, string timeZoneId)
        {
            var session = new Session
            {
                SessionId = JsonFields.Int(json, "id") ?? 0,
                Confirmed = JsonFields.Flag(json, "confirmed"),
                IsGroup = JsonFields.Flag(json, "multi"),
                Slots = JsonFields.Int(json, "slots"),
                ClassId = JsonFields.Int(json, "class_id"),
                Display = JsonFields.Flag(json, "display"),
                PractitionerId = JsonFields.Int(json, "pract_id") ?? JsonFields.Int(json, "pract_d"),
                WageId = JsonFields.Int(json, "wage_id"),
                ClientId = JsonFields.Int(json, "client_id"),
                ClientDueId = JsonFields.Int(json, "client_due_id"),
                CancelledClients = JsonFields.String(json, "cancel_clients"),
                Temp = JsonFields.String(json, "temp"),
                ServiceId = JsonFields.Int(json, "service_id"),
                LocationId = JsonFields.Int(json, "location_id"),
                RecurringId = JsonFields.Int(json, "recurr_id"),
                IsRecurring = JsonFields.Flag(json, "recurr_on"),
                QuickBooksInvoiceId = JsonFields.String(json, "qb_invoice_id"),
                CustomMapId = JsonFields.Int(json, "custom_map_id"),
                ReminderSent = JsonFields.Flag(json, "session_reminder"),
                TextReminderSent = JsonFields.Flag(json, "session_sms"),
                Description = JsonFields.String(json, "session_description"),
                Date = JsonFields.String(json, "session_date"),
                StartTime = JsonFields.String(json, "session_start_time"),
                EndTime = JsonFields.String(json, "session_end_time"),
                Note = JsonFields.String(json, "session_note"),
                PrivateNote = JsonFields.String(json, "session_private_note"),
                MarketingNote = JsonFields.String(json, "session_other_note"),
                NeedsModeration = JsonFields.Flag(json, "assessment_moderation"),
                HasAssessment = JsonFields.Flag(json, "assessment_present"),
                TimeZone = timeZoneId,
            };

            int? status = JsonFields.Int(json, "session_status");
            session.Status = status.HasValue && Enum.IsDefined(typeof(SessionStatus), status.Value) ? (SessionStatus)status.Value : (SessionStatus?)null;
            TimeZoneInfo zone = FindTimeZone(timeZoneId);
            session.Start = LocalToOffset(session.Date, session.StartTime, zone);
            session.End = LocalToOffset(session.Date, session.EndTime, zone);
            return session;
        }

        public static ClientTestimonial ParseTestimonial(JsonElement json)
        {
            string html = JsonFields.String(json, "testimonial") ?? string.Empty;
            return new ClientTestimonial
            {
                Id = JsonFields.Int(json, "id") ?? 0,
                FirstName = JsonFields.String(json, "first_name"),
                LastName = JsonFields.String(json, "last_name"),
                Testimonial = html,
                Text = HtmlToText(html),
            };
        }

        public static string HtmlToText(string html)
        {
            // Line breaks in the HTML source are only whitespace; the tags say where lines end.
            string flat = AnyWhitespace.Replace(html ?? string.Empty, " ");
            string withBreaks = BlockBreaks.Replace(flat, "\n");
            string[] lines = withBreaks.Split('\n');
            var kept = new System.Collections.Generic.List<string>();
            foreach (string line in lines)
            {
                string text = TextPreview.StripHtml(line);
                if (text.Length > 0)
                {
                    kept.Add(text);
                }
            }

            return string.Join("\n", kept);
        }

        /// <summary>Resolves an IANA zone on every platform (TimeZoneConverter maps it to Windows ids on Windows PowerShell); null when unknown.</summary>
        public static TimeZoneInfo FindTimeZone(string ianaId)
        {
            if (string.IsNullOrWhiteSpace(ianaId))
            {
                return null;
            }

            return TimeZones.GetOrAdd(ianaId, id => TZConvert.TryGetTimeZoneInfo(id, out TimeZoneInfo zone) ? zone : null);
        }

        public static DateTimeOffset? LocalToOffset(string date, string time, TimeZoneInfo zone)
        {
            if (zone == null || string.IsNullOrWhiteSpace(date) || string.IsNullOrWhiteSpace(time))
            {
                return null;
            }

            string[] formats = { "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd H:mm" };
            if (!DateTime.TryParseExact(date.Trim() + " " + time.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime local))
            {
                return null;
            }

            return new DateTimeOffset(local, zone.GetUtcOffset(local));
        }

        private static T FillClient<T>(T client, JsonElement json)
            where T : Client
        {
            client.Id = JsonFields.Int(json, "id") ?? 0;
            client.UserId = JsonFields.Int(json, "users_id");
            client.ClientSettingsId = JsonFields.Int(json, "client_settings_id");
            client.AvailabilityId = JsonFields.Int(json, "avail_id");
            client.FirstName = JsonFields.String(json, "first_name");
            client.LastName = JsonFields.String(json, "last_name");
            client.Address1 = JsonFields.String(json, "address1");
            client.Address2 = JsonFields.String(json, "address2");
            client.City = JsonFields.String(json, "city");
            client.State = JsonFields.String(json, "state");
            client.ZipCode = JsonFields.String(json, "zipcode");
            client.Country = JsonFields.String(json, "country");
            client.PrimaryPhone = JsonFields.String(json, "p_phone");
            client.SecondaryPhone = JsonFields.String(json, "s_phone");
            client.MobilePhone = JsonFields.String(json, "text_phone");
            client.Email = JsonFields.String(json, "email");
            return client;
        }
    }
}
