# Scenario 2 (and 4's Enterprise half) in the real shell: a large file streamed through
# Import-BizstimClient -Path while a timer samples this pwsh process's live managed heap (a full
# collection every half second). The sandbox, in the benchmark's own child process, enforces the
# Enterprise hourly budget; the connection paces on the real clock.
param(
    [string] $Manifest, [string] $BaseUri, [string] $ApiKey,
    [string] $File, [long] $Rows, [string] $WarmFile, [string] $SampleFile, [long] $SampleRows
)
Import-Module $Manifest
. "$PSScriptRoot/Common.ps1"
$key = ConvertTo-SecureString $ApiKey -AsPlainText -Force

# Warm-up against a throw-away budget; then a fresh sandbox and a fresh connection (its own count of
# operations in the last hour starts at zero).
Reset-BenchServer -EnforceRateLimits
$null = Connect-Bizstim -ApiKey $key -BaseUri $BaseUri -Plan Enterprise
Import-BizstimClient -Path $WarmFile | Receive-BenchOutput

# What holding the input whole costs ($rows = Import-Csv ...), measured on a sample and scaled.
$before = [GC]::GetTotalMemory($true)
$held = Import-Csv $SampleFile
$heldBytesPerRow = ([GC]::GetTotalMemory($true) - $before) / $SampleRows
$held = $null

Reset-BenchServer -EnforceRateLimits
$null = Connect-Bizstim -ApiKey $key -BaseUri $BaseUri -Plan Enterprise
$baseline = [GC]::GetTotalMemory($true)
$sampler = [BenchHeapSampler]::new(500)
$seconds = Measure-BenchSeconds { Import-BizstimClient -Path $File | Receive-BenchOutput }
$samples = $sampler.Stop()
$after = [GC]::GetTotalMemory($true)
$stats = Assert-BenchRun "$Rows rows via -Path" $Rows ([Math]::Ceiling($Rows / 1000))

Write-BenchResult @{
    seconds = $seconds; baselineBytes = $baseline; afterBytes = $after; samples = @($samples)
    heldBytesPerRow = $heldBytesPerRow; posts = $stats.Posts; refused = $stats.Refused; maxPostsPerHour = $stats.MaxPostsPerHour
}
