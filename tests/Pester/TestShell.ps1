# Dot-sourced by the Pester files: how to start this same PowerShell in a fresh process.
. (Join-Path $PSScriptRoot '../../build/ShellCommand.ps1')

function Invoke-TestShell {
    # Runs a command in a fresh process of this PowerShell; returns its output lines (errors included).
    param([Parameter(Mandatory)] [string] $Command)

    $shell = @(Get-ShellCommand)
    $arguments = @($shell | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-Command', $Command)
    & $shell[0] @arguments 2>&1
}
