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
