# Module manifest for CrmPS.
# ModuleVersion is stamped at build time from Directory.Build.props; edit the version there.
@{
    RootModule             = 'CrmPS.dll'
    ModuleVersion          = '0.0.0'
    CompatiblePSEditions   = @('Desktop', 'Core')
    GUID                   = '5f0c7f8e-3b7a-4d4e-9a61-2c8e6b1d4a70'
    Author                 = 'CrmPS contributors'
    CompanyName            = 'CrmPS contributors'
    Copyright              = '(c) CrmPS contributors. MIT License.'
    Description            = 'Drive the Bizstim, Customer Database App and BOTW CRM APIs from PowerShell: typed pipeline objects, batched and rate-limited imports, -WhatIf, real error records and an offline sandbox.'
    PowerShellVersion      = '5.1'
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess       = @('CrmPS.format.ps1xml')
    CmdletsToExport        = @(
        'Connect-Bizstim'
        'Get-BizstimClient'
        'Import-BizstimClient'
        'Send-BizstimInquiry'
        'Get-BizstimSession'
        'Get-BizstimTestimonial'
        'Get-BizstimOnDemandLink'
        'Connect-Cdb'
        'New-CdbCustomer'
        'New-CdbPipeline'
        'New-CdbNote'
        'New-CdbEvent'
        'New-CdbTask'
        'Connect-Botw'
        'Get-BotwContact'
        'New-BotwContact'
        'Set-BotwContact'
        'Remove-BotwContact'
    )
    FunctionsToExport      = @()
    VariablesToExport      = @()
    AliasesToExport        = @()
    PrivateData            = @{
        PSData = @{
            Tags         = @('CRM', 'Bizstim', 'CustomerDatabaseApp', 'BOTW', 'Import', 'REST', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            ProjectUri   = 'https://github.com/crmps/CrmPS'
            LicenseUri   = 'https://github.com/crmps/CrmPS/blob/main/LICENSE'
            ReleaseNotes = 'See https://github.com/crmps/CrmPS/blob/main/CHANGELOG.md'
        }
    }
}
