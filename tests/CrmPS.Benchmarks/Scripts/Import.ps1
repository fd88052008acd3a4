# Scenario 1 in the real shell: each way into Import-BizstimClient beside its baselines, round by
# round, so drift on a shared machine hits them alike. L (raw HttpClient posting the same pre-built
# batches) is measured by the benchmark process between them ("SERVER LIMIT").
param(
    [string] $Manifest, [string] $Endpoint, [string] $BaseUri, [string] $ApiKey,
    [string] $File, [long] $Rows, [string] $WarmFile, [int] $Rounds,
    [string] $NaiveFile0, [long] $NaiveRows0, [string] $NaiveFile20, [long] $NaiveRows20,
    [string] $File20, [long] $Rows20
)
Import-Module $Manifest
. "$PSScriptRoot/Common.ps1"
$batches = [Math]::Ceiling($Rows / 1000)
$key = ConvertTo-SecureString $ApiKey -AsPlainText -Force

# A fresh sandbox and a fresh connection before each import: the connection counts its operations in
# the last hour against the Enterprise budget (1,000) and would wait for the hour to pass once the
# run's imports, all within minutes, went over it.
function Reset-BenchImport([int] $LatencyMs = 0) {
    Reset-BenchServer -LatencyMs $LatencyMs
    $null = Connect-Bizstim -ApiKey $key -BaseUri $BaseUri -Plan Enterprise
}

# The script a sysadmin writes without CrmPS: one POST per row with the real Invoke-RestMethod.
$labels = 'first name', 'last name', 'address 1', 'address 2', 'city', 'state', 'zipcode', 'country', 'primary phone',
    'secondary phone', 'mobile phone', 'e-mail', 'DOB', 'status', 'start date', 'notes', '105_student_id', 'tags'
$headers = @{ 'x-api-key' = $ApiKey }
function Invoke-Naive([string] $Path) {
    Import-Csv $Path | ForEach-Object {
        $values = @($_.'first name', $_.'last name', $_.'address 1', $_.'address 2', $_.city, $_.state, $_.zipcode, $_.country,
            $_.'primary phone', $_.'secondary phone', $_.'mobile phone', $_.'e-mail', $_.DOB, $_.status, $_.'start date', $_.notes,
            $_.'105_student_id', $_.tags)
        $body = @{ header = $labels; data = @(, $values) } | ConvertTo-Json -Depth 3 -Compress
        Invoke-RestMethod -Method Post -Uri $Endpoint -Headers $headers -ContentType 'application/json' -Body $body
    } | Receive-BenchOutput
}

# Warm-up: every path once (JIT, connections), nothing timed.
Write-BenchStep 'warm-up'
Reset-BenchImport
$warmRows = Import-Csv $WarmFile
Import-Csv $WarmFile | ForEach-Object {}
foreach ($warm in $WarmFile, $File) {
    # Then once over the whole file: the runtime compiles hot code again (tier 1) only after many calls and,
    # on a loaded machine, late; without this the first round times code still warming.
    Reset-BenchImport
    Import-Csv $warm | Import-BizstimClient | Receive-BenchOutput
    Reset-BenchImport
    Import-BizstimClient -Path $warm | Receive-BenchOutput
}
$warmRows | Import-BizstimClient | Receive-BenchOutput
$warmRows | Test-BindOnly
$warmRows | Receive-BenchOutput
$null = Invoke-BenchServer LIMIT
$null = Invoke-Naive $NaiveFile20

# Rows in memory, read before any clock starts.
Write-BenchStep 'reading the rows into memory' 
$before = [GC]::GetTotalMemory($true)
$rowsInMemory = Import-Csv $File
$heldBytes = [GC]::GetTotalMemory($true) - $before
# The engine's binder and pipeline reach their steady (tier-1 compiled) speed only after many objects:
# a first pass over all the rows, untimed, so the rounds compare warm code with warm code.
$rowsInMemory | Test-BindOnly
$rowsInMemory | Receive-BenchOutput
Reset-BenchImport
$rowsInMemory | Import-BizstimClient | Receive-BenchOutput

$r = @{ limit = @(); floor = @(); inMemory = @(); importCsvPipe = @(); path = @(); bindOnly = @(); sink = @() }
for ($round = 0; $round -lt $Rounds; $round++) {
    Write-BenchStep "round $($round + 1): L"
    $r.limit += [double](Invoke-BenchServer LIMIT)

    $r.floor += Measure-BenchSeconds { Import-Csv $File | ForEach-Object {} }

    Reset-BenchImport
    $r.inMemory += Measure-BenchSeconds { $rowsInMemory | Import-BizstimClient | Receive-BenchOutput }
    $null = Assert-BenchRun 'rows in memory' $Rows $batches

    Reset-BenchImport
    $r.importCsvPipe += Measure-BenchSeconds { Import-Csv $File | Import-BizstimClient | Receive-BenchOutput }
    $null = Assert-BenchRun 'Import-Csv | Import-BizstimClient' $Rows $batches

    Reset-BenchImport
    $r.path += Measure-BenchSeconds { Import-BizstimClient -Path $File | Receive-BenchOutput }
    $null = Assert-BenchRun 'Import-BizstimClient -Path' $Rows $batches

    $r.bindOnly += Measure-BenchSeconds { $rowsInMemory | Test-BindOnly }
    $r.sink += Measure-BenchSeconds { $rowsInMemory | Receive-BenchOutput }
}
$rowsInMemory = $null

# One request per row against one request per 1,000 rows, with the server adding 0 and 20 ms to each.
Reset-BenchServer -LatencyMs 0
$r.naive0 = Measure-BenchSeconds { Invoke-Naive $NaiveFile0 }
$null = Assert-BenchRun 'the naive script (0 ms)' $NaiveRows0 $NaiveRows0

Reset-BenchServer -LatencyMs 20
$r.naive20 = Measure-BenchSeconds { Invoke-Naive $NaiveFile20 }
$null = Assert-BenchRun 'the naive script (20 ms)' $NaiveRows20 $NaiveRows20

Reset-BenchImport -LatencyMs 20
$r.crmps20 = Measure-BenchSeconds { Import-Csv $File20 | Import-BizstimClient | Receive-BenchOutput }
$null = Assert-BenchRun 'Import-Csv | Import-BizstimClient (20 ms)' $Rows20 ([Math]::Ceiling($Rows20 / 1000))
Reset-BenchServer

$r.heldBytesPerRow = $heldBytes / $Rows
$r.pwsh = "$($PSVersionTable.PSVersion)"
$r.gc = if ([Runtime.GCSettings]::IsServerGC) { 'server' } else { "workstation, $([Runtime.GCSettings]::LatencyMode)" }
Write-BenchResult $r
