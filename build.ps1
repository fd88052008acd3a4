<#
.SYNOPSIS
    Builds, tests, demonstrates, packages and publishes the CrmPS module.

.DESCRIPTION
    Build    dotnet build CrmPS.sln; the ready-to-import module lands in out/CrmPS/<version>/.
    Test     Build, then the xunit suite (dotnet test), then the Pester acceptance tests in
             tests/Pester when Pester 5.1 or later is installed (skipped with a warning otherwise).
    Demo     Build, then runs examples/demo.ps1 against the built module in a new PowerShell
             process (so this session does not keep CrmPS.dll loaded and locked).
    Package  Build, then packs out/CrmPS/<version>/ into out/CrmPS.<version>.nupkg, laid out as the
             PowerShell Gallery publishes a module (build/Package.proj; the same works without pwsh
             as `dotnet msbuild build/Package.proj`).
    Publish  Package, then Publish-PSResource of that .nupkg (or, with PSResourceGet older than
             1.1, of the module folder) to -Repository.

    The version is read from <Version> in Directory.Build.props, the only place it is kept.

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

    Writes out/CrmPS.<version>.nupkg. Without pwsh: dotnet msbuild build/Package.proj

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

function Invoke-TestTask {
    Invoke-BuildTask
    Invoke-Native -FilePath 'dotnet' -ArgumentList @('test', 'CrmPS.sln', '-c', $Configuration)

    $pester = Get-Module -Name Pester -ListAvailable |
        Where-Object { $_.Version -ge [version]'5.1.0' } |
        Sort-Object -Property Version -Descending |
        Select-Object -First 1
    if ($null -eq $pester) {
        Write-Warning 'Pester 5.1 or later is not installed: the Pester tests in tests/Pester were skipped (Install-PSResource Pester).'
        return
    }

    Import-Module -Name $pester.Path -Force
    # What Invoke-Pester -Path tests/Pester -Output Detailed -CI does, minus -CI's exit
    # from the process: the failure is thrown here so the finally block still runs.
    $config = New-PesterConfiguration
    $config.Run.Path = Join-Path $PSScriptRoot 'tests/Pester'
    $config.Run.PassThru = $true
    $config.Output.Verbosity = 'Detailed'
    $config.TestResult.Enabled = $true
    $config.TestResult.OutputPath = Join-Path $PSScriptRoot 'out/testResults.xml'
    $result = Invoke-Pester -Configuration $config
    if ($result.Result -ne 'Passed') {
        throw "Pester tests did not pass: $($result.FailedCount) test(s) failed (result: $($result.Result))."
    }
}

function Invoke-DemoTask {
    Invoke-BuildTask
    $manifest = Join-Path (Get-ModuleFolder) 'CrmPS.psd1'
    $demo = Join-Path $PSScriptRoot 'examples/demo.ps1'
    $shellName = if ($PSVersionTable.PSEdition -eq 'Core') { 'pwsh' } else { 'powershell' }
    $shell = Get-Command -Name (Join-Path $PSHOME $shellName) -CommandType Application | Select-Object -First 1
    Invoke-Native -FilePath $shell.Source -ArgumentList @('-NoProfile', '-NonInteractive', '-File', $demo, '-ModulePath', $manifest)
}

function Get-PackagePath {
    Join-Path $PSScriptRoot ('out/CrmPS.{0}.nupkg' -f (Get-ModuleVersion))
}

function Invoke-PackageTask {
    Invoke-BuildTask
    $packageProject = Join-Path $PSScriptRoot 'build/Package.proj'
    Invoke-Native -FilePath 'dotnet' -ArgumentList @('msbuild', $packageProject, "-p:Configuration=$Configuration", '-nologo')
    $package = Get-PackagePath
    if (-not (Test-Path -LiteralPath $package)) {
        throw "Packaging succeeded but $package is missing."
    }

    Get-Item -LiteralPath $package
}

function Invoke-PublishTask {
    Invoke-PackageTask | Out-Host
    $package = Get-Item -LiteralPath (Get-PackagePath)
    $publishCommand = Get-Command -Name Publish-PSResource -ErrorAction SilentlyContinue
    if ($null -eq $publishCommand) {
        throw 'Publish-PSResource was not found: install Microsoft.PowerShell.PSResourceGet (included with PowerShell 7.4 and later).'
    }

    $publish = @{
        Repository = $Repository
    }
    if ($publishCommand.Parameters.ContainsKey('NupkgPath')) {
        # Push exactly the package that was built and tested.
        $publish.NupkgPath = $package.FullName
    }
    else {
        $publish.Path = Get-ModuleFolder
    }

    if ($ApiKey) {
        $publish.ApiKey = $ApiKey
    }

    Publish-PSResource @publish -Verbose:($VerbosePreference -eq 'Continue')
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
