using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Linq;
using System.Management.Automation;
using CrmPS.Core;

namespace CrmPS.Cdb
{
    [Cmdlet(VerbsCommon.New, "CdbCustomer", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(Customer))]
    public sealed class NewCdbCustomerCommand : CdbCustomFieldCmdlet
    {
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("first name", "FirstName", "first_name", "GivenName")]
        [AllowEmptyString]
        public string Forename { get; set; }

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("last name", "LastName", "last_name", "FamilyName")]
        [AllowEmptyString]
        public string Surname { get; set; }

        /// <summary>One or more addresses; a value holding several separated by ',' or ';' is split.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("e-mail", "EmailAddress", "e-mail address", "mail")]
        [AllowEmptyString]
        [AllowEmptyCollection]
        public string[] Email { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Mobile", "mobile phone", "MobilePhone", "primary phone", "PrimaryPhone", "p_phone", "Telephone", "PhoneNumber")]
        public string[] Phone { get; set; }

        private readonly UnusedColumns _unusedColumns = new UnusedColumns(typeof(NewCdbCustomerCommand), CdbCustomFields.IsFieldId);

        protected override void ProcessRecord()
        {
            IReadOnlyList<string> unused = _unusedColumns.TakeNew(InputObject);
            if (unused != null)
            {
                WriteWarning(UnusedColumns.Warning("New-CdbCustomer", unused, "; custom fields are columns named by the field's id, f-<guid>"));
            }

            var customer = new Customer
            {
                Forename = Forename?.Trim() ?? string.Empty,
                Surname = Surname?.Trim() ?? string.Empty,
                Email = CellValues.Addresses(Email),
                Phone = CellValues.PhoneNumbers(Phone),
                CustomFields = RowCustomFields(),
            };
            object target = InputObject ?? (object)customer;
            List<string> problems = Problems(customer);
            if (problems.Count > 0)
            {
                WriteInvalid("CdbCustomerInvalid", "customer", problems, target);
                return;
            }

            string who = $"{customer.Forename} {customer.Surname} <{string.Join(", ", customer.Email)}>";
            int? id = Create(CdbRequests.Customer(customer), who, "Create Customer Database App customer", target);
            if (id.HasValue)
            {
                customer.CustomerId = id.Value;
                WriteObject(customer);
            }
        }

        private static List<string> Problems(Customer customer)
        {
            var problems = new List<string>();
            if (customer.Forename.Length == 0)
            {
                problems.Add("Forename is required and is empty.");
            }

            if (customer.Surname.Length == 0)
            {
                problems.Add("Surname is required and is empty.");
            }

            if (customer.Email.Length == 0)
            {
                problems.Add("Email is required and is empty.");
            }

            problems.AddRange(customer.Email.Where(a => !LooksLikeAddress(a)).Select(a => $"Email '{a}' is not an e-mail address."));
            return problems;
        }

        private static bool LooksLikeAddress(string address)
        {
            int at = address.IndexOf('@');
            return at > 0 && at == address.LastIndexOf('@') && at < address.Length - 1;
        }
    }
}
