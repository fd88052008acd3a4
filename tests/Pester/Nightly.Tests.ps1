<#
    Pester 5 acceptance test of examples/nightly.ps1 in the real shell: the scheduled job run
    twice in one session against the offline sandboxes (which other test files of the same
    session may already have filled, so only the second run's counts are compared).
#>

BeforeAll {
    $RepoRoot = Join-Path $PSScriptRoot '../..'
    $PropsPath = Join-Path $RepoRoot 'Directory.Build.props'
    $Version = ([xml](Get-Content -LiteralPath $PropsPath -Raw)).SelectSingleNode('/Project/PropertyGroup/Version').InnerText.Trim()
    $ManifestPath = Join-Path $RepoRoot "out/CrmPS/$Version/CrmPS.psd1"
    $Nightly = Join-Path $RepoRoot 'examples/nightly.ps1'
    $StatePath = Join-Path ([System.IO.Path]::GetTempPath()) ("crmps-nightly-" + [guid]::NewGuid().ToString('N'))
}

AfterAll {
    Remove-Item -LiteralPath $StatePath -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'examples/nightly.ps1' {
    It 'creates nothing the second night and still reports the blacklisted lead with exit code 1' {
        $WarningPreference = 'SilentlyContinue'   # the two-address leads BOTW keeps one address of
        & $Nightly -Sandbox -ModulePath $ManifestPath -StatePath $StatePath | Out-Null
        $LASTEXITCODE | Should -Be 1

        $second = @(& $Nightly -Sandbox -ModulePath $ManifestPath -StatePath $StatePath)
        $LASTEXITCODE | Should -Be 1

        $summary = @($second | Where-Object { $_.PSObject.Properties['CRM'] })
        $summary.CRM | Should -Be @('Bizstim', 'Customer Database App', 'BOTW CRM')
        $summary.Created | Should -Be @(0, 0, 0)
        $attention = @(Import-Csv -LiteralPath (Join-Path $StatePath 'needs-attention.csv'))
        $attention.Email | Should -Be @('spam@example.com')
    }
}
