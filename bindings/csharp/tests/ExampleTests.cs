using System.IO;
using System.Text.RegularExpressions;
using NUnit.Framework;

namespace Payseal.Tests
{
    /// <summary>The README's example runs, and is the README's text.</summary>
    [TestFixture]
    public class ExampleTests
    {
        [Test]
        public void ExampleRuns()
        {
            var log = new StringWriter();
            Example.Run(log);
            string output = log.ToString();
            StringAssert.Contains("POST {\"gateway\":\"keepz\",\"method\":\"POST\",\"path\":\"/api/integrator/order\"", output);
            StringAssert.Contains("Keepz got: {\"amount\":12.5,", output);
            StringAssert.Contains("order: {\"integratorOrderId\":\"c0a8f1e2-3b4d-4c5e-8f6a-7b8c9d0e1f2a\",\"urlForQR\"", output);
            StringAssert.Contains("Keepz refused: 6005 Integrator order not found (not found)", output);
            Assert.IsTrue(Regex.IsMatch(output, "\\{\"data\":\"[A-Za-z0-9+/]{682}==?\"\\}|\\{\"data\":\"[A-Za-z0-9+/=]{684}\"\\}"), output);
            StringAssert.Contains(" of 501 bytes used", output);
            StringAssert.Contains("answer: {", output);
        }

        [Test]
        public void ReadmeShowsTheExampleVerbatim()
        {
            string readme = File.ReadAllText(TestData.PathOf("bindings", "csharp", "README.md")).Replace("\r\n", "\n");
            string example = File.ReadAllText(TestData.PathOf("bindings", "csharp", "examples", "Example.cs")).Replace("\r\n", "\n");
            StringAssert.Contains("```csharp\n" + example + "```\n", readme, "README.md must show examples/Example.cs verbatim");
        }
    }
}
