<#
.SYNOPSIS
    Builds, tests, demonstrates, packages and publishes the CrmPS module.

.DESCRIPTION
    Build    dotnet build CrmPS.sln; the ready-to-import module lands in out/CrmPS/<version>/.
    Test     Build, then the xunit suites (dotnet test), then the Pester tests in tests/Pester with
             Pester 5.7.1 (the installed copy, else the NuGet package restored by
             build/TestTools.proj from the configured feed). Ends with one line, "N passed, N failed",
             the totals of both, and fails when any test failed.
    Demo     Build, then runs examples/demo.ps1 against the built module in a new process of this
             same PowerShell (pwsh, or `dotnet pwsh` when it runs as a .NET tool).
    Package  Build, then Publish-PSResource of out/CrmPS/<version>/ to a local file repository
             registered for the run: out/CrmPS.<version>.nupkg is the package the Gallery would get.
    Publish  Test, then Publish-PSResource of out/CrmPS/<version>/ to -Repository.

    The version is read from <Version> in Directory.Build.props, the only place it is kept.
    On a machine with only the .NET SDK: dotnet tool restore && dotnet pwsh ./build.ps1 -Task Test

.PARAMETER Task
    What to do: Build (default), Test, Demo, Package or Publish.

.PARAMETER Configuration
    The dotnet build configuration. Default: Release.

.PARAMETER Repository
    The PSResourceGet repository that Publish pushes to. Default: PSGallery.

.PARAMETER ApiKey
    The repository API key for Publish.

.EXAMPLE
    ./build.ps1 -Task Test

.EXAMPLE
    ./build.ps1 -Task Demo -Configuration Debug

.EXAMPLE
    ./build.ps1 -Task Package

    Writes out/CrmPS.<version>.nupkg with PSResourceGet.

.EXAMPLE
    ./build.ps1 -Task Publish -ApiKey (Get-Secret -Name PSGalleryApiKey -AsPlainText)
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Demo', 'Package', 'Publish')]
    [string] $Task = 'Build',

    [string] $Configuration = 'Release',

    [string] $Repository = 'PSGallery',

    [string] $ApiKey
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
. (Join-Path $PSScriptRoot 'build/ShellCommand.ps1')

function Invoke-Native {
    # Runs a native command and throws when it exits non-zero.
    param(
        [Parameter(Mandatory)] [string] $FilePath,
        [string[]] $ArgumentList = @()
    )

    Write-Verbose "$FilePath $($ArgumentList -join ' ')"
    & $FilePath @ArgumentList
    if ($LASTEXITCODE -ne 0) {
        throw "'$FilePath $($ArgumentList -join ' ')' failed with exit code $LASTEXITCODE."
    }
}

function Get-ModuleVersion {
    $propsPath = Join-Path $PSScriptRoot 'Directory.Build.props'
    $props = [xml](Get-Content -LiteralPath $propsPath -Raw)
    $node = $props.SelectSingleNode('/Project/PropertyGroup/Version')
    if ($null -eq $node -or [string]::IsNullOrWhiteSpace($node.InnerText)) {
        throw "No <Version> in $propsPath."
    }

    return $node.InnerText.Trim()
}

function Get-ModuleFolder {
    Join-Path $PSScriptRoot ('out/CrmPS/{0}' -f (Get-ModuleVersion))
}

function Invoke-BuildTask {
    Invoke-Native -FilePath 'dotnet' -ArgumentList @('build', 'CrmPS.sln', '-c', $Configuration)
    $manifest = Join-Path (Get-ModuleFolder) 'CrmPS.psd1'
    if (-not (Test-Path -LiteralPath $manifest)) {
        throw "The build succeeded but $manifest is missing."
    }

    Write-Verbose "Module built in $(Get-ModuleFolder)"
}

function Import-Pester {
    # Pester 5.7.1: the installed copy if there is one, else the NuGet package (its tools/ folder is
    # the module), downloaded from the configured NuGet feed by build/TestTools.proj.
    $wanted = [version]'5.7.1'
    $installed = Get-Module -Name Pester -ListAvailable | Where-Object Version -EQ $wanted | Select-Object -First 1
    if ($installed) {
        Import-Module -Name $installed.Path -Force -ErrorAction Stop
        return
    }

    Invoke-Native -FilePath 'dotnet' -ArgumentList @('restore', (Join-Path $PSScriptRoot 'build/TestTools.proj'), '--nologo', '-v', 'quiet')
    $cacheLine = & dotnet nuget locals global-packages --list
    $cache = ($cacheLine -replace '^global-packages:\s*', '').Trim()
    $manifest = Join-Path $cache "pester/$wanted/tools/Pester.psd1"
    if (-not (Test-Path -LiteralPath $manifest)) {
        throw "Pester $wanted was restored but $manifest is missing."
    }

    Import-Module -Name $manifest -Force -ErrorAction Stop
}

