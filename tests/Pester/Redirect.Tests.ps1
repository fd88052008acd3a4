<#
    Pester 5 acceptance tests: an API key never follows a redirect to another origin, in the real
    shell (pwsh, and Windows PowerShell 5.1 in CI, whose .NET Framework handler is the one that
    would otherwise carry the key). Two minimal HTTP servers on 127.0.0.1 (TcpListener, no admin
    rights needed): the first answers every request with 307 to the second, the second records
    what reaches it. The xunit suite (tests/CrmPS.Tests, *SecretsTests) covers every cmdlet.
#>

BeforeAll {
    $RepoRoot = Join-Path $PSScriptRoot '../..'
    $PropsPath = Join-Path $RepoRoot 'Directory.Build.props'
    $Version = ([xml](Get-Content -LiteralPath $PropsPath -Raw)).SelectSingleNode('/Project/PropertyGroup/Version').InnerText.Trim()
    $ManifestPath = Join-Path $RepoRoot "out/CrmPS/$Version/CrmPS.psd1"
    $Key = 'PESTERKEY-0123456789abcdef0123456789abcdef'

    Get-Module -Name CrmPS | Remove-Module -Force
    Import-Module -Name $ManifestPath -Force -ErrorAction Stop

    # One HTTP/1.1 exchange per connection: read the request (headers and Content-Length body),
    # record it, answer 307 to $State.Location, or 200 with an empty JSON object when there is none.
    $ServeScript = {
        param($State)
        while ($true) {
            try { $client = $State.Listener.AcceptTcpClient() } catch { break }
            try {
                $stream = $client.GetStream()
                $reader = New-Object System.IO.StreamReader($stream, [System.Text.Encoding]::ASCII, $false, 1, $true)
                $lines = New-Object System.Collections.Generic.List[string]
                while ($null -ne ($line = $reader.ReadLine()) -and $line -ne '') { $lines.Add($line) }
                $length = 0
                foreach ($header in $lines) { if ($header -match '^Content-Length:\s*(\d+)') { $length = [int]$Matches[1] } }
                if ($lines | Where-Object { $_ -match '^Expect:\s*100-continue' }) {
                    $continue = [System.Text.Encoding]::ASCII.GetBytes("HTTP/1.1 100 Continue`r`n`r`n")
                    $stream.Write($continue, 0, $continue.Length)
                }

                $body = New-Object char[] $length
                $read = 0
                while ($read -lt $length) {
                    $n = $reader.Read($body, $read, $length - $read)
                    if ($n -le 0) { break }
                    $read += $n
                }

                [void]$State.Requests.Add(($lines -join "`n"))
                if ($State.Location) {
                    $path = ($lines[0] -split ' ')[1]
                    $reply = "HTTP/1.1 307 Temporary Redirect`r`nLocation: $($State.Location)$path`r`nContent-Length: 0`r`nConnection: close`r`n`r`n"
                }
                else {
                    $reply = "HTTP/1.1 200 OK`r`nContent-Type: application/json`r`nContent-Length: 2`r`nConnection: close`r`n`r`n{}"
                }

                $bytes = [System.Text.Encoding]::ASCII.GetBytes($reply)
                $stream.Write($bytes, 0, $bytes.Length)
                $stream.Flush()
            }
            catch { }
            finally { $client.Close() }
        }
    }

    function Start-TestServer([string] $Location) {
        $listener = New-Object System.Net.Sockets.TcpListener([System.Net.IPAddress]::Loopback, 0)
        $listener.Start()
        $state = [hashtable]::Synchronized(@{
            Listener = $listener
            Location = $Location
            Requests = [System.Collections.ArrayList]::Synchronized((New-Object System.Collections.ArrayList))
        })
        $shell = [powershell]::Create()
        [void]$shell.AddScript($ServeScript).AddArgument($state)
        $state.Shell = $shell
        $state.Pending = $shell.BeginInvoke()
        $state.Uri = "http://127.0.0.1:$($listener.LocalEndpoint.Port)"
        $state
    }

    function Stop-TestServer($Server) {
        $Server.Listener.Stop()
        [void]$Server.Pending.AsyncWaitHandle.WaitOne(5000)
        $Server.Shell.Dispose()
    }
}

AfterAll {
    Get-Module -Name CrmPS | Remove-Module -Force
}

Describe 'A redirect to another origin' {
    BeforeEach {
        $Elsewhere = Start-TestServer
        $Here = Start-TestServer -Location $Elsewhere.Uri
    }

    AfterEach {
        Stop-TestServer $Here
        Stop-TestServer $Elsewhere
    }

    It 'is refused by <Name>, and nothing reaches the other server' -TestCases @(
        @{ Name = 'Get-BizstimTestimonial'; Service = 'Bizstim'; Connect = { param($uri) Connect-Bizstim -ApiKey $Key -BaseUri $uri -PassThru }; Run = { param($c) Get-BizstimTestimonial -Connection $c } }
        @{ Name = 'Send-BizstimInquiry'; Service = 'Bizstim'; Connect = { param($uri) Connect-Bizstim -ApiKey $Key -BaseUri $uri -PassThru }; Run = { param($c) Send-BizstimInquiry -Connection $c -FirstName Ann -LastName Lee -City Milton -State Ontario -Country Canada -Email ann@example.com -Message Hi } }
        @{ Name = 'New-CdbCustomer'; Service = 'Cdb'; Connect = { param($uri) Connect-Cdb -ApiKey $Key -BaseUri $uri -PassThru }; Run = { param($c) New-CdbCustomer -Connection $c -Forename Ann -Surname Lee -Email ann@example.com } }
        @{ Name = 'New-BotwContact'; Service = 'Botw'; Connect = { param($uri) Connect-Botw -ApiKey $Key -BaseUri $uri -ListingId 123 -PassThru }; Run = { param($c) New-BotwContact -Connection $c -FirstName Ann -LastName Lee -Email ann@example.com } }
    ) {
        param($Name, $Service, $Connect, $Run)
        $connection = & $Connect $Here.Uri
        $VerbosePreference = 'Continue'
        $streams = @(try { & $Run $connection 2>&1 4>&1 } catch { $_ })
        $errors = @($streams | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        $verbose = ($streams | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }) -join "`n"

        $Here.Requests.Count | Should -Be 1
        $Here.Requests[0] | Should -Match ([regex]::Escape($Key))
        $Elsewhere.Requests.Count | Should -Be 0
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike "${Service}RedirectRefused*"
        $errors[0].Exception.Message | Should -BeLike "*$($Elsewhere.Uri)*the API key was not sent there*"
        $verbose | Should -BeLike "* -> 307 -> $($Elsewhere.Uri)/*not followed*"
        $verbose | Should -Not -BeLike "*$Key*"
    }
}
