# Dot-sourced by the Pester files: how to start this same PowerShell in a fresh process.

function Get-TestShell {
    <#
        The command that starts this PowerShell again: pwsh or powershell.exe itself, or
        `dotnet <PSHOME>/pwsh.dll` when pwsh runs as a .NET tool (`dotnet pwsh`), whose process is dotnet.
    #>
    $processPath = if ([Environment]::ProcessPath) { [Environment]::ProcessPath } else { (Get-Process -Id $PID).Path }
    $shellDll = Join-Path $PSHOME 'pwsh.dll'
    if ([IO.Path]::GetFileNameWithoutExtension($processPath) -eq 'dotnet' -and (Test-Path -LiteralPath $shellDll)) {
        return @($processPath, $shellDll)
    }

    @($processPath)
}

function Invoke-TestShell {
    # Runs a command in a fresh process of this PowerShell; returns its output lines (errors included).
    param([Parameter(Mandatory)] [string] $Command)

    $shell = @(Get-TestShell)
    $arguments = @($shell | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-Command', $Command)
    & $shell[0] @arguments 2>&1
}
