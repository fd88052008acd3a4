using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace CrmPS.Bizstim
{
    /// <summary>The import header as the vendor fixes it: 16 labels in order, then custom fields, then tags.</summary>
    internal static class ClientColumns
    {
        public const int FirstName = 0;
        public const int LastName = 1;
        public const int Address1 = 2;
        public const int Address2 = 3;
        public const int City = 4;
        public const int State = 5;
        public const int ZipCode = 6;
        public const int Country = 7;
        public const int PrimaryPhone = 8;
        public const int SecondaryPhone = 9;
        public const int MobilePhone = 10;
        public const int Email = 11;
        public const int DateOfBirth = 12;
        public const int Status = 13;
        public const int StartDate = 14;
        public const int Notes = 15;
        public const string TagsLabel = "tags";

        public static readonly IReadOnlyList<string> FixedLabels = new[]
        {
            "first name", "last name", "address 1", "address 2", "city", "state", "zipcode", "country",
            "primary phone", "secondary phone", "mobile phone", "e-mail", "DOB", "status", "start date", "notes",
        };

        /// <summary>The PowerShell parameter that carries each fixed column, for messages that name the field.</summary>
        public static readonly IReadOnlyList<string> ParameterNames = new[]
        {
            "FirstName", "LastName", "Address1", "Address2", "City", "State", "ZipCode", "Country",
            "PrimaryPhone", "SecondaryPhone", "MobilePhone", "Email", "DateOfBirth", "Status", "StartDate", "Notes",
        };

        private static readonly Regex CustomFieldPattern = new Regex(@"^(\d+)(_|$)", RegexOptions.Compiled | RegexOptions.CultureInvariant);

        /// <summary>The header label Bizstim needs: "105" alone becomes "105_" (the text after the underscore is only a description).</summary>
        public static string CustomFieldLabel(string name) => name.IndexOf('_') >= 0 ? name : name + "_";

        /// <summary>
        /// True for a custom-field column: the field's number (1 or more), alone or followed by an
        /// underscore and any text ("105_student_id", "105"). "0_x", "-1_x", "abc_def" and "2nd" are not
        /// custom fields (they are reported as unused columns). <paramref name="fieldId"/> is the number.
        /// </summary>
        public static bool IsCustomField(string label, out string fieldId)
        {
            Match match = CustomFieldPattern.Match(label ?? string.Empty);
            fieldId = match.Success ? match.Groups[1].Value.TrimStart('0') : null;
            if (match.Success && fieldId.Length == 0)
            {
                fieldId = null;
                return false;
            }

            return match.Success;
        }

        public static bool IsTags(string label) => string.Equals(label, TagsLabel, StringComparison.OrdinalIgnoreCase);
    }
}
