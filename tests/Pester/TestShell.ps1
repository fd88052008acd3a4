# Dot-sourced by the Pester files: how to start this same PowerShell in a fresh process.
. (Join-Path $PSScriptRoot '../../build/ShellCommand.ps1')

function Invoke-TestShell {
    # Runs a command in a fresh process of this PowerShell; returns its output lines (errors included).
    param([Parameter(Mandatory)] [string] $Command)

    $shell = @(Get-ShellCommand)
    $arguments = @($shell | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-Command', $Command)
    # Plain text: escape sequences would break Pester's XML report when a failure message quotes them.
    & $shell[0] @arguments 2>&1 | ForEach-Object { "$_" -replace '\x1b\[[0-9;?]*[A-Za-z]', '' }
}
