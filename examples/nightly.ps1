<#
.SYNOPSIS
    The nightly job: pushes the web-form export into Bizstim, Customer Database App and BOTW CRM,
    creating only what is not there yet, and exits with 1 when something needs attention.

.DESCRIPTION
    Copy this script, point -CsvPath at the export your web form writes (it grows by a few rows
    every day) and schedule it (Task Scheduler, cron, a CI schedule). Every run reads the whole
    export; what earlier runs created is left alone:

    1. Bizstim: each lead becomes a client (status Prospect, the message as its notes) through
       Import-BizstimClient -SkipExisting, which reads the account's clients once and sends only
       rows whose e-mail (or, without one, name) is not there yet. -CheckpointPath lets a run
       that was stopped (reboot, Ctrl+C) resume where it was; it is removed after a complete run.
    2. Customer Database App has no read endpoint, so CrmPS cannot ask it what exists:
       New-CdbCustomer -LedgerPath keeps a local record (hashes only, no client data) of the
       customers this job created, and each new customer gets a note.
    3. BOTW CRM: New-BotwContact -SkipExisting looks each contact up by e-mail (or phone) first.
    4. Writes what needs attention (rows not stored, refusals, creates without a clear answer)
       to a CSV file, returns one summary object per CRM, and exits with 1 when that file is not
       empty, 0 otherwise, so the scheduler can alert.

    Keep -StatePath (the checkpoint and the ledger) between runs: deleting the ledger makes the
    next run create every Customer Database App customer again.

.PARAMETER CsvPath
    The web-form export. Columns: first name, last name, e-mail, phone, city, state, country,
    message. Defaults to web-leads.csv next to this script.

.PARAMETER StatePath
    A folder kept between runs for the Bizstim checkpoint and the Customer Database App ledger.
    Created when missing. Defaults to a folder crmps-nightly in the user's application data.

.PARAMETER AttentionPath
    The CSV file of what needs attention. Defaults to needs-attention.csv in -StatePath. It is
    replaced on every run, and removed when nothing needs attention.

.PARAMETER ModulePath
    The module to import: a module name, a module folder or the path of CrmPS.psd1.
    Defaults to CrmPS, the installed module.

.PARAMETER ListingId
    The BOTW listing the contacts go to.

.PARAMETER BizstimPlan
    The Bizstim plan (Trial or Enterprise), for the batch size and the hourly pacing.

.PARAMETER Sandbox
    Uses the offline sandboxes instead of the accounts. They live as long as the PowerShell
    session: run the script twice in one session to see the second run create nothing.
    Without -Sandbox, the keys come from $env:BIZSTIM_API_KEY, $env:CDB_API_KEY and
    $env:BOTW_API_KEY.

.EXAMPLE
    pwsh -NoProfile -File ./nightly.ps1 -CsvPath D:\exports\leads.csv -StatePath D:\crmps-state

    The scheduled command. The exit code is 1 when D:\crmps-state\needs-attention.csv lists rows.

.EXAMPLE
    ./examples/nightly.ps1 -Sandbox -ModulePath ./out/CrmPS/0.1.0/CrmPS.psd1 -StatePath ./state
    ./examples/nightly.ps1 -Sandbox -ModulePath ./out/CrmPS/0.1.0/CrmPS.psd1 -StatePath ./state

    Twice against the sandboxes in one session: the second run creates nothing.
#>
param(
    [string] $CsvPath = (Join-Path $PSScriptRoot 'web-leads.csv'),

    [string] $StatePath = (Join-Path ([Environment]::GetFolderPath('ApplicationData')) 'crmps-nightly'),

    [string] $AttentionPath,

    [string] $ModulePath = 'CrmPS',

    [int] $ListingId = 123,

    [ValidateSet('Trial', 'Enterprise')]
    [string] $BizstimPlan = 'Enterprise',

    [switch] $Sandbox
)

$ErrorActionPreference = 'Stop'
Import-Module $ModulePath

$StatePath = $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($StatePath)
[void][System.IO.Directory]::CreateDirectory($StatePath)
if (-not $AttentionPath) {
    $AttentionPath = Join-Path $StatePath 'needs-attention.csv'
}

$AttentionPath = $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($AttentionPath)

$checkpointPath = Join-Path $StatePath 'bizstim-checkpoint.json'
$ledgerPath = Join-Path $StatePath 'cdb-customers.ledger'

if ($Sandbox) {
    Connect-Bizstim -Sandbox -Plan $BizstimPlan
    Connect-Cdb -Sandbox
    Connect-Botw -Sandbox -ListingId $ListingId
}
else {
    Connect-Bizstim -Plan $BizstimPlan            # $env:BIZSTIM_API_KEY
    Connect-Cdb                                   # $env:CDB_API_KEY
    Connect-Botw -ListingId $ListingId            # $env:BOTW_API_KEY
}

# Number the leads, so every problem can name the row of the export it comes from.
$row = 0
$leads = @(Import-Csv -Path $CsvPath | ForEach-Object {
        $row++
        $_.PSObject.Properties.Add([psnoteproperty]::new('LeadRow', $row))
        $_
    })

$attention = [System.Collections.Generic.List[object]]::new()
function Add-Attention($Crm, $Lead, $Problem) {
    # $Lead is $null for a failure that stopped a whole CRM's step.
    $attention.Add([pscustomobject]@{
            CRM     = $Crm
            Row     = $Lead.LeadRow
            Name    = ('{0} {1}' -f $Lead.'first name', $Lead.'last name').Trim()
            Email   = $Lead.'e-mail'
            Problem = $Problem
        })
}

