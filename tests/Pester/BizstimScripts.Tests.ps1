<#
    Pester 5 tests of Bizstim scripts as users write them (issue 11): a scheduled import under
    $ErrorActionPreference = 'Stop', and a copy between two accounts, rehearsed on two named
    sandboxes. They import the built module from out/CrmPS/<version>/ and stay offline.
#>

BeforeAll {
    $RepoRoot = Join-Path $PSScriptRoot '../..'
    $PropsPath = Join-Path $RepoRoot 'Directory.Build.props'
    $Version = ([xml](Get-Content -LiteralPath $PropsPath -Raw)).SelectSingleNode('/Project/PropertyGroup/Version').InnerText.Trim()
    $ManifestPath = Join-Path $RepoRoot "out/CrmPS/$Version/CrmPS.psd1"
    $ExampleCsv = Join-Path $RepoRoot 'examples/clients.csv'

    Get-Module -Name CrmPS | Remove-Module -Force
    Import-Module -Name $ManifestPath -Force -ErrorAction Stop

    function New-SandboxName { 'pester-' + [guid]::NewGuid().ToString('N').Substring(0, 12) }
}

AfterAll {
    Get-Module -Name CrmPS | Remove-Module -Force
}

Describe 'A scheduled import script under $ErrorActionPreference = Stop' {
    BeforeAll {
        $csv = Join-Path $TestDrive 'seven.csv'
        @(
            'first name,last name,state,country,status,e-mail'
            'Ann,One,Ontario,Canada,active,ann1@example.com'
            'Ann,Two,Ontario,Canada,active,ann2@example.com'
            'Ann,Three,Ontario,Canada,active,ann3@example.com'
            'Ann,Four,,Canada,active,ann4@example.com'
            'Ann,Five,Ontario,Canada,active,ann5@example.com'
            'Ann,Six,Ontario,Canada,active,ann6@example.com'
            'Ann,Seven,Ontario,Canada,active,ann7@example.com'
        ) | Set-Content -LiteralPath $csv -Encoding utf8

        $script = Join-Path $TestDrive 'nightly.ps1'
        @'
param($Connection, $Path)
$ErrorActionPreference = 'Stop'
$results = [System.Collections.Generic.List[object]]::new()
$failure = $null
try {
    Import-Csv -LiteralPath $Path | Import-BizstimClient -Connection $Connection -BatchSize 3 | ForEach-Object { $results.Add($_) }
}
catch {
    $failure = $_
}
[pscustomobject]@{ Results = $results.ToArray(); Failure = $failure }
'@ | Set-Content -LiteralPath $script -Encoding utf8

        $connection = Connect-Bizstim -Sandbox -Name (New-SandboxName) -PassThru
        $run = & $script -Connection $connection -Path $csv
    }

    It 'receives the results of the rows imported before the bad row' {
        $run.Results.Row | Should -Be @(1, 2, 3)
        $run.Results.Status | Should -Be @('Imported', 'Imported', 'Imported')
    }

    It 'catches the bad row''s error, which says what was imported and what was not sent' {
        $run.Failure.FullyQualifiedErrorId | Should -BeLike 'BizstimClientRowInvalid*'
        $run.Failure.ErrorDetails.Message | Should -BeLike '*Before this error, rows 1-3 were imported*'
        $run.Failure.ErrorDetails.Message | Should -BeLike '*not sent: row 4, and any row after row 4*'
    }

    It 'leaves exactly the reported rows in the account' {
        (Get-BizstimClient -Connection $connection).Email | Should -Be @('ann1@example.com', 'ann2@example.com', 'ann3@example.com')
    }
}

Describe 'Copying clients between two named sandboxes' {
    BeforeAll {
        $old = Connect-Bizstim -Sandbox -Name (New-SandboxName) -PassThru
        $new = Connect-Bizstim -Sandbox -Name (New-SandboxName) -PassThru
        $seeded = Import-Csv -LiteralPath $ExampleCsv | Import-BizstimClient -Connection $old -ErrorAction SilentlyContinue
        $copied = Get-BizstimClient -Connection $old | Import-BizstimClient -Connection $new
    }

    It 'starts from two separate accounts' {
        $old.BaseUri | Should -Not -Be $new.BaseUri
        @($seeded | Where-Object Status -eq Imported).Count | Should -Be 52
    }

    It 'imports every listed client into the other account' {
        @($copied).Count | Should -Be 52
        @($copied | Where-Object Status -ne Imported) | Should -BeNullOrEmpty
    }

    It 'keeps each client''s status and dates, which the list does not return' {
        $before = Get-BizstimClient -Connection $old | Get-BizstimClient -Connection $old
        $after = Get-BizstimClient -Connection $new | Get-BizstimClient -Connection $new
        ($after | ForEach-Object { "$($_.Email)|$($_.Status)|$($_.DateOfBirth)|$($_.StartDate)" }) |
            Should -Be ($before | ForEach-Object { "$($_.Email)|$($_.Status)|$($_.DateOfBirth)|$($_.StartDate)" })
    }

    It 'round-trips through Export-Csv and Import-Csv with -DefaultStatus' {
        $file = Join-Path $TestDrive 'export.csv'
        Get-BizstimClient -Connection $old | Export-Csv -LiteralPath $file -NoTypeInformation
        $third = Connect-Bizstim -Sandbox -Name (New-SandboxName) -PassThru

        $results = Import-Csv -LiteralPath $file | Import-BizstimClient -Connection $third -DefaultStatus Prospect

        @($results | Where-Object Status -eq Imported).Count | Should -Be 52
        (Get-BizstimClient -Connection $third | Get-BizstimClient -Connection $third).Status | Select-Object -Unique | Should -Be 'Prospect'
    }
}
