using System.Security.Cryptography;
using Attribution.Analysis;
using CsCheck;

namespace Attribution.Tests.Properties;

/// <summary>
/// A finding's fingerprint is the first eight bytes of the SHA-256 of "rule|source|words" (source lower-cased,
/// words lower-cased with white space folded), in hex. Baselines and SARIF logs store it, so the managed
/// digest the tool computes it with must give exactly what .NET's own SHA-256 gives.
/// </summary>
public sealed class FingerprintProperties
{
    [Fact]
    public void The_managed_digest_is_sha256()
    {
        // Lengths across the 64-byte blocks and the 55/56-byte padding edge.
        Gen.Byte.Array[0, 300].Sample(bytes =>
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes))[..16], DiagnosticEvaluator.HashPrefix(bytes)), iter: 1000);
    }

    [Fact]
    public void A_known_finding_keeps_its_fingerprint()
    {
        // sha256("AT2001|story.txt|an official"), as baselines written before the digest moved into managed code
        // hold it; case and spacing are folded. A change here orphans every baseline.
        Assert.Equal("8628b44748e9e413", DiagnosticEvaluator.Fingerprint("AT2001", "story.txt", "an official"));
        Assert.Equal("8628b44748e9e413", DiagnosticEvaluator.Fingerprint("AT2001", "Story.TXT", "An \n OFFICIAL"));
    }
}
