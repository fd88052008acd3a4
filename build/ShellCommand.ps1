# Dot-sourced by build.ps1 and the Pester tests.

function Get-ShellCommand {
    # How to start this same PowerShell in a child process: pwsh (or powershell.exe) itself, or
    # `dotnet <PSHOME>/pwsh.dll` when it runs as a .NET tool (`dotnet pwsh`), whose process is dotnet.
    # Environment.ProcessPath is .NET 6+; Windows PowerShell 5.1 runs on .NET Framework.
    $processPath = if ([Environment].GetProperty('ProcessPath')) { [Environment]::ProcessPath } else { (Get-Process -Id $PID).Path }
    $shellDll = Join-Path $PSHOME 'pwsh.dll'
    if ([IO.Path]::GetFileNameWithoutExtension($processPath) -eq 'dotnet' -and (Test-Path -LiteralPath $shellDll)) {
        return @($processPath, $shellDll)
    }

    return @($processPath)
}
