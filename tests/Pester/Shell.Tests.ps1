<#
    Pester 5 tests of what CrmPS looks like in the real shell: tab completion through TabExpansion2
    and the default views through the real formatter at 80 and 120 columns. They import the built
    module from out/CrmPS/<version>/ and use only the offline sandbox and an unreachable loopback port.
#>

BeforeAll {
    $RepoRoot = Join-Path $PSScriptRoot '../..'
    $PropsPath = Join-Path $RepoRoot 'Directory.Build.props'
    $Version = ([xml](Get-Content -LiteralPath $PropsPath -Raw)).SelectSingleNode('/Project/PropertyGroup/Version').InnerText.Trim()
    $ManifestPath = Join-Path $RepoRoot "out/CrmPS/$Version/CrmPS.psd1"

    Get-Module -Name CrmPS | Remove-Module -Force
    Import-Module -Name $ManifestPath -Force -ErrorAction Stop

    function Complete([string] $Line, [int] $Cursor = $Line.Length) {
        (TabExpansion2 -inputScript $Line -cursorColumn $Cursor).CompletionMatches
    }
}

AfterAll {
    Get-Module -Name CrmPS | Remove-Module -Force
}

Describe 'Tab completion of server-listed values' {
    BeforeAll {
        Connect-Bizstim -Sandbox
        $Tremblay = 'Tq' + -join ((1..8) | ForEach-Object { [char](Get-Random -Minimum 97 -Maximum 123) })
        Import-BizstimClient -FirstName Ann -LastName $Tremblay -State Ontario -Country Canada -Status active | Out-Null
        $TremblayId = (Get-BizstimClient -FirstName Ann -LastName $Tremblay).Id

        # A second account: another runspace has its own sandbox; its connection object works from here.
        $Zed = 'Zq' + -join ((1..8) | ForEach-Object { [char](Get-Random -Minimum 97 -Maximum 123) })
        $other = [powershell]::Create()
        $null = $other.AddScript("Import-Module '$ManifestPath'; `$c = Connect-Bizstim -Sandbox -PassThru; Import-BizstimClient -FirstName Zed -LastName $Zed -State Ohio -Country USA -Status active -Connection `$c | Out-Null; `$c")
        $OtherConnection = $other.Invoke()[0]
        $ZebrowskiId = (Get-BizstimClient -Connection $OtherConnection -FirstName Zed -LastName $Zed).Id
    }

    AfterAll {
        $other.Dispose()
    }

    It 'completes from the -Connection typed on the same line, not from the default account' {
        $s = $OtherConnection
        (Complete "Get-BizstimClient -Connection `$s -Id $Zed").CompletionText | Should -Be "$ZebrowskiId"
        Complete "Get-BizstimClient -Connection `$s -Id $Tremblay" | Should -BeNullOrEmpty
        (Complete "Get-BizstimClient -Id $Zed -Connection `$s" "Get-BizstimClient -Id $Zed".Length).CompletionText | Should -Be "$ZebrowskiId"
        (Complete "Get-BizstimClient -Id $Tremblay").CompletionText | Should -Be "$TremblayId"
    }

    It 'gives up within about a second when the account is unreachable, and at once on the next Tab' {
        $unreachable = Connect-Bizstim -ApiKey 'abcdefghijklmnopqrstuvwxyz0123456789ABCD' -BaseUri 'http://127.0.0.1:9/' -PassThru
        $first = Measure-Command { $script:firstMatches = Complete 'Get-BizstimClient -Connection $unreachable -Id ' }
        $second = Measure-Command { $script:secondMatches = Complete 'Get-BizstimSession -Connection $unreachable -Id ' }
        $third = Measure-Command { $null = Complete 'Get-BizstimClient -Connection $unreachable -Id 1' }

        $script:firstMatches | Should -BeNullOrEmpty
        $first.TotalMilliseconds | Should -BeLessThan 2000
        $third.TotalMilliseconds | Should -BeLessThan 500
    }
}

