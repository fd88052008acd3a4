using System.Collections.Generic;
using CrmPS.Core;

namespace CrmPS.Bizstim
{
    /// <summary>A 32-bit FNV-1a hash of a row's input text: enough to tell a checkpoint's input from another.</summary>
    internal static class RowFingerprint
    {
        private const uint Offset = 2166136261;
        private const uint Prime = 16777619;

        public static uint Of(object[] fixedValues, IEnumerable<KeyValuePair<string, object>> extraProperties)
        {
            uint hash = Offset;
            foreach (object value in fixedValues)
            {
                hash = Add(hash, ValueText.Of(value));
            }

            if (extraProperties != null)
            {
                foreach (var property in extraProperties)
                {
                    hash = Add(hash, property.Key);
                    hash = Add(hash, ValueText.Of(property.Value));
                }
            }

            return hash;
        }

        private static uint Add(uint hash, string text)
        {
            foreach (char c in text)
            {
                hash = (hash ^ c) * Prime;
            }

            return (hash ^ 0x1F) * Prime;
        }
    }
}
