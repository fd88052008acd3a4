using System;
using System.Runtime.InteropServices;
using System.Security;

namespace CrmPS.Core
{
    /// <summary>Moves API keys between SecureString and the plain text a header needs, and masks them for display.</summary>
    internal static class SecretText
    {
        public static SecureString ToSecureString(string plain)
        {
            var secure = new SecureString();
            foreach (char c in plain)
            {
                secure.AppendChar(c);
            }

            secure.MakeReadOnly();
            return secure;
        }

        public static string ToPlainText(SecureString secure)
        {
            if (secure == null || secure.Length == 0)
            {
                return string.Empty;
            }

            IntPtr bstr = Marshal.SecureStringToBSTR(secure);
            try
            {
                return Marshal.PtrToStringBSTR(bstr);
            }
            finally
            {
                Marshal.ZeroFreeBSTR(bstr);
            }
        }

        /// <summary>"****" and at most the last four characters, and those only when the key is long enough that they give nothing away.</summary>
        public static string Mask(SecureString secure)
        {
            string plain = ToPlainText(secure);
            if (plain.Length < 20)
            {
                return "****";
            }

            return "****" + plain.Substring(plain.Length - 4);
        }
    }
}