Describe 'Default table views through the real formatter' {
    BeforeDiscovery {
        $WidthCases = @(80, 120) | ForEach-Object { @{ Width = $_ } }
    }

    BeforeAll {
        $FormatPath = Join-Path $RepoRoot "out/CrmPS/$Version/CrmPS.format.ps1xml"
        [xml] $format = Get-Content -LiteralPath $FormatPath -Raw
        $TableViews = @($format.Configuration.ViewDefinitions.View | Where-Object { $_.TableControl })

        # Realistic, long-ish values for every property a table view shows.
        function New-Sample([string] $TypeName) {
            $type = [CrmPS.Core.CrmCmdlet].Assembly.GetType($TypeName)
            if (-not $type -and $TypeName -eq 'CrmPS.Bizstim.Testimonial') { $type = [CrmPS.Bizstim.ClientTestimonial] }
            if (-not $type -or $type.IsAbstract -or -not $type.GetConstructor([type[]]@())) { return $null }
            $object = [Activator]::CreateInstance($type)
            foreach ($property in $type.GetProperties() | Where-Object { $_.CanWrite }) {
                $value = switch ($property.PropertyType) {
                    ([string]) { if ($property.Name -match 'Email') { 'sophie.tremblay@example.com' } elseif ($property.Name -match 'Name') { 'Alexandrina' } else { 'Massachusetts Avenue' } }
                    ([int]) { 4821 }
                    ([Nullable[int]]) { 4821 }
                    ([long]) { 37 }
                    ([datetime]) { [datetime]'2026-03-02 09:30' }
                    ([Nullable[datetime]]) { [datetime]'2026-03-02 09:30' }
                    ([Nullable[datetimeoffset]]) { [datetimeoffset]'2026-03-02 09:30 -05:00' }
                    default { $null }
                }
                if ($null -ne $value) { try { $property.SetValue($object, $value) } catch { } }
            }
            $object
        }
    }

    It 'every table view is readable at <Width> columns: no line too long, no label wrapped, one line per object' -ForEach $WidthCases {
        $problems = foreach ($view in $TableViews) {
            $typeName = @($view.ViewSelectedBy.TypeName)[0]
            $sample = New-Sample $typeName
            if ($null -eq $sample) { continue }
            $labels = @($view.TableControl.TableHeaders.TableColumnHeader | ForEach-Object { $_.Label })
            $lines = @(($sample, $sample | Format-Table | Out-String -Width $Width) -split "`r?`n" | Where-Object { $_.Trim() })
            foreach ($line in $lines) {
                if ($line.Length -gt $Width) { "$typeName at ${Width}: a line of $($line.Length) columns: $line" }
            }
            $wraps = $null -ne $view.TableControl.TableRowEntries.TableRowEntry.Wrap
            if (-not $wraps -and $lines.Count -ne 4) { "$typeName at ${Width}: $($lines.Count) lines for 2 objects (wrapped):`n$($lines -join "`n")" }
            foreach ($label in $labels) {
                if ($lines[0] -notmatch "(^|\s)$([regex]::Escape($label))(\s|$)") { "$typeName at ${Width}: the column $label is not shown whole: $($lines[0])" }
            }
        }
        $problems | Should -BeNullOrEmpty
    }
}

Describe 'Help examples show what -WhatIf really prints' {
    BeforeAll {
        $Work = Join-Path ([IO.Path]::GetTempPath()) ("crmps-help-" + [guid]::NewGuid().ToString('N'))
        New-Item -ItemType Directory -Path $Work | Out-Null

        # The What if lines the page shows in the Output block right after the example's code.
        function Get-ExampleWhatIf([string] $Page, [string] $Example) {
            $text = Get-Content -LiteralPath (Join-Path $RepoRoot "docs/en-US/$Page.md") -Raw
            $section = ($text -split '(?m)^### ') | Where-Object { $_ -like "$Example*" } | Select-Object -First 1
            @($section -split "`r?`n" | Where-Object { $_ -like 'What if:*' })
        }

        # What the host really prints: WhatIf messages go to the host, so a transcript records them.
        function Get-PrintedWhatIf([scriptblock] $Script) {
            $transcript = Join-Path $Work ([guid]::NewGuid().ToString('N') + '.txt')
            Start-Transcript -LiteralPath $transcript -UseMinimalHeader | Out-Null
            try { & $Script 2>$null | Out-Null } finally { Stop-Transcript | Out-Null }
            @(Get-Content -LiteralPath $transcript | Where-Object { $_ -like 'What if:*' })
        }
    }

    AfterAll {
        Remove-Item -LiteralPath $Work -Recurse -Force
    }

    It 'Import-BizstimClient''s WhatIf example prints the lines its help shows' {
        $csv = Join-Path $Work 'new-clients.csv'
        @(
            'first name,last name,address 1,address 2,city,state,zipcode,country,primary phone,secondary phone,mobile phone,e-mail,DOB,status,start date,notes'
            'Ana,Silva,1 Main St.,,Toronto,Ontario,M5V 2T6,Canada,416-555-0101,,,ana.silva@example.com,1985-03-14,prospect,2026-01-05,'
            'Ben,Okafor,2 Main St.,,Toronto,Ontario,M5V 2T6,Canada,416-555-0102,,,ben.okafor@example.com,1979-11-02,prospect,2026-01-05,'
            'Chloe,Martin,3 Main St.,,Toronto,,M5V 2T6,Canada,416-555-0103,,,chloe.martin@example.com,1990-06-30,prospect,2026-01-05,'
            'Dev,Patel,4 Main St.,,Toronto,Ontario,M5V 2T6,Canada,416-555-0104,,,dev.patel@example.com,1988-01-21,prospect,2026-01-05,'
        ) | Set-Content -LiteralPath $csv

        $printed = Get-PrintedWhatIf { Connect-Bizstim -Sandbox; Import-Csv -Path $csv | Import-BizstimClient -WhatIf }

        $shown = Get-ExampleWhatIf 'Import-BizstimClient' 'Example *: Rehearse an import with WhatIf'
        $shown | Should -Not -BeNullOrEmpty
        $printed | Should -Be $shown
    }

    It 'Send-BizstimInquiry''s WhatIf example prints the lines its help shows' {
        $csv = Join-Path $Work 'webform-leads.csv'
        @(
            'first_name,last_name,city,state,country,email,p_phone,message'
            'Ana,Silva,Toronto,Ontario,Canada,ana.silva@example.com,416-555-0101,Please call me'
            'Ben,Okafor,Toronto,Ontario,Canada,ben.okafor@example.com,416-555-0102,Pricing?'
        ) | Set-Content -LiteralPath $csv

        $printed = Get-PrintedWhatIf { Import-Csv -Path $csv | Send-BizstimInquiry -NotifyEmail sales@example.com -SaveAsProspect -WhatIf }

        $shown = Get-ExampleWhatIf 'Send-BizstimInquiry' 'Example *: Rehearse with WhatIf'
        $shown | Should -Not -BeNullOrEmpty
        $printed | Should -Be $shown
    }
}