function Invoke-XunitTests {
    # Runs the xunit suites on the build just made; returns their totals read from the TRX reports.
    $resultsDir = Join-Path $PSScriptRoot 'out/TestResults'
    if (Test-Path -LiteralPath $resultsDir) {
        Remove-Item -LiteralPath $resultsDir -Recurse -Force
    }

    & dotnet test CrmPS.sln -c $Configuration --no-build --logger 'console;verbosity=minimal' --logger 'trx;LogFilePrefix=xunit' --results-directory $resultsDir
    $exitCode = $LASTEXITCODE
    $passed = 0
    $failed = 0
    foreach ($report in Get-ChildItem -LiteralPath $resultsDir -Filter '*.trx' -ErrorAction SilentlyContinue) {
        $counters = ([xml](Get-Content -LiteralPath $report.FullName -Raw)).TestRun.ResultSummary.Counters
        $passed += [int]$counters.passed
        $failed += [int]$counters.failed + [int]$counters.error + [int]$counters.timeout + [int]$counters.aborted
    }

    if ($exitCode -ne 0 -and $failed -eq 0) {
        # The run broke before its tests could report (a build or test host failure).
        $failed = 1
    }

    [pscustomobject]@{ Suite = 'xunit'; Passed = $passed; Failed = $failed }
}

function Invoke-PesterTests {
    Import-Pester
    # The tests run as in a user's shell, not under this script's strict mode and 'Stop' preference.
    Set-StrictMode -Off
    $ErrorActionPreference = 'Continue'

    $config = New-PesterConfiguration
    $config.Run.Path = Join-Path $PSScriptRoot 'tests/Pester'
    $config.Run.PassThru = $true
    $config.Output.Verbosity = 'Detailed'
    $config.TestResult.Enabled = $true
    $config.TestResult.OutputPath = Join-Path $PSScriptRoot 'out/TestResults/pester.xml'
    try {
        $result = Invoke-Pester -Configuration $config
        $failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
        [pscustomobject]@{ Suite = 'Pester'; Passed = $result.PassedCount; Failed = $failed }
    }
    catch {
        # Pester itself broke (its run or its report): count it as a failure, and still print the totals.
        Write-Warning "Pester failed: $_"
        [pscustomobject]@{ Suite = 'Pester'; Passed = 0; Failed = 1 }
    }
}

function Invoke-TestTask {
    Invoke-BuildTask
    $totals = @(Invoke-XunitTests; Invoke-PesterTests)
    $totals | Format-Table Suite, Passed, Failed -AutoSize | Out-Host
    $passed = ($totals | Measure-Object -Property Passed -Sum).Sum
    $failed = ($totals | Measure-Object -Property Failed -Sum).Sum
    Write-Host "$passed passed, $failed failed"
    if ($failed -gt 0) {
        throw "$failed test(s) failed."
    }
}

function Invoke-DemoTask {
    Invoke-BuildTask
    $manifest = Join-Path (Get-ModuleFolder) 'CrmPS.psd1'
    $demo = Join-Path $PSScriptRoot 'examples/demo.ps1'
    $shell = @(Get-ShellCommand)
    Invoke-Native -FilePath $shell[0] -ArgumentList (@($shell | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-File', $demo, '-ModulePath', $manifest))
}

function Get-PackagePath {
    Join-Path $PSScriptRoot ('out/CrmPS.{0}.nupkg' -f (Get-ModuleVersion))
}

function Publish-ModuleFolder {
    # Publish-PSResource of the built module folder to a repository: the same packing the Gallery publish does.
    param(
        [Parameter(Mandatory)] [string] $Repository,
        [string] $ApiKey
    )

    $publish = @{ Path = Get-ModuleFolder; Repository = $Repository }
    if ($ApiKey) {
        $publish.ApiKey = $ApiKey
    }

    Publish-PSResource @publish -Verbose:($VerbosePreference -eq 'Continue') -ErrorAction Stop
}

function Invoke-PackageTask {
    Invoke-BuildTask
    # A local file repository registered for this run only; the package PSResourceGet writes there
    # is the one the Gallery would receive.
    $repositoryPath = Join-Path $PSScriptRoot 'out/repository'
    if (Test-Path -LiteralPath $repositoryPath) {
        Remove-Item -LiteralPath $repositoryPath -Recurse -Force
    }

    $null = New-Item -ItemType Directory -Path $repositoryPath
    $repositoryName = 'CrmPS-build-{0}' -f [guid]::NewGuid().ToString('N')
    Register-PSResourceRepository -Name $repositoryName -Uri $repositoryPath -Trusted -ErrorAction Stop
    try {
        Publish-ModuleFolder -Repository $repositoryName
    }
    finally {
        Unregister-PSResourceRepository -Name $repositoryName
    }

    $package = Get-PackagePath
    Move-Item -LiteralPath (Join-Path $repositoryPath ('CrmPS.{0}.nupkg' -f (Get-ModuleVersion))) -Destination $package -Force
    Remove-Item -LiteralPath $repositoryPath -Recurse -Force
    Get-Item -LiteralPath $package
}

function Invoke-PublishTask {
    # Tests first: what reaches the Gallery has passed xunit and Pester on this machine.
    Invoke-TestTask
    Publish-ModuleFolder -Repository $Repository -ApiKey $ApiKey
}

Push-Location $PSScriptRoot
try {
    switch ($Task) {
        'Build' { Invoke-BuildTask }
        'Test' { Invoke-TestTask }
        'Demo' { Invoke-DemoTask }
        'Package' { Invoke-PackageTask }
        'Publish' { Invoke-PublishTask }
    }
}
finally {
    Pop-Location
}
