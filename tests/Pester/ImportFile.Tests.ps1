<#
    Import-BizstimClient reading CSV files itself (-Path), in the real shell, and its CSV library
    loaded into the module's own AssemblyLoadContext so that another copy of the library loaded
    first by someone else does not clash with it.
#>

BeforeDiscovery {
    $IsCore = $PSVersionTable.PSEdition -eq 'Core'
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestShell.ps1')
    $RepoRoot = Join-Path $PSScriptRoot '../..'
    $Version = ([xml](Get-Content -LiteralPath (Join-Path $RepoRoot 'Directory.Build.props') -Raw)).SelectSingleNode('/Project/PropertyGroup/Version').InnerText.Trim()
    $ManifestPath = (Resolve-Path (Join-Path $RepoRoot "out/CrmPS/$Version/CrmPS.psd1")).Path
    $Folder = Join-Path ([IO.Path]::GetTempPath()) ('crmps-importfile-' + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory -Path $Folder
    $Csv = Join-Path $Folder 'clients.csv'
    @(
        'first name;last name;address 1;city;state;country;e-mail;status;105_student_id'
        'Chloé;Dubois;"12; rue de la Paix";Lyon;Rhône;France;chloe@example.com;active;S-1'
        'Bo;"Ray"x;1 Main St;Milton;Ontario;Canada;bo@example.com;active;S-2'
        'Cy;Fox;"Flat 3'
        'Main St";Milton;Ontario;Canada;cy@example.com;prospect;S-3'
    ) | Set-Content -LiteralPath $Csv -Encoding utf8BOM

    Get-Module -Name CrmPS | Remove-Module -Force
    Import-Module -Name $ManifestPath -Force -ErrorAction Stop
}

AfterAll {
    Get-Module -Name CrmPS | Remove-Module -Force
    Remove-Item -LiteralPath $Folder -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Import-BizstimClient -Path' {
    BeforeAll {
        $sandbox = Connect-Bizstim -Sandbox -PassThru
        $before = @(Get-BizstimClient).Count
        $Results = @(Import-BizstimClient -Path (Join-Path $Folder '*.csv') -Delimiter ';' -ErrorVariable FileErrors -ErrorAction SilentlyContinue)
        $Stored = @(Get-BizstimClient | Select-Object -Skip $before)
    }

    It 'returns one result per record, in file order' {
        $Results.Status | Should -Be @('Imported', 'Invalid', 'Imported')
        $Results.Row | Should -Be @(1, 2, 3)
    }

    It 'reports the malformed record with its file and line, and sends the others' {
        $FileErrors.Count | Should -Be 1
        $FileErrors[0].FullyQualifiedErrorId | Should -Be 'BizstimCsvRecordMalformed,CrmPS.Bizstim.ImportBizstimClientCommand'
        $FileErrors[0].Exception.Message | Should -BeLike '*clients.csv, line 3*'
        $Stored.FirstName | Should -Be @('Chloé', 'Cy')
    }
}

Describe 'The CSV library loads into the module''s own context' -Skip:(-not $IsCore) {
    It 'is not in the default context after an import from a file' {
        $output = Invoke-TestShell -Command @"
Import-Module '$ManifestPath' -ErrorAction Stop
Connect-Bizstim -Sandbox
Import-BizstimClient -Path '$Csv' -Delimiter ';' -ErrorAction SilentlyContinue | Out-Null
`$csvHelper = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -eq 'CsvHelper' }
'count=' + @(`$csvHelper).Count
'context=' + [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext(`$csvHelper).Name
"@
        $output | Should -Contain 'count=1'
        $output | Should -Contain 'context=CrmPS'
    }

    It 'works beside another build of the same library loaded first' {
        # The net10.0 build of CsvHelper 34 (init-only setters) cannot serve code compiled against
        # the netstandard2.0 build: if CrmPS were bound to it, -Path would fail with MissingMethodException.
        $cache = if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else { Join-Path $HOME '.nuget/packages' }
        $other = Join-Path $cache 'csvhelper/34.0.0/lib/net10.0/CsvHelper.dll'
        if (-not (Test-Path -LiteralPath $other)) {
            Set-ItResult -Skipped -Because "no other build of CsvHelper at $other"
            return
        }

        $output = Invoke-TestShell -Command @"
Add-Type -LiteralPath '$other'
Import-Module '$ManifestPath' -ErrorAction Stop
Connect-Bizstim -Sandbox
`$r = @(Import-BizstimClient -Path '$Csv' -Delimiter ';' -ErrorAction SilentlyContinue)
'statuses=' + (`$r.Status -join ',')
'copies=' + @([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -eq 'CsvHelper' }).Count
"@
        $output | Should -Contain 'statuses=Imported,Invalid,Imported'
        $output | Should -Contain 'copies=2'
    }
}
