<#
    Pester 5 acceptance tests for the Bizstim cmdlets, run by `./build.ps1 -Task Test` on
    machines that have pwsh and Pester 5.1 or later. They import the built module from
    out/CrmPS/<version>/ (never src/) and talk only to the offline sandbox.

    The sandbox keeps its clients for the whole PowerShell session, so the tests compare
    counts before and after rather than expecting an empty account.
#>

BeforeDiscovery {
    $CmdletCases = @(
        'Connect-Bizstim'
        'Get-BizstimClient'
        'Import-BizstimClient'
        'Send-BizstimInquiry'
        'Get-BizstimSession'
        'Get-BizstimTestimonial'
        'Get-BizstimOnDemandLink'
    ) | ForEach-Object { @{ Name = $_ } }
}

BeforeAll {
    $RepoRoot = Join-Path $PSScriptRoot '../..'
    $PropsPath = Join-Path $RepoRoot 'Directory.Build.props'
    $Version = ([xml](Get-Content -LiteralPath $PropsPath -Raw)).SelectSingleNode('/Project/PropertyGroup/Version').InnerText.Trim()
    $ModuleFolder = Join-Path $RepoRoot "out/CrmPS/$Version"
    $ManifestPath = Join-Path $ModuleFolder 'CrmPS.psd1'
    $CsvPath = Join-Path $RepoRoot 'examples/clients.csv'
    $InvalidRows = @(7, 19, 33, 48)
    $ExpectedCmdlets = @(
        'Connect-Bizstim'
        'Get-BizstimClient'
        'Import-BizstimClient'
        'Send-BizstimInquiry'
        'Get-BizstimSession'
        'Get-BizstimTestimonial'
        'Get-BizstimOnDemandLink'
        'Connect-Cdb'
        'New-CdbCustomer'
        'New-CdbPipeline'
        'New-CdbNote'
        'New-CdbEvent'
        'New-CdbTask'
        'Connect-Botw'
        'Get-BotwContact'
        'New-BotwContact'
        'Set-BotwContact'
        'Remove-BotwContact'
    )

    Get-Module -Name CrmPS | Remove-Module -Force
    $Module = Import-Module -Name $ManifestPath -Force -PassThru -ErrorAction Stop
    Connect-Bizstim -Sandbox
}

AfterAll {
    Get-Module -Name CrmPS | Remove-Module -Force
}

Describe 'The CrmPS module manifest' {
    It 'is a valid manifest' {
        { Test-ModuleManifest -Path $ManifestPath -ErrorAction Stop } | Should -Not -Throw
    }

    It 'lists exactly the 18 CrmPS cmdlets in CmdletsToExport' {
        $data = Import-PowerShellDataFile -Path $ManifestPath
        (@($data.CmdletsToExport | Sort-Object) -join ', ') | Should -Be (@($ExpectedCmdlets | Sort-Object) -join ', ')
    }

    It 'exports exactly the 18 CrmPS cmdlets once imported' {
        (@($Module.ExportedCmdlets.Keys | Sort-Object) -join ', ') | Should -Be (@($ExpectedCmdlets | Sort-Object) -join ', ')
    }

    It 'loads the version stamped from Directory.Build.props' {
        $Module.Version | Should -Be ([version]$Version)
    }
}

Describe 'Import-BizstimClient with examples/clients.csv' {
    BeforeAll {
        $rows = @(Import-Csv -Path $CsvPath)
        $before = @(Get-BizstimClient).Count
        $results = @(Import-Csv -Path $CsvPath | Import-BizstimClient -ErrorVariable importErrors -ErrorAction SilentlyContinue)
        $after = @(Get-BizstimClient).Count
        $errorsSeen = @($importErrors)
    }

    It 'reads 56 rows from the example file' {
        $rows.Count | Should -Be 56
    }

    It 'yields one result per row, numbered 1 to N in input order' {
        $results.Count | Should -Be $rows.Count
        (@($results | ForEach-Object { $_.Row }) -join ',') | Should -Be ((1..$rows.Count) -join ',')
    }

    It 'reports the 4 bad rows as Invalid' {
        $invalid = @($results | Where-Object { "$($_.Status)" -eq 'Invalid' })
        $invalid.Count | Should -Be 4
        (@($invalid | ForEach-Object { $_.Row }) -join ',') | Should -Be ($InvalidRows -join ',')
        foreach ($result in $invalid) {
            $result.Message | Should -Not -BeNullOrEmpty
            $result.Batch | Should -Be 0
        }
    }

    It 'imports every other row' {
        $imported = @($results | Where-Object { "$($_.Status)" -eq 'Imported' })
        $imported.Count | Should -Be ($rows.Count - 4)
        ($after - $before) | Should -Be ($rows.Count - 4)
    }

    It 'writes one non-terminating error per bad row, with the input row as its target' {
        $rowErrors = @($errorsSeen | Where-Object { $_.FullyQualifiedErrorId -like 'BizstimClientRowInvalid*' })
        $rowErrors.Count | Should -Be 4
        $targets = @($rowErrors | ForEach-Object { $_.TargetObject.'e-mail' })
        $targets | Should -Contain 'harper.w@example.com'
        $targets | Should -Contain 'diego.castillo@example.com'
    }

    It 'stores an imported row as given, with its status and dates normalized' {
        $client = Get-BizstimClient -Email 'liam.obrien@example.org' | Select-Object -First 1
        $client | Should -Not -BeNullOrEmpty
        $client.LastName | Should -Be "O'Brien"
        $client.State | Should -Be 'Massachusetts'
        "$($client.Status)" | Should -Be 'Active'
        $client.DateOfBirth | Should -Be ([datetime]'2010-11-02')
    }

    It 'keeps accented names intact (the file is UTF-8)' {
        $client = Get-BizstimClient -Email 'sophie.tremblay@example.com' | Select-Object -First 1
        $client.City | Should -Be "Montr$([char]0x00E9)al"
    }
}

