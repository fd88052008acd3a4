using System;
using System.Management.Automation;
using System.Security;

namespace CrmPS.Core
{
    /// <summary>
    /// What the shared connection code needs to know about one service: its names, the
    /// environment variable that may hold its key, and how to connect with that key alone.
    /// </summary>
    internal sealed class ServiceProfile<TConnection>
        where TConnection : CrmConnection
    {
        public ServiceProfile(string name, string displayName, string apiKeyVariable, string keyHint, Func<SecureString, TConnection> connectWithKey)
        {
            Name = name;
            DisplayName = displayName;
            ApiKeyVariable = apiKeyVariable;
            KeyHint = keyHint;
            ConnectWithKey = connectWithKey;
        }

        /// <summary>The short name used in cmdlet nouns and error ids ("Cdb" in Connect-Cdb, CdbNotConnected).</summary>
        public string Name { get; }

        /// <summary>The vendor's product name, for messages.</summary>
        public string DisplayName { get; }

        public string ApiKeyVariable { get; }

        /// <summary>Where the user gets a key, appended to the missing-key message.</summary>
        public string KeyHint { get; }

        public string ConnectCommand => "Connect-" + Name;

        /// <summary>A connection with the default address and settings, for a key found in the environment.</summary>
        public Func<SecureString, TConnection> ConnectWithKey { get; }

        /// <summary>The key in the service's environment variable, trimmed; null when it is unset or blank.</summary>
        public SecureString EnvironmentKey()
        {
            string key = Environment.GetEnvironmentVariable(ApiKeyVariable);
            return string.IsNullOrWhiteSpace(key) ? null : SecretText.ToSecureString(key.Trim());
        }

        public ErrorRecord NotConnected() => new ErrorRecord(
            new InvalidOperationException($"Not connected to {DisplayName}. Run {ConnectCommand} -ApiKey <key> (or {ConnectCommand} -Sandbox to rehearse offline), or set $env:{ApiKeyVariable}."),
            Name + "NotConnected",
            ErrorCategory.ConnectionError,
            null);

        public ErrorRecord ApiKeyMissing() => new ErrorRecord(
            new ArgumentException($"No {DisplayName} API key: pass -ApiKey, or set $env:{ApiKeyVariable}. {KeyHint}".TrimEnd()),
            Name + "ApiKeyMissing",
            ErrorCategory.AuthenticationError,
            null);

        /// <summary>-ApiKey was given, but empty: most often a variable that is not set ($env:BIZSTIM_API_KEY in a new shell).</summary>
        public ErrorRecord ApiKeyEmpty() => new ErrorRecord(
            new ArgumentException(
                $"The {DisplayName} API key given to -ApiKey is empty: the variable passed to it is probably not set (for example $env:{ApiKeyVariable} in a new shell). "
                + $"Set it first ($env:{ApiKeyVariable} = '<key>'), pass the key itself (-ApiKey (Read-Host -AsSecureString)), or run {ConnectCommand} -Sandbox to rehearse offline. {KeyHint}".TrimEnd()),
            Name + "ApiKeyMissing",
            ErrorCategory.AuthenticationError,
            null);

        public ErrorRecord ProxyCredentialWithoutProxy() => new ErrorRecord(
            new ArgumentException($"-ProxyCredential was given without -Proxy: {ConnectCommand} uses the credential only for the proxy named by -Proxy. Add -Proxy <address>, or leave -ProxyCredential out."),
            Name + "ProxyCredentialWithoutProxy",
            ErrorCategory.InvalidArgument,
            null);

        /// <summary>The address is the error's target without any user name or password it carried: those are never shown.</summary>
        public ErrorRecord ConnectionRefused(ArgumentException reason, Uri baseUri) =>
            new ErrorRecord(reason, Name + "ConnectionRefused", ErrorCategory.SecurityError, EndpointPolicy.WithoutUserInfo(baseUri));
    }
}
