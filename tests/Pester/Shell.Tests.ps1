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
        Import-BizstimClient -FirstName Ann -LastName Tremblay -State Ontario -Country Canada -Status active -Email 'ann.tremblay@example.com' | Out-Null
        $TremblayId = (Get-BizstimClient -Email 'ann.tremblay@example.com').Id

        # A second account: another runspace has its own sandbox; its connection object works from here.
        $other = [powershell]::Create()
        $null = $other.AddScript("Import-Module '$ManifestPath'; `$c = Connect-Bizstim -Sandbox -PassThru; Import-BizstimClient -FirstName Zed -LastName Zebrowski -State Ohio -Country USA -Status active -Connection `$c | Out-Null; `$c")
        $OtherConnection = $other.Invoke()[0]
        $ZebrowskiId = (Get-BizstimClient -Connection $OtherConnection -FirstName Zed -LastName Zebrowski).Id
    }

    AfterAll {
        $other.Dispose()
    }

    It 'completes from the -Connection typed on the same line, not from the default account' {
        $s = $OtherConnection
        (Complete 'Get-BizstimClient -Connection $s -Id Zebr').CompletionText | Should -Be "$ZebrowskiId"
        Complete 'Get-BizstimClient -Connection $s -Id Tremb' | Should -BeNullOrEmpty
        (Complete 'Get-BizstimClient -Id Zebr -Connection $s' 'Get-BizstimClient -Id Zebr'.Length).CompletionText | Should -Be "$ZebrowskiId"
        (Complete 'Get-BizstimClient -Id Tremb').CompletionText | Should -Be "$TremblayId"
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
