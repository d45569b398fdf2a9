using System;
using System.Diagnostics;
using System.IO;
using NUnit.Framework;

namespace Payseal.Tests
{
    /// <summary>
    /// The load-time check, in child processes: a <c>libpayseal.so</c> with another C ABI version
    /// (a stand-in built with gcc) and a missing library must both fail clearly with
    /// <see cref="PaysealLoadException"/>, before any other call.
    /// </summary>
    [TestFixture]
    public class LoadTests
    {
        private const string Probe = @"
using System;
class Probe
{
    static int Main()
    {
        try
        {
            // Any entry point checks the library first.
            Console.WriteLine(""loaded "" + Payseal.Endpoints.Get(""keepz"", ""create_order""));
            return 0;
        }
        catch (Payseal.PaysealLoadException e)
        {
            Console.WriteLine(""PaysealLoadException: "" + e.Message);
            return 3;
        }
    }
}";

        private string dir;

        [TestFixtureSetUp]
        public void BuildProbe()
        {
            dir = Path.Combine(Path.GetTempPath(), "payseal-cs-load-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            // Payseal.dll without its .config: the child resolves "payseal" through LD_LIBRARY_PATH only.
            File.Copy(typeof(Keepz).Assembly.Location, Path.Combine(dir, "Payseal.dll"));
            File.WriteAllText(Path.Combine(dir, "Probe.cs"), Probe);
            Run("mcs", "-nologo -r:Payseal.dll -out:Probe.exe Probe.cs", dir, null, 0);
        }

        [TestFixtureTearDown]
        public void Clean()
        {
            if (dir != null)
            {
                Directory.Delete(dir, true);
            }
        }

        /// <summary>Runs a command, checks its exit code, returns its output.</summary>
        private static string Run(string file, string args, string workDir, string libraryPath, int exitCode)
        {
            var info = new ProcessStartInfo(file, args)
            {
                WorkingDirectory = workDir,
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            if (libraryPath != null)
            {
                info.EnvironmentVariables["LD_LIBRARY_PATH"] = libraryPath;
            }
            using (Process p = Process.Start(info))
            {
                string output = p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd();
                p.WaitForExit();
                Assert.AreEqual(exitCode, p.ExitCode, file + " " + args + ": " + output);
                return output;
            }
        }

        [Test]
        public void AnotherAbiVersionIsRefused()
        {
            string fake = Path.Combine(dir, "fake");
            Directory.CreateDirectory(fake);
            File.WriteAllText(Path.Combine(fake, "fake.c"),
                "#include <stdint.h>\nuint32_t payseal_abi_version(void) { return 1; }\n");
            Run("gcc", "-shared -fPIC -o libpayseal.so fake.c", fake, null, 0);
            string output = Run("mono", "Probe.exe", dir, fake, 3);
            StringAssert.Contains("PaysealLoadException: libpayseal has C ABI version 1, but this binding needs version 2", output);
        }

        [Test]
        public void AMissingLibraryIsNamed()
        {
            string empty = Path.Combine(dir, "empty");
            Directory.CreateDirectory(empty);
            string output = Run("mono", "Probe.exe", dir, empty, 3);
            StringAssert.Contains("PaysealLoadException: cannot load libpayseal: install it where the system " +
                "loader looks (libpayseal.so." + PaysealLibrary.ExpectedAbiVersion, output);
        }

        [Test]
        public void TheRealLibraryLoads()
        {
            // test.sh puts the library under test on LD_LIBRARY_PATH.
            string real = Environment.GetEnvironmentVariable("LD_LIBRARY_PATH") ?? "";
            StringAssert.Contains("loaded {\"gateway\":\"keepz\"", Run("mono", "Probe.exe", dir, real, 0));
        }
    }
}