Describe 'Import-BizstimClient -WhatIf' {
    It 'sends nothing and marks the valid rows Skipped' {
        $before = @(Get-BizstimClient).Count
        $results = @(Import-Csv -Path $CsvPath | Import-BizstimClient -WhatIf -ErrorAction SilentlyContinue)
        @(Get-BizstimClient).Count | Should -Be $before
        @($results | Where-Object { "$($_.Status)" -eq 'Imported' }).Count | Should -Be 0
        @($results | Where-Object { "$($_.Status)" -eq 'Skipped' }).Count | Should -Be ($results.Count - 4)
    }
}

Describe 'Get-BizstimClient' {
    BeforeAll {
        if (@(Get-BizstimClient).Count -lt 5) {
            Import-Csv -Path $CsvPath | Import-BizstimClient -ErrorAction SilentlyContinue | Out-Null
        }
    }

    It 'returns exactly 5 clients with -First 5' {
        $clients = @(Get-BizstimClient -First 5)
        $clients.Count | Should -Be 5
        foreach ($client in $clients) {
            $client.Id | Should -BeGreaterThan 0
        }
    }

    It 'skips with -Skip' {
        $all = @(Get-BizstimClient)
        $rest = @(Get-BizstimClient -Skip 1)
        $rest.Count | Should -Be ($all.Count - 1)
    }
}

Describe 'Get-BizstimSession' {
    It 'returns sessions whose Start is a DateTimeOffset' {
        $sessions = @(Get-BizstimSession)
        $sessions.Count | Should -BeGreaterThan 0
        foreach ($session in $sessions) {
            $session.Start | Should -BeOfType ([System.DateTimeOffset])
        }
    }

    It 'returns one session by id' {
        $first = Get-BizstimSession -First 1
        $again = Get-BizstimSession -Id $first.SessionId
        $again.SessionId | Should -Be $first.SessionId
    }

    It 'pipes a session to Get-BizstimClient, which finds the client by ClientId' {
        $client = Get-BizstimClient -First 1
        $session = Get-BizstimSession -First 1
        $session.ClientId = $client.Id
        ($session | Get-BizstimClient).Id | Should -Be $client.Id
    }
}

Describe 'Get-BizstimTestimonial' {
    It 'returns testimonials whose Text has no HTML tags' {
        $testimonials = @(Get-BizstimTestimonial)
        $testimonials.Count | Should -BeGreaterThan 0
        foreach ($testimonial in $testimonials) {
            $testimonial.Text | Should -Not -BeNullOrEmpty
            $testimonial.Text | Should -Not -BeLike '*<*'
        }
    }
}

Describe 'Get-BizstimOnDemandLink' {
    It 'returns an absolute [uri] for a student id that needs escaping' {
        $link = Get-BizstimOnDemandLink -StudentId 'a/b'
        $link | Should -BeOfType ([System.Uri])
        $link.IsAbsoluteUri | Should -BeTrue
    }
}

Describe 'Send-BizstimInquiry' {
    It 'e-mails a defined address without saving a client (code 0)' {
        $inquiry = @{
            FirstName   = 'Ada'
            LastName    = 'Lovelace'
            City        = 'London'
            State       = 'Greater London'
            Country     = 'United Kingdom'
            Email       = 'ada.lovelace@example.com'
            Message     = 'Do you offer weekend classes?'
            NotifyEmail = 'sales@example.com'
        }
        $result = Send-BizstimInquiry @inquiry -Confirm:$false
        $result.Code | Should -Be 0
        $result.EmailSent | Should -BeTrue
    }

    It 'sends nothing with -WhatIf' {
        $result = Send-BizstimInquiry -FirstName 'Ada' -LastName 'Lovelace' -City 'London' -State 'Greater London' -Country 'United Kingdom' -Email 'ada.lovelace@example.com' -Message 'Hello' -NotifyEmail 'sales@example.com' -WhatIf
        $result | Should -BeNullOrEmpty
    }
}

Describe 'Help for <Name>' -ForEach $CmdletCases {
    It 'has a synopsis of its own, not just the generated syntax' {
        $help = Get-Help -Name $Name -Full
        $help.Synopsis | Should -Not -BeNullOrEmpty
        "$($help.Synopsis)".Trim() | Should -Not -Match ('^' + [regex]::Escape($Name) + '(\s|$)')
    }
}
