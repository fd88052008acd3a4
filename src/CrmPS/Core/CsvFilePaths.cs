using System.Collections.Generic;
using System.IO;
using System.Management.Automation;

namespace CrmPS.Core
{
    /// <summary>-Path (wildcards) and -LiteralPath resolved to files, as Import-Csv resolves them; a path that names no file is a non-terminating error.</summary>
    internal static class CsvFilePaths
    {
        public static IEnumerable<string> Resolve(PSCmdlet cmdlet, IEnumerable<string> paths, bool literal)
        {
            foreach (string path in paths)
            {
                List<string> files = new List<string>();
                try
                {
                    if (literal)
                    {
                        files.Add(cmdlet.GetUnresolvedProviderPathFromPSPath(path));
                    }
                    else
                    {
                        files.AddRange(cmdlet.GetResolvedProviderPathFromPSPath(path, out ProviderInfo provider));
                        if (provider.Name != "FileSystem")
                        {
                            cmdlet.WriteError(new ErrorRecord(
                                new PSArgumentException($"'{path}' is not a file system path."), "BizstimCsvPathNotFileSystem", ErrorCategory.InvalidArgument, path));
                            continue;
                        }
                    }
                }
                catch (ItemNotFoundException ex)
                {
                    cmdlet.WriteError(new ErrorRecord(ex, "BizstimCsvFileNotFound", ErrorCategory.ObjectNotFound, path));
                    continue;
                }

                if (files.Count == 0 && WildcardPattern.ContainsWildcardCharacters(path))
                {
                    cmdlet.WriteError(new ErrorRecord(
                        new ItemNotFoundException($"No file matches '{path}'."), "BizstimCsvFileNotFound", ErrorCategory.ObjectNotFound, path));
                }

                foreach (string file in files)
                {
                    if (File.Exists(file))
                    {
                        yield return file;
                    }
                    else
                    {
                        cmdlet.WriteError(new ErrorRecord(
                            new ItemNotFoundException(Directory.Exists(file) ? $"'{file}' is a folder, not a CSV file." : $"Cannot find the file '{file}'."),
                            "BizstimCsvFileNotFound",
                            ErrorCategory.ObjectNotFound,
                            path));
                    }
                }
            }
        }
    }
}
