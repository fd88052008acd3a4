<#
    Pester 5 acceptance tests for the help CrmPS ships: the MAML and about topic generated from
    docs/en-US into out/CrmPS/<version>/en-US, as Get-Help shows them on this machine (Windows
    PowerShell 5.1 or PowerShell 7). Run by ./build.ps1 -Task Test and by CI.
#>

BeforeDiscovery {
    $root = Join-Path $PSScriptRoot '../..'
    $version = ([xml](Get-Content -LiteralPath (Join-Path $root 'Directory.Build.props') -Raw)).SelectSingleNode('/Project/PropertyGroup/Version').InnerText.Trim()
    $manifest = Import-PowerShellDataFile -Path (Join-Path $root "out/CrmPS/$version/CrmPS.psd1")
    $CmdletCases = @($manifest.CmdletsToExport | ForEach-Object { @{ Name = $_ } })
}

BeforeAll {
    $RepoRoot = Join-Path $PSScriptRoot '../..'
    $Version = ([xml](Get-Content -LiteralPath (Join-Path $RepoRoot 'Directory.Build.props') -Raw)).SelectSingleNode('/Project/PropertyGroup/Version').InnerText.Trim()
    $ModuleFolder = Join-Path $RepoRoot "out/CrmPS/$Version"
    Get-Module -Name CrmPS | Remove-Module -Force
    Import-Module -Name (Join-Path $ModuleFolder 'CrmPS.psd1') -Force -ErrorAction Stop
}

AfterAll {
    Get-Module -Name CrmPS | Remove-Module -Force
}

Describe 'The help files' {
    It 'ships the MAML help and the about topic in en-US' {
        Join-Path $ModuleFolder 'en-US/CrmPS.dll-Help.xml' | Should -Exist
        Join-Path $ModuleFolder 'en-US/about_CrmPS.help.txt' | Should -Exist
    }

    It 'shows about_CrmPS with Get-Help' {
        $about = Get-Help -Name about_CrmPS | Out-String
        $about | Should -Match 'SHORT DESCRIPTION'
        $about | Should -Match 'BIZSTIM_API_KEY'
    }
}

Describe 'Get-Help <Name> -Full' -ForEach $CmdletCases {
    BeforeAll {
        $help = Get-Help -Name $Name -Full
        $command = Get-Command -Name $Name -Module CrmPS
        $common = [System.Management.Automation.Cmdlet]::CommonParameters
    }

    It 'has a synopsis of its own, not the generated syntax' {
        "$($help.Synopsis)".Trim() | Should -Not -BeNullOrEmpty
        "$($help.Synopsis)".Trim() | Should -Not -Match ('^' + [regex]::Escape($Name) + '(\s|$)')
    }

    It 'has a description' {
        ($help.description | Out-String).Trim() | Should -Not -BeNullOrEmpty
    }

    It 'has at least one example with code and remarks' {
        @($help.examples.example).Count | Should -BeGreaterThan 0
        foreach ($example in @($help.examples.example)) {
            "$($example.code)".Trim() | Should -Not -BeNullOrEmpty
            ($example.remarks | Out-String).Trim() | Should -Not -BeNullOrEmpty
        }
    }

    It 'describes every parameter the cmdlet has' {
        $documented = @($help.parameters.parameter | ForEach-Object { $_.name })
        foreach ($parameter in $command.Parameters.Keys | Where-Object { $_ -notin $common -and $_ -ne 'UseTransaction' }) {
            $documented | Should -Contain $parameter
            $entry = $help.parameters.parameter | Where-Object name -EQ $parameter
            ($entry.description | Out-String).Trim() | Should -Not -BeNullOrEmpty -Because "-$parameter needs a description"
        }
    }

    It 'has no placeholder left from a template' {
        ($help | Out-String -Width 4096) | Should -Not -Match '\{\{.*\}\}'
    }
}
