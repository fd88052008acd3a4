using System;
using System.Collections.Generic;
using System.Globalization;

namespace CrmPS.Sandbox
{
    /// <summary>Deterministic seed data for <see cref="BizstimSandbox"/>.</summary>
    internal static class BizstimSandboxData
    {
        public const int FirstSessionId = 1135;

        private static readonly string[] FirstNames =
        {
            "Olivia", "Liam", "Emma", "Noah", "Amelia", "Oliver", "Sophia", "Elijah", "Charlotte", "James",
            "Mia", "Lucas", "Harper", "Mateo", "Evelyn", "Benjamin", "Aaliyah", "Henry", "Chloé", "Théo",
        };

        private static readonly string[] LastNames =
        {
            "Smith", "Johnson", "Nguyen", "Garcia", "O'Brien", "Martinez", "Chen", "Patel", "Kowalski", "Brown",
            "Müller", "Tremblay", "Davis", "Lopez", "Wilson", "Anderson", "Singh", "Thompson", "Dubois", "Rivera",
        };

        private static readonly string[][] Places =
        {
            new[] { "Beverly Hills", "California", "90210", "USA" },
            new[] { "Milton", "Ontario", "L7D 5S2", "Canada" },
            new[] { "Austin", "Texas", "73301", "USA" },
            new[] { "Portland", "Oregon", "97201", "USA" },
            new[] { "Montréal", "Quebec", "H2X 1Y4", "Canada" },
            new[] { "Brooklyn", "New York", "11201", "USA" },
            new[] { "Denver", "Colorado", "80202", "USA" },
        };

        private static readonly string[] Statuses = { "active", "active", "active", "inactive", "prospect" };

        private static readonly string[] Streets = { "Main St.", "Oak Avenue", "New Street East", "Maple Drive", "King St. W" };

        private static readonly string[] Descriptions =
        {
            "Piano Lesson", "Math Tutoring", "Reading Assessment", "Guitar Lesson", "Test Session", "Physio Follow-up",
        };

        public static SandboxClient Client(int index, int id)
        {
            var first = FirstNames[index % FirstNames.Length];
            var last = LastNames[(index * 7 + index / FirstNames.Length) % LastNames.Length];
            var place = Places[index % Places.Length];
            var phone = string.Format(CultureInfo.InvariantCulture, "({0}) 555-{1:0000}", 200 + index % 700, index % 10000);
            var email = ToAscii(first) + "." + ToAscii(last) + id.ToString(CultureInfo.InvariantCulture) + "@example.com";
            return new SandboxClient
            {
                Id = id,
                FirstName = first,
                LastName = last,
                Address1 = (100 + index * 13 % 9000).ToString(CultureInfo.InvariantCulture) + " " + Streets[index % Streets.Length],
                Address2 = index % 4 == 0 ? "Apt. " + (index % 60 + 1).ToString(CultureInfo.InvariantCulture) : "",
                City = place[0],
                State = place[1],
                Zipcode = place[2],
                Country = place[3],
                PrimaryPhone = phone,
                SecondaryPhone = index % 3 == 0 ? "" : phone.Replace("555", "556"),
                TextPhone = new string(Array.FindAll(phone.ToCharArray(), char.IsDigit)),
                Email = index % 5 == 0 ? email + ",family" + id.ToString(CultureInfo.InvariantCulture) + "@example.org" : email,
                Status = Statuses[index % Statuses.Length],
                Dob = index % 6 == 0 ? (DateTime?)null : new DateTime(1970 + index % 40, index % 12 + 1, index % 28 + 1),
                StartDate = new DateTime(2024, index % 12 + 1, index % 28 + 1),
            };
        }

        public static List<SandboxSession> Sessions()
        {
            var sessions = new List<SandboxSession>();
            for (var i = 0; i < 25; i++) sessions.Add(Session(i));
            return sessions;
        }

        public static List<SandboxTestimonial> Testimonials() => new List<SandboxTestimonial>
        {
            new SandboxTestimonial
            {
                Id = 54, FirstName = "Joe", LastName = "Smith",
                Testimonial = "<p>Our son&#39;s reading improved within weeks.<br>Booking &amp; reminders just work.</p>",
            },
            new SandboxTestimonial
            {
                Id = 72, FirstName = "Beth", LastName = "Adder",
                Testimonial = "<p>The staff are patient &amp; kind.</p><p>We call it our &quot;happy place&quot;.</p>",
            },
            new SandboxTestimonial
            {
                Id = 81, FirstName = "Marie", LastName = "Tremblay",
                Testimonial = "<p>Très bien organisé.<br/>I&#39;d recommend them to anyone &ndash; truly.</p>",
            },
            new SandboxTestimonial
            {
                Id = 96, FirstName = "Sam", LastName = "O'Brien",
                Testimonial = "<p>Five stars.</p>",
            },
        };

        private static SandboxSession Session(int i)
        {
            var date = new DateTime(2026, 1, 6).AddDays(i * 14 + i % 3);
            var start = TimeSpan.FromHours(9 + i * 5 % 9) + TimeSpan.FromMinutes(i % 2 * 30);
            var isGroup = i % 5 == 2;
            var end = start + TimeSpan.FromMinutes(isGroup ? 120 : 60);
            var status = i % 4;
            return new SandboxSession
            {
                Id = FirstSessionId + i,
                Confirmed = status == 0 && i % 3 == 0 ? 0 : 1,
                Multi = isGroup ? 1 : 0,
                Slots = isGroup ? 20 : 0,
                ClassId = isGroup ? 7 : 0,
                PractId = i % 3 == 0 ? 354 : 361,
                WageId = isGroup ? 0 : 54 + i,
                ClientId = 49 + i % 6,
                ClientDueId = isGroup ? 0 : 2300 + i,
                CancelClients = isGroup && status == 1 ? "76|2328|479889,49|2329|479895" : "",
                ServiceId = 19,
                LocationId = 24,
                RecurrId = i % 4 == 1 ? 3 : 0,
                RecurrOn = i % 4 == 1 ? 1 : 0,
                QbInvoiceId = status == 3 ? "INV-" + (1000 + i).ToString(CultureInfo.InvariantCulture) : "0",
                SessionStatus = status,
                SessionReminder = status == 0 ? 0 : 1,
                SessionSms = i % 2,
                SessionDescription = isGroup ? "Open Group Session" : Descriptions[i % Descriptions.Length],
                SessionDate = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                SessionStartTime = start.ToString(@"hh\:mm", CultureInfo.InvariantCulture),
                SessionEndTime = end.ToString(@"hh\:mm", CultureInfo.InvariantCulture),
                SessionNote = i % 3 == 0 ? "Bring the workbook | John Doe " + date.AddDays(-7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " | 11:25 am" : "",
                SessionPrivateNote = "John Doe | " + date.AddDays(-12).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " | 8:28 am | Added by administrator",
                SessionOtherNote = isGroup ? "Drop-in group; all levels welcome" : "",
                AssessmentPresent = status == 3 ? 1 : 0,
            };
        }

        private static string ToAscii(string name)
        {
            var builder = new System.Text.StringBuilder();
            foreach (var ch in name.Normalize(System.Text.NormalizationForm.FormD))
            {
                if (ch < 128 && char.IsLetter(ch)) builder.Append(char.ToLowerInvariant(ch));
            }

            return builder.ToString();
        }
    }
}
