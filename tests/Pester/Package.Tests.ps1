<#
    The package as the PowerShell Gallery would get it and a user would install it: PSResourceGet
    publishes out/CrmPS/<version>/ to a temporary local repository, Install-PSResource installs it by
    name into a temporary user profile, and a fresh PowerShell imports it by name, reads its help and
    runs a sandbox import. Nothing outside the temporary folder is touched.
#>

BeforeDiscovery {
    # Install-PSResource's CurrentUser scope follows HOME on Linux and macOS; on Windows it is the Documents folder.
    $CanIsolateProfile = $PSVersionTable.PSEdition -eq 'Core' -and -not $IsWindows
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestShell.ps1')
    $RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $Version = ([xml](Get-Content -LiteralPath (Join-Path $RepoRoot 'Directory.Build.props') -Raw)).SelectSingleNode('/Project/PropertyGroup/Version').InnerText.Trim()
    $ModuleFolder = Join-Path $RepoRoot "out/CrmPS/$Version"
    $Work = Join-Path ([IO.Path]::GetTempPath()) ('crmps-package-' + [guid]::NewGuid().ToString('N'))
    $Repository = Join-Path $Work 'repository'
    $null = New-Item -ItemType Directory -Path $Repository -Force

    # A home folder of its own: PSResourceGet's repository list and the CurrentUser module path live under it.
    $ProfileVariables = 'HOME', 'XDG_DATA_HOME', 'XDG_CONFIG_HOME', 'XDG_CACHE_HOME', 'PSModulePath'
    $SavedEnvironment = @{}
    foreach ($name in $ProfileVariables) {
        $SavedEnvironment[$name] = [Environment]::GetEnvironmentVariable($name)
    }

    $TemporaryHome = (New-Item -ItemType Directory -Path (Join-Path $Work 'home') -Force).FullName
    # .NET reports a per-user folder only once it exists; a missing one would send NuGet's and
    # PSResourceGet's settings to the current directory.
    foreach ($folder in '.config', '.cache', '.local/share') {
        $null = New-Item -ItemType Directory -Path (Join-Path $TemporaryHome $folder) -Force
    }

    function Use-TemporaryProfile {
        foreach ($name in $ProfileVariables) {
            [Environment]::SetEnvironmentVariable($name, $null)
        }

        # The fresh shells then derive every per-user folder, and their module path, from HOME.
        [Environment]::SetEnvironmentVariable('HOME', $TemporaryHome)
    }

    function Restore-Environment {
        foreach ($name in $SavedEnvironment.Keys) {
            [Environment]::SetEnvironmentVariable($name, $SavedEnvironment[$name])
        }
    }
}

AfterAll {
    Restore-Environment
    Remove-Item -LiteralPath $Work -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'The package made by PSResourceGet' -Skip:(-not $CanIsolateProfile) {
    BeforeAll {
        Use-TemporaryProfile
        Push-Location -LiteralPath $Work
        try {
            $PublishOutput = Invoke-TestShell -Command @"
`$ErrorActionPreference = 'Stop'
Register-PSResourceRepository -Name CrmPSTestRepository -Uri '$Repository' -Trusted
Publish-PSResource -Path '$ModuleFolder' -Repository CrmPSTestRepository
Install-PSResource -Name CrmPS -Repository CrmPSTestRepository -Scope CurrentUser -TrustRepository -Quiet
'installed'
"@
            $PublishExitCode = $LASTEXITCODE
            $UseOutput = Invoke-TestShell -Command @"
`$ErrorActionPreference = 'Stop'
Import-Module CrmPS
`$module = Get-Module CrmPS
'version=' + `$module.Version
'path=' + `$module.ModuleBase
(Get-Help Import-BizstimClient -Examples).examples.example.Count
Connect-Bizstim -Sandbox
`$results = Import-Csv -LiteralPath '$(Join-Path $RepoRoot 'examples/clients.csv')' | Import-BizstimClient -ErrorAction SilentlyContinue
'imported=' + @(`$results | Where-Object Status -EQ Imported).Count
'stored=' + @(Get-BizstimClient).Count
"@
            $UseExitCode = $LASTEXITCODE
        }
        finally {
            Pop-Location
            Restore-Environment
        }
    }

    It 'publishes to a local repository and installs by name' {
        $PublishExitCode | Should -Be 0 -Because ($PublishOutput -join "`n")
        "$(@($PublishOutput)[-1])" | Should -Be 'installed'
        $package = Get-Item -LiteralPath (Join-Path $Repository "CrmPS.$Version.nupkg")
        $package.Length | Should -BeGreaterThan 0
    }

    It 'holds exactly the files of the module folder' {
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $zip = [IO.Compression.ZipFile]::OpenRead((Join-Path $Repository "CrmPS.$Version.nupkg"))
        try {
            $packed = @($zip.Entries | Where-Object { $_.FullName -notmatch '^(_rels/|package/|\[Content_Types\]\.xml$|CrmPS\.nuspec$)' } |
                    ForEach-Object { [Uri]::UnescapeDataString($_.FullName) } | Sort-Object)
        }
        finally {
            $zip.Dispose()
        }

        $base = (Resolve-Path $ModuleFolder).Path.TrimEnd('/') + '/'
        $files = @(Get-ChildItem -LiteralPath $ModuleFolder -Recurse -File | ForEach-Object { $_.FullName.Substring($base.Length) } | Sort-Object)
        $packed | Should -Be $files
    }

    It 'imports by name from the user module path in a fresh PowerShell' {
        $UseExitCode | Should -Be 0 -Because ($UseOutput -join "`n")
        $UseOutput | Should -Contain "version=$Version"
        ($UseOutput | Where-Object { "$_" -like 'path=*' }) | Should -BeLike "path=$TemporaryHome*"
    }

    It 'shows the help examples and runs a sandbox import' {
        [int]($UseOutput | Where-Object { "$_" -match '^\d+$' } | Select-Object -First 1) | Should -BeGreaterOrEqual 3
        $UseOutput | Should -Contain 'imported=52'
        $UseOutput | Should -Contain 'stored=52'
    }
}