# The rest reports a problem with one row as a non-terminating error, collected per CRM; a
# failure that stops a CRM's step (an unreadable account, an unusable ledger) is caught, noted,
# and the other CRMs still run.
$ErrorActionPreference = 'Continue'

# 1. Bizstim clients: only rows not in the account yet are sent.
$clients = $leads | ForEach-Object {
    [pscustomobject]@{
        FirstName    = $_.'first name'
        LastName     = $_.'last name'
        Email        = $_.'e-mail'
        PrimaryPhone = $_.phone
        City         = $_.city
        State        = $_.state
        Country      = $_.country
        Status       = 'Prospect'
        Notes        = $_.message
    }
}
$bizstim = @()
try {
    $bizstim = @($clients | Import-BizstimClient -SkipExisting -CheckpointPath $checkpointPath -ErrorAction SilentlyContinue)
}
catch {
    Add-Attention 'Bizstim' $null ('The import stopped: {0}' -f $_.Exception.Message)
}

foreach ($result in $bizstim) {
    if ("$($result.Status)" -notin 'Imported', 'Exists') {
        Add-Attention 'Bizstim' $leads[$result.Row - 1] ('{0}: {1}' -f $result.Status, $result.Message)
    }
}

if ($bizstim.Count -eq $leads.Count -and $leads.Count -gt 0) {
    # Every row has its result: nothing to resume. The next run's -SkipExisting sees what landed.
    [System.IO.File]::Delete($checkpointPath)
}

# 2. Customer Database App customers, each new one with a note; the ledger skips earlier ones.
$note = 'Web-form lead imported by the nightly job on {0:yyyy-MM-dd}' -f (Get-Date)
$customers = @()
$notes = @()
$cdbErrors = @()
$noteErrors = @()
$cdbStopped = $false
try {
    # One pipeline, so each customer gets its note as soon as it exists, even if a later row stops the step.
    $notes = @($leads |
            New-CdbCustomer -LedgerPath $ledgerPath -OutVariable customers -ErrorVariable cdbErrors -ErrorAction SilentlyContinue |
            New-CdbNote -Text $note -ErrorVariable noteErrors -ErrorAction SilentlyContinue)
}
catch {
    $cdbStopped = $true
    Add-Attention 'Customer Database App' $null ('The import stopped: {0}' -f $_.Exception.Message)
}

# -ErrorVariable also holds the exception that stopped the step (noted above); the rows' own errors are ErrorRecords.
foreach ($failure in @($cdbErrors) + @($noteErrors) | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] }) {
    $lead = $failure.TargetObject
    if ($lead -isnot [psobject] -or $null -eq $lead.LeadRow) {
        $lead = [pscustomobject]@{ LeadRow = $null; 'first name' = "$($failure.TargetObject)"; 'last name' = ''; 'e-mail' = '' }
    }

    Add-Attention 'Customer Database App' $lead $(if ($failure.ErrorDetails) { $failure.ErrorDetails.Message } else { $failure.Exception.Message })
}

# 3. BOTW contacts: looked up by e-mail (or phone) first.
$contacts = @()
$botwErrors = @()
try {
    $contacts = @($leads | New-BotwContact -SkipExisting -ErrorVariable botwErrors -ErrorAction SilentlyContinue)
}
catch {
    Add-Attention 'BOTW CRM' $null ('The import stopped: {0}' -f $_.Exception.Message)
}

foreach ($failure in @($botwErrors) | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] }) {
    Add-Attention 'BOTW CRM' $failure.TargetObject $failure.Exception.Message
}

# 4. What needs attention, one summary object per CRM, and the exit code.
[System.IO.File]::Delete($AttentionPath)
if ($attention.Count -gt 0) {
    $attention | Export-Csv -Path $AttentionPath -NoTypeInformation
}

[pscustomobject]@{ CRM = 'Bizstim'; Leads = $leads.Count; Created = @($bizstim | Where-Object { "$($_.Status)" -eq 'Imported' }).Count; AlreadyThere = @($bizstim | Where-Object { "$($_.Status)" -eq 'Exists' }).Count; NeedAttention = @($attention | Where-Object CRM -eq 'Bizstim').Count }
[pscustomobject]@{ CRM = 'Customer Database App'; Leads = $leads.Count; Created = @($customers).Count; AlreadyThere = $(if ($cdbStopped) { 0 } else { $leads.Count - @($customers).Count - @($cdbErrors).Count }); NeedAttention = @($attention | Where-Object CRM -eq 'Customer Database App').Count }
[pscustomobject]@{ CRM = 'BOTW CRM'; Leads = $leads.Count; Created = @($contacts | Where-Object { "$($_.Outcome)" -eq 'Created' }).Count; AlreadyThere = @($contacts | Where-Object { "$($_.Outcome)" -eq 'Exists' }).Count; NeedAttention = @($attention | Where-Object CRM -eq 'BOTW CRM').Count }

if ($attention.Count -gt 0) {
    Write-Output ('{0} row(s) need attention: see {1}' -f $attention.Count, $AttentionPath)
    exit 1
}

Write-Output 'Nothing needs attention.'
exit 0
