<#
    Pester 5 acceptance tests for the Customer Database App and BOTW CRM cmdlets, run by
    `./build.ps1 -Task Test` on machines that have pwsh and Pester 5.1 or later. They import the
    built module from out/CrmPS/<version>/ and talk only to the offline sandboxes, which keep
    their data for the whole PowerShell session: the tests compare counts, not absolute numbers.
#>

BeforeAll {
    $RepoRoot = Join-Path $PSScriptRoot '../..'
    $PropsPath = Join-Path $RepoRoot 'Directory.Build.props'
    $Version = ([xml](Get-Content -LiteralPath $PropsPath -Raw)).SelectSingleNode('/Project/PropertyGroup/Version').InnerText.Trim()
    $ManifestPath = Join-Path $RepoRoot "out/CrmPS/$Version/CrmPS.psd1"
    $LeadsPath = Join-Path $RepoRoot 'examples/web-leads.csv'

    Get-Module -Name CrmPS | Remove-Module -Force
    Import-Module -Name $ManifestPath -Force -ErrorAction Stop
    Connect-Cdb -Sandbox
    Connect-Botw -Sandbox -ListingId 123
}

AfterAll {
    Get-Module -Name CrmPS | Remove-Module -Force
}

Describe 'Customer Database App chains in the sandbox' {
    It 'puts one note on each customer imported from examples/web-leads.csv' {
        $notes = @(Import-Csv -Path $LeadsPath | New-CdbCustomer | New-CdbNote -Text 'Imported from the web form')
        $notes.Count | Should -Be 12
        @($notes | Where-Object { $null -eq $_.CustomerId }).Count | Should -Be 0
        @($notes.CustomerId | Sort-Object -Unique).Count | Should -Be 12
    }

    It 'keeps both addresses of a cell that holds two' {
        $customer = Import-Csv -Path $LeadsPath | Where-Object { $_.'last name' -eq 'Rossi' } | New-CdbCustomer
        $customer.Email | Should -Be @('marco.rossi@example.com', 'm.rossi@example.org')
    }

    It 'puts a note piped from a pipeline on the pipeline, not on its customer' {
        $note = New-CdbCustomer -Forename Ann -Surname Lee -Email ann@example.com |
            New-CdbPipeline -Reference R1 -PipelineTypeId 1 |
            New-CdbNote -Text 'On the pipeline'
        $note.PipelineId | Should -BeGreaterThan 0
        $note.CustomerId | Should -BeNullOrEmpty
    }

    It 'reads a file''s own headers with -ColumnMap, and a row without a surname is that row''s error' {
        $file = Join-Path $TestDrive 'signups.csv'
        Set-Content -LiteralPath $file -Encoding utf8 -Value @(
            'Given,Family,E-mail Address'
            'Zoe,Quinn,zoe.quinn@example.com'
            'Yan,,yan@example.com'
            'Xia,Wu,xia.wu@example.com'
        )
        $customers = @(Import-Csv -LiteralPath $file |
            New-CdbCustomer -ColumnMap @{ Given = 'Forename'; Family = 'Surname'; 'E-mail Address' = 'Email' } -ErrorVariable refused -ErrorAction SilentlyContinue)
        $customers.Forename | Should -Be @('Zoe', 'Xia')
        $refused.Count | Should -Be 1
        $refused[0].Exception.Message | Should -Be 'Row 2: The customer was not sent: Surname is required and is empty.'
    }

    It 'shows the row set and the field set in the syntax' {
        $sets = (Get-Command New-CdbCustomer).ParameterSets
        ($sets | Where-Object IsDefault).Name | Should -Be 'Fields'
        ($sets | Where-Object Name -EQ 'InputObject').Parameters.Name | Should -Contain 'ColumnMap'
    }

    It 'refuses an event that ends before it starts, before sending it' {
        $customer = New-CdbCustomer -Forename Bo -Surname Ray -Email bo@example.com
        { $customer | New-CdbEvent -Name 'Backwards' -Start '2026-03-02 10:00' -End '2026-03-02 09:00' -ErrorAction Stop } |
            Should -Throw -ErrorId 'CdbEventInvalid,CrmPS.Cdb.NewCdbEventCommand'
    }
}

Describe 'BOTW CRM contacts in the sandbox' {
    It 'creates a contact, then the upsert says Updated' {
        (New-BotwContact -FirstName Cy -Email cy.pester@example.com).Outcome | Should -Be 'Created'
        (Set-BotwContact -Email cy.pester@example.com -LastName Fox).Outcome | Should -Be 'Updated'
        (Get-BotwContact -Email cy.pester@example.com).LastName | Should -Be 'Fox'
    }

    It 'refuses an upsert by an e-mail address two contacts hold, naming both and changing neither' {
        $ids = 1..2 | ForEach-Object { New-BotwContact -FirstName "Dup$_" -Email dup.pester@example.com -PassThru } | ForEach-Object Id
        { Set-BotwContact -Email dup.pester@example.com -Phone 15551112222 -ErrorAction Stop } |
            Should -Throw -ExpectedMessage "*ids $($ids -join ', ')*"
        (Get-BotwContact -Email dup.pester@example.com).Phone | Should -Not -Contain '15551112222'
    }

    It 'refuses a blacklisted address with an error that says so' {
        { New-BotwContact -Email spam@example.com -ErrorAction Stop } | Should -Throw -ErrorId 'BotwContactBlacklisted,CrmPS.Botw.NewBotwContactCommand'
    }

    It 'removes what Get-BotwContact found, and -WhatIf sends nothing' {
        New-BotwContact -Email gone.pester@example.com | Out-Null
        Get-BotwContact -Email gone.pester@example.com | Remove-BotwContact -WhatIf
        @(Get-BotwContact -Email gone.pester@example.com).Count | Should -Be 1
        Get-BotwContact -Email gone.pester@example.com | Remove-BotwContact -Confirm:$false
        @(Get-BotwContact -Email gone.pester@example.com).Count | Should -Be 0
    }
}
