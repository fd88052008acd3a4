namespace CrmPS.HelpBuilder.Tests;

/// <summary>A small cmdlet page in PlatyPS format, with two parameter sets, an (All) parameter, a switch and ShouldProcess.</summary>
internal static class SamplePage
{
    public const string Markdown = """
---
external help file: Sample.dll-Help.xml
Module Name: Sample
online version: https://example.com/docs/Get-Widget.md
schema: 2.0.0
---

# Get-Widget

## SYNOPSIS
Gets **widgets** from the shop.

## SYNTAX

### All (Default)
```
Get-Widget [-Connection <Object>] [-WhatIf] [<CommonParameters>]
```

### Id
```
Get-Widget [-Id] <Int32[]> [-Force] [-Connection <Object>] [-WhatIf] [<CommonParameters>]
```

## DESCRIPTION
The `Get-Widget` cmdlet reads widgets. It is *quick* and
follows [the shop API](https://example.com/api) and [about_Sample](about_Sample.md).

It returns:
- one object per widget,
- nothing when the shop is empty.

## EXAMPLES

### Example 1: Get every widget
```powershell
Get-Widget
```

```Output
Id Name
-- ----
 1 Bolt
```

Lists all widgets.

### Example 2: Get widgets by id
Before the code.
```powershell
Get-Widget -Id 1, 2
```

After the code.

## PARAMETERS

### -Connection
The connection to use.

```yaml
Type: Object
Parameter Sets: (All)
Aliases:

Required: False
Position: Named
Default value: None
Accept pipeline input: False
Accept wildcard characters: False
```

### -Force
Skips the cache.

```yaml
Type: SwitchParameter
Parameter Sets: Id
Aliases: f

Required: False
Position: Named
Default value: None
Accept pipeline input: False
Accept wildcard characters: False
```

### -Id
One or more widget ids.

```yaml
Type: Int32[]
Parameter Sets: Id
Aliases: WidgetId, ItemId

Required: True
Position: 0
Default value: None
Accept pipeline input: True (ByPropertyName, ByValue)
Accept wildcard characters: False
```

### -WhatIf
Shows what would happen.

```yaml
Type: SwitchParameter
Parameter Sets: (All)
Aliases: wi

Required: False
Position: Named
Default value: False
Accept pipeline input: False
Accept wildcard characters: False
```

### CommonParameters
This cmdlet supports the common parameters. For more information, see [about_CommonParameters](http://go.microsoft.com/fwlink/?LinkID=113216).

## INPUTS

### System.Int32[]
Widget ids, by value or from an **Id** property.

## OUTPUTS

### Sample.Widget
One object per widget.

## NOTES
Widgets are cached for a minute.

## RELATED LINKS

[about_Sample](about_Sample.md)

[Shop API](https://example.com/api)
""";
}
