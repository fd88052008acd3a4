<#
.SYNOPSIS
    Imports a CSV client list into Bizstim (the offline sandbox) and reports what landed.

.DESCRIPTION
    A walk-through of the CrmPS Bizstim cmdlets, safe to run anywhere: it connects to the
    in-memory Bizstim sandbox, so no API key is needed and nothing leaves the machine.

    1. Imports the CrmPS module and runs Connect-Bizstim -Sandbox.
    2. Pipes the CSV straight into Import-BizstimClient. The CSV header uses the vendor's
       labels ('first name', 'e-mail', 'DOB', ...), which bind through the cmdlet's
       parameter aliases; '105_student_id'-style columns become custom fields and the
       'tags' column becomes the client's tags. Rows are streamed and sent in batches.
    3. Prints how many rows ended in each status, then the rows that were not imported
       with the reason. Bad rows are reported as non-terminating errors (collected in
       $importErrors, each with the input row as its TargetObject) and do not stop the
       other rows.
    4. Optionally writes the rows that need attention to a CSV file.
    5. Lists the clients now in the account, and ends with a one-line summary.

.PARAMETER CsvPath
    The client list to import. Defaults to clients.csv next to this script: 56 rows, 4 of
    them deliberately broken (an empty last name, the status 'pending', the date of birth
    2001-02-31 and an empty country).

.PARAMETER ModulePath
    The module to import: a module name, a module folder or the path of CrmPS.psd1.
    Defaults to CrmPS, the installed module. build.ps1 -Task Demo passes the freshly
    built out/CrmPS/<version>/CrmPS.psd1.

.PARAMETER RetryPath
    Optional. When given, the rows that were not imported (row number, status, names,
    e-mail and the reason) are written to this CSV file, so they can be corrected and
    imported again.

.EXAMPLE
    ./examples/demo.ps1

    Imports examples/clients.csv into the sandbox with the installed CrmPS module.

.EXAMPLE
    ./examples/demo.ps1 -ModulePath ./out/CrmPS/0.1.0/CrmPS.psd1 -RetryPath ./needs-attention.csv

    Uses a freshly built module and saves the 4 rows that need attention to needs-attention.csv.

.EXAMPLE
    ./examples/demo.ps1 -CsvPath ./my-clients.csv

    Tries your own client list against the sandbox before importing it for real.
#>
param(
    [string] $CsvPath = (Join-Path $PSScriptRoot 'clients.csv'),

    [string] $ModulePath = 'CrmPS',

    [string] $RetryPath
)

Import-Module $ModulePath -ErrorAction Stop

# The sandbox is an in-memory Bizstim account kept for this PowerShell session.
# For a real account: Connect-Bizstim -ApiKey (Read-Host -AsSecureString 'Bizstim API key')
Connect-Bizstim -Sandbox

# Stream the CSV rows into the import. Invalid rows become non-terminating errors in
# $importErrors; every row, good or bad, yields one result object with Row and Status.
$results = Import-Csv -Path $CsvPath | Import-BizstimClient -ErrorVariable importErrors -ErrorAction SilentlyContinue

# How many rows ended in each status (Imported, Invalid, Failed, Unverified, Skipped).
$results | Group-Object Status | Select-Object Name, Count | Format-Table -AutoSize

# The rows that were not imported, with the reason.
$needAttention = @($results | Where-Object Status -ne 'Imported')
$needAttention | Format-Table Row, Status, FirstName, LastName, Message -AutoSize -Wrap

if ($RetryPath) {
    $needAttention | Select-Object Row, Status, FirstName, LastName, Email, Message | Export-Csv -Path $RetryPath -NoTypeInformation
}

# Read the clients back from the account.
Get-BizstimClient | Format-Table Id, FirstName, LastName, City, Email -AutoSize

$total = 0
$imported = 0
foreach ($result in @($results)) {
    $total++
    if ("$($result.Status)" -eq 'Imported') {
        $imported++
    }
}

Write-Output ('Imported {0} of {1} rows; {2} need attention.' -f $imported, $total, ($total - $imported))
