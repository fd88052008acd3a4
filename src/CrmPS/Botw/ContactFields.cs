using CrmPS.Core;

namespace CrmPS.Botw
{
    /// <summary>The fields of one contact write or delete, named as the API names them.</summary>
    internal sealed class ContactFields
    {
        public int? Id { get; set; }

        public string FirstName { get; set; }

        public string LastName { get; set; }

        public string Email { get; set; }

        public string Phone { get; set; }

        public bool HasEmailOrPhone => !string.IsNullOrEmpty(Email) || !string.IsNullOrEmpty(Phone);

        /// <summary>The same fields, sent for the contact with this id.</summary>
        public ContactFields WithId(int id) => new ContactFields { Id = id, FirstName = FirstName, LastName = LastName, Email = Email, Phone = Phone };

        /// <summary>The form body: only the fields that have a value, so an update never blanks a field by accident.</summary>
        public FormFields ToForm() =>
            new FormFields()
                .AddIfPresent("id", Id)
                .AddIfPresent("first_name", FirstName)
                .AddIfPresent("last_name", LastName)
                .AddIfPresent("email", Email)
                .AddIfPresent("phone", Phone);
    }
}
