<#
    Pester 5 acceptance tests for the module as it installs: the manifest, what it exports, the
    Gallery metadata, a clean import in a fresh process, the default views and tab completion,
    on this machine's PowerShell (Windows PowerShell 5.1 or PowerShell 7).
#>

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestShell.ps1')
    $RepoRoot = Join-Path $PSScriptRoot '../..'
    $Version = ([xml](Get-Content -LiteralPath (Join-Path $RepoRoot 'Directory.Build.props') -Raw)).SelectSingleNode('/Project/PropertyGroup/Version').InnerText.Trim()
    $ModuleFolder = Join-Path $RepoRoot "out/CrmPS/$Version"
    $ManifestPath = Join-Path $ModuleFolder 'CrmPS.psd1'
    $Data = Import-PowerShellDataFile -Path $ManifestPath
    Get-Module -Name CrmPS | Remove-Module -Force
    $Module = Import-Module -Name $ManifestPath -Force -PassThru -ErrorAction Stop
}

AfterAll {
    Get-Module -Name CrmPS | Remove-Module -Force
}

Describe 'The CrmPS manifest' {
    It 'passes Test-ModuleManifest' {
        { Test-ModuleManifest -Path $ManifestPath -ErrorAction Stop } | Should -Not -Throw
    }

    It 'carries the version from Directory.Build.props, which is the newest in the CHANGELOG' {
        $Data.ModuleVersion | Should -Be $Version
        $newest = Select-String -Path (Join-Path $RepoRoot 'CHANGELOG.md') -Pattern '^## \[?(\d+\.\d+\.\d+)' | Select-Object -First 1
        $newest.Matches[0].Groups[1].Value | Should -Be $Version
    }

    It 'exports exactly the cmdlet classes of CrmPS.dll' {
        $inDll = [System.Reflection.Assembly]::LoadFrom((Join-Path $ModuleFolder 'CrmPS.dll')).GetTypes() |
            ForEach-Object { $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false) } |
            ForEach-Object { '{0}-{1}' -f $_.VerbName, $_.NounName }
        (@($Data.CmdletsToExport | Sort-Object) -join ', ') | Should -Be (@($inDll | Sort-Object) -join ', ')
        (@($Module.ExportedCmdlets.Keys | Sort-Object) -join ', ') | Should -Be (@($inDll | Sort-Object) -join ', ')
    }

    It 'has the metadata the PowerShell Gallery shows' {
        $Data.GUID | Should -Not -BeNullOrEmpty
        $Data.Author | Should -Not -BeNullOrEmpty
        $Data.Description | Should -Not -BeNullOrEmpty
        $Data.PrivateData.PSData.ProjectUri | Should -Match '^https://'
        $Data.PrivateData.PSData.LicenseUri | Should -Match '^https://'
        $Data.PrivateData.PSData.ReleaseNotes | Should -Not -BeNullOrEmpty
        @($Data.PrivateData.PSData.Tags).Count | Should -BeGreaterThan 0
    }

    It 'imports in a fresh process without errors or warnings' {
        $output = Invoke-TestShell -Command "Import-Module '$ManifestPath' -ErrorAction Stop -WarningVariable w 3>`$null; if (`$w) { 'WARNING: ' + (`$w -join '; ') } else { 'clean' }" 2>&1
        $LASTEXITCODE | Should -Be 0
        "$output".Trim() | Should -Be 'clean'
    }
}

Describe 'Default views' {
    BeforeAll {
        Connect-Bizstim -Sandbox
        Import-Csv -Path (Join-Path $RepoRoot 'examples/clients.csv') | Import-BizstimClient -ErrorAction SilentlyContinue | Out-Null
    }

    It 'shows clients as a table of Id, names, place and e-mail that fits 120 columns' {
        $lines = @(Get-BizstimClient -First 5 | Out-String -Width 120 -Stream | Where-Object { $_.Trim() })
        $lines[0] | Should -Match '^\s*Id\s+FirstName\s+LastName\s+City\s+State\s+Country\s+Email'
        foreach ($line in $lines) { $line.Length | Should -BeLessOrEqual 120 }
    }

    It 'leads import results with Status' {
        $table = Import-BizstimClient -FirstName Ada -LastName Lovelace -State London -Country UK -Status active -WhatIf | Out-String -Width 120 -Stream | Where-Object { $_.Trim() } | Select-Object -First 1
        $table | Should -Match '^Status\s+Row\s+Batch'
    }

    It 'shows a session table that fits 120 columns' {
        foreach ($line in @(Get-BizstimSession -First 5 | Out-String -Width 120 -Stream)) { $line.Length | Should -BeLessOrEqual 120 }
    }
}

Describe 'Tab completion' {
    It 'completes -Plan and -Status' {
        $plan = TabExpansion2 -inputScript 'Connect-Bizstim -Plan ' -cursorColumn 'Connect-Bizstim -Plan '.Length
        @($plan.CompletionMatches.CompletionText) | Should -Contain 'Trial'
        $status = TabExpansion2 -inputScript 'Import-BizstimClient -Status pro' -cursorColumn 'Import-BizstimClient -Status pro'.Length
        (@($status.CompletionMatches.CompletionText) -join ',') | Should -Be 'prospect'
    }

    It 'completes session ids from the connected account' {
        Connect-Bizstim -Sandbox
        $line = 'Get-BizstimSession -Id 113'
        $ids = TabExpansion2 -inputScript $line -cursorColumn $line.Length
        @($ids.CompletionMatches.CompletionText) | Should -Contain '1135'
    }
}
