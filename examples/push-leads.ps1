<#
.SYNOPSIS
    Pushes web-form leads into Bizstim, Customer Database App and BOTW CRM (the offline
    sandboxes) and reports what each CRM took and what it refused.

.DESCRIPTION
    A walk-through of the three services of CrmPS, safe to run anywhere: it connects to the
    in-memory sandboxes, so no API key is needed and nothing leaves the machine.

    1. Imports the CrmPS module and connects to the three sandboxes.
    2. Reads the leads once with Import-Csv. The header ('first name', 'last name', 'e-mail',
       'phone', ...) binds to each CRM's parameters through their aliases.
    3. Bizstim: each lead becomes a sales inquiry that saves the lead as a prospect. A
       Bizstim inquiry takes one e-mail address, so the first address of a cell holding
       several is sent.
    4. Customer Database App: each lead becomes a customer (a cell holding several e-mail
       addresses is sent as email[0], email[1], ...), and each new customer gets a note.
    5. BOTW CRM: each lead becomes a contact in the listing. BOTW keeps one address per
       contact, so for a cell holding several it sends the first and writes a warning.
       BOTW refuses blacklisted addresses: that lead is reported, the others go.
    6. Prints one summary row per CRM, every refusal with its reason, and a closing line.

    Refusals are non-terminating errors collected with -ErrorVariable; the TargetObject of
    each is the CSV row, so the script can say which lead it was.

.PARAMETER CsvPath
    The leads to push. Defaults to web-leads.csv next to this script: 12 leads, two of them
    with two e-mail addresses in one cell and one (spam@example.com) that BOTW has blacklisted.

.PARAMETER ModulePath
    The module to import: a module name, a module folder or the path of CrmPS.psd1.
    Defaults to CrmPS, the installed module.

.PARAMETER ListingId
    The BOTW listing (campaign) the contacts go to. Defaults to 123, the listing of the
    vendor's examples.

.EXAMPLE
    ./examples/push-leads.ps1

    Pushes examples/web-leads.csv into the three sandboxes with the installed CrmPS module.

.EXAMPLE
    ./examples/push-leads.ps1 -ModulePath ./out/CrmPS/0.1.0/CrmPS.psd1 -CsvPath ./my-leads.csv

    Tries your own export against the sandboxes with a freshly built module.
#>
param(
    [string] $CsvPath = (Join-Path $PSScriptRoot 'web-leads.csv'),

    [string] $ModulePath = 'CrmPS',

    [int] $ListingId = 123
)

Import-Module $ModulePath -ErrorAction Stop

# The sandboxes are in-memory accounts kept for this PowerShell session. For real accounts:
# Connect-Bizstim -ApiKey ...; Connect-Cdb -ApiKey ...; Connect-Botw -ApiKey ... -ListingId <id>
Connect-Bizstim -Sandbox
Connect-Cdb -Sandbox
Connect-Botw -Sandbox -ListingId $ListingId

$leads = @(Import-Csv -Path $CsvPath)

# Bizstim: one sales inquiry per lead, saved as a prospect; an inquiry takes one address.
$inquiries = @($leads | ForEach-Object {
        [pscustomobject]@{
            FirstName = $_.'first name'
            LastName  = $_.'last name'
            Email     = ($_.'e-mail' -split '[,;]')[0].Trim()
            Phone     = $_.phone
            City      = $_.city
            State     = $_.state
            Country   = $_.country
            Message   = $_.message
        }
    } | Send-BizstimInquiry -SaveAsProspect -ErrorVariable bizstimErrors -ErrorAction SilentlyContinue)

# Customer Database App and BOTW take only the contact columns; the others would be named in an
# "unused column" warning.
$contactColumns = 'first name', 'last name', 'e-mail', 'phone'

# Customer Database App: one customer per lead, every address kept, and a note on each.
$customers = @($leads | Select-Object -Property $contactColumns | New-CdbCustomer -ErrorVariable cdbErrors -ErrorAction SilentlyContinue)
$notes = @($customers | New-CdbNote -Text 'Imported from the web form' -ErrorVariable cdbNoteErrors -ErrorAction SilentlyContinue)

# BOTW CRM: one contact per lead; blacklisted addresses are refused one by one.
$contacts = @($leads | Select-Object -Property $contactColumns | New-BotwContact -ErrorVariable botwErrors -ErrorAction SilentlyContinue)

$summary = @(
    [pscustomobject]@{ CRM = 'Bizstim'; Leads = $leads.Count; Created = $inquiries.Count; Refused = @($bizstimErrors).Count; What = 'sales inquiries, saved as prospects' }
    [pscustomobject]@{ CRM = 'Customer Database App'; Leads = $leads.Count; Created = $customers.Count; Refused = @($cdbErrors).Count + @($cdbNoteErrors).Count; What = "customers, $($notes.Count) with a note" }
    [pscustomobject]@{ CRM = 'BOTW CRM'; Leads = $leads.Count; Created = $contacts.Count; Refused = @($botwErrors).Count; What = "contacts in listing $ListingId" }
)
$summary | Format-Table CRM, Leads, Created, Refused, What -AutoSize

# Every refusal, with the lead it concerns and the CRM's reason.
foreach ($refusal in @($bizstimErrors) + @($cdbErrors) + @($cdbNoteErrors) + @($botwErrors)) {
    $lead = $refusal.TargetObject
    $email = if ($lead.'e-mail') { $lead.'e-mail' } else { $lead.Email }
    Write-Output ('Refused: {0}: {1}' -f $email, $refusal.Exception.Message)
}

# The customers as Customer Database App numbered them.
$customers | Format-Table CustomerId, Forename, Surname, Email -AutoSize

$refused = 0
foreach ($row in $summary) {
    $refused += $row.Refused
}

Write-Output ('Pushed {0} leads: Bizstim {1} inquiries, Customer Database App {2} customers, BOTW {3} contacts; {4} refused.' -f $leads.Count, $inquiries.Count, $customers.Count, $contacts.Count, $refused)
