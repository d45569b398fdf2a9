using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using NUnit.Framework;

namespace Payseal.Tests
{
    /// <summary>
    /// Drift: the generated declarations (src/*.g.cs) are what generate.py writes from
    /// bindings/description.json, and that file is what the loaded library describes. Together:
    /// every operation, field (wire name, type, required), enum value and status of the library is
    /// in the binding.
    /// </summary>
    [TestFixture]
    public class DescriptionTests
    {
        [Test]
        public void GeneratedCodeIsFresh()
        {
            var start = new ProcessStartInfo("python3", "\"" + TestData.PathOf("bindings", "csharp", "generate.py") + "\" --check")
            {
                UseShellExecute = false,
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            };
            using (Process p = Process.Start(start))
            {
                string stderr = p.StandardError.ReadToEnd();
                p.WaitForExit();
                Assert.AreEqual(0, p.ExitCode, "generate.py --check: " + stderr);
            }
        }

        [Test]
        public void TheLibraryDescribesTheCommittedDescription()
        {
            string committed = File.ReadAllText(TestData.PathOf("bindings", "description.json"));
            Check.JsonEqual(Json.Parse(committed), Json.Parse(PaysealLibrary.Describe()), "description");
        }

        /// <summary>A direct check of the generated code against the description, independent of
        /// the generator's text: every object's fields by wire name and required flag, every enum
        /// value, every status, every operation's methods.</summary>
        [Test]
        public void EveryDescribedNameIsInTheBinding()
        {
            var d = Json.Parse(File.ReadAllText(TestData.PathOf("bindings", "description.json"))).Obj();
            var assembly = typeof(Keepz).Assembly;
            foreach (var pair in d["objects"].Obj())
            {
                if (pair.Key == "KeepzError" || pair.Key == "TransactPayError")
                {
                    continue;  // the JSON of a GatewayException
                }
                Type type = assembly.GetType("Payseal." + TypeName(pair.Key)) ?? assembly.GetType("Payseal." + TypeName(pair.Key) + "`1");
                Assert.IsNotNull(type, pair.Key);
                var wire = TypedMapping.WireProperties(type).ToDictionary(p => TypedMapping.Wire(p).Name, p => TypedMapping.Wire(p).Required);
                var fields = ((List<object>)pair.Value.Obj()["fields"]).Select(f => f.Obj()).ToList();
                CollectionAssert.AreEquivalent(fields.Select(f => f.Str("name")), wire.Keys, pair.Key);
                foreach (var f in fields)
                {
                    Assert.AreEqual(f.Bool("required"), wire[f.Str("name")], pair.Key + "." + f.Str("name"));
                }
            }
            foreach (var pair in d["enums"].Obj())
            {
                var e = pair.Value.Obj();
                Type type = assembly.GetType("Payseal." + TypeName(pair.Key) + (e.Bool("open") ? "Value" : ""));
                Assert.IsNotNull(type, pair.Key);
                CollectionAssert.AreEqual(((List<object>)e["values"]).Select(v => v.Obj().Str("name")), Enum.GetNames(type), pair.Key);
            }
            foreach (object s in (List<object>)d["statuses"])
            {
                var status = (PaysealStatus)Enum.Parse(typeof(PaysealStatus), s.Obj().Str("name"));
                Assert.AreEqual(s.Obj().Int("code"), (int)status, s.Obj().Str("name"));
            }
            Assert.AreEqual(((List<object>)d["statuses"]).Count, Enum.GetValues(typeof(PaysealStatus)).Length);
            foreach (object o in (List<object>)d["operations"])
            {
                var op = o.Obj();
                Type owner = op.Str("gateway") == "keepz" ? typeof(Keepz) : typeof(TransactPay);
                string name = string.Concat(op.Str("name").Split('_').Select(p => char.ToUpperInvariant(p[0]) + p.Substring(1)));
                Assert.IsNotNull(owner.GetMethod("Prepare" + name), op.Str("name"));
                Assert.IsNotNull(owner.GetMethod("Parse" + name), op.Str("name"));
            }
        }

        private static string TypeName(string reference)
        {
            if (reference.StartsWith("keepz.", StringComparison.Ordinal))
            {
                return "Keepz" + reference.Substring(6);
            }
            if (reference.StartsWith("transactpay.", StringComparison.Ordinal))
            {
                return "TransactPay" + reference.Substring(12);
            }
            return reference;
        }
    }
}
