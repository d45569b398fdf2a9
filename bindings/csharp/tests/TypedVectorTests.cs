using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using NUnit.Framework;

namespace Payseal.Tests
{
    /// <summary>
    /// Every case of tests/vectors/typed_operations.json through the typed API: the request
    /// written as the generated request class (a case the types cannot express — an unknown
    /// field, a value of the wrong kind, an unknown operation — goes through the raw JSON
    /// method and must be a refusal), the generated <c>Prepare…</c>/<c>Parse…</c> method, the
    /// typed answer compared with the expected output field by field (amounts by their exact
    /// decimal text), what the gateway's side opens compared byte for byte.
    /// </summary>
    [TestFixture]
    public class TypedVectorTests
    {
        private static Dictionary<string, object> file;
        private Keepz integrator;
        private Keepz keepzDouble;
        private TransactPay transactPay;

        private static Dictionary<string, object> File
        {
            get { return file ?? (file = (Dictionary<string, object>)TestData.LoadVector("typed_operations.json")); }
        }

        private static IEnumerable<TestCaseData> Group(string name)
        {
            return TestData.Named(name, (List<object>)File[name]);
        }

        public static IEnumerable<TestCaseData> PrepareCases() { return Group("prepare"); }
        public static IEnumerable<TestCaseData> ParseCases() { return Group("parse"); }
        public static IEnumerable<TestCaseData> CallbackCases() { return Group("callbacks"); }
        public static IEnumerable<TestCaseData> WebhookCases() { return Group("webhooks"); }

        [TestFixtureSetUp]
        public void Handles()
        {
            var keys = File["keys"].Obj();
            var keepzKey = TestData.Key(keys.Str("keepz"));
            var ourKey = TestData.Key(keys.Str("integrator"));
            var tpKey = TestData.Key(keys.Str("transactpay"));
            integrator = Keepz.FromText(keepzKey.Str("public_base64_der"), ourKey.Str("private_pem"), File.Str("integratorId"));
            keepzDouble = Keepz.FromText(ourKey.Str("public_pem"), keepzKey.Str("private_pem"));
            transactPay = TransactPay.FromText(tpKey.Str("transactpay_blob"), tpKey.Str("private_pem"));
        }

        [TestFixtureTearDown]
        public void Dispose()
        {
            integrator.Dispose();
            keepzDouble.Dispose();
            transactPay.Dispose();
        }

        // ------------------------------------------------------------ prepare
        [TestCaseSource("PrepareCases")]
        public void Prepare(Dictionary<string, object> c)
        {
            bool keepz = c.Str("gateway") == "keepz";
            object handle = keepz ? (object)integrator : transactPay;
            BaseUrl baseUrl = BaseUrlOf(c);
            string custom = c.ContainsKey("custom_base_url") ? c.Str("custom_base_url") : null;
            MethodInfo method = Typed(handle.GetType(), "Prepare", c.Str("operation"));
            object request = null;
            string untypeable = null;
            if (method == null)
            {
                untypeable = "no typed method for " + c.Str("operation");
            }
            else if (c.ContainsKey("request_text") && c.Int("expect_status") != 0)
            {
                untypeable = "request_text: JSON text a typed object does not write (a key twice, not JSON, a number for a string)";
            }
            else
            {
                try
                {
                    object json = c.ContainsKey("request_text") ? NumbersAsText(c.Str("request_text")) : c["request"];
                    request = TypedMapping.ToTyped(method.GetParameters()[0].ParameterType, json, "request");
                }
                catch (UntypeableException e)
                {
                    untypeable = e.Message;
                }
            }
            int expected = c.Int("expect_status");
            TestDelegate call;
            if (untypeable == null)
            {
                call = () => Unwrap(() => method.Invoke(handle, new object[] { request, baseUrl, custom }));
            }
            else
            {
                // Only a refusal may need the raw path: every accepted request is typeable.
                Assert.AreNotEqual(0, expected, "an accepted request the typed API cannot write: " + untypeable);
                Console.WriteLine("raw JSON path (a refusal the types cannot express): " + untypeable);
                string text = c.ContainsKey("request_text") ? c.Str("request_text") : Serialize(c["request"]);
                call = keepz
                    ? (TestDelegate)(() => integrator.PrepareJson(c.Str("operation"), text, baseUrl, custom))
                    : () => transactPay.PrepareJson(c.Str("operation"), text, baseUrl, custom);
            }
            if (expected != 0)
            {
                ExpectFailure(c, call);
                return;
            }
            Prepared prepared = null;
            call = () => prepared = (Prepared)Unwrap(() => method.Invoke(handle, new object[] { request, baseUrl, custom }));
            call();
            Assert.AreEqual(c.Str("gateway"), prepared.Gateway);
            Assert.AreEqual(c.Str("operation"), prepared.Operation);
            CheckPrepared(prepared, c["expect"].Obj(), c.Str("expect_plaintext"), c.Str("gateway"));
        }

        // ------------------------------------------------------------ parse
        [TestCaseSource("ParseCases")]
        public void Parse(Dictionary<string, object> c)
        {
            bool keepz = c.Str("gateway") == "keepz";
            string body = c.ContainsKey("answer") ? keepzDouble.Seal(c.Str("answer")) : c.Str("body");
            int http = c.Int("http_status");
            string operation = c.Str("operation");
            Type owner = keepz ? typeof(Keepz) : typeof(TransactPay);
            MethodInfo method = Typed(owner, "Parse", operation);
            string amountText = c.ContainsKey("expected_amount") ? c.Str("expected_amount") : null;
            string currency = c.ContainsKey("expected_currency") ? c.Str("expected_currency") : null;
            object[] args = null;
            string untypeable = null;
            if (method == null)
            {
                untypeable = "no typed method for " + operation;
            }
            else if (keepz)
            {
                args = new object[] { http, body };
            }
            else if (method.GetParameters().Length == 4)
            {
                decimal? amount = null;
                try
                {
                    amount = (decimal?)TypedMapping.ToTyped(typeof(decimal?), amountText, "expected_amount");
                    args = new object[] { http, body, amount, currency };
                }
                catch (UntypeableException e)
                {
                    untypeable = e.Message;
                }
            }
            else if (amountText != null || currency != null)
            {
                untypeable = "an expectation for an operation whose typed method takes none";
            }
            else
            {
                args = new object[] { http, body };
            }
            int expected = c.Int("expect_status");
            TestDelegate call;
            object result = null;
            if (untypeable == null)
            {
                call = () => result = Unwrap(() => method.Invoke(keepz ? integrator : null, args));
            }
            else
            {
                Assert.AreNotEqual(0, expected, "an accepted answer the typed API cannot read: " + untypeable);
                Console.WriteLine("raw JSON path (a refusal the types cannot express): " + untypeable);
                call = keepz
                    ? (TestDelegate)(() => integrator.ParseJson(operation, http, body))
                    : () => TransactPay.ParseJson(operation, http, body, amountText, currency);
            }
            if (expected != 0)
            {
                PaysealException e = ExpectFailure(c, call);
                if (expected == (int)PaysealStatus.GatewayError)
                {
                    Check.JsonEqual(c["expect_output"], Json.Parse(((GatewayException)e).Json), "gateway error");
                }
                return;
            }
            call();
            Check.JsonEqual(c["expect_output"], TypedMapping.ToJson(result), "output");
        }

        // ------------------------------------------------------------ callbacks and webhooks
        [TestCaseSource("CallbackCases")]
        public void Callback(Dictionary<string, object> c)
        {
            string body = c.ContainsKey("answer") ? keepzDouble.Seal(c.Str("answer")) : c.Str("body");
            string custom = c.ContainsKey("custom_base_url") ? c.Str("custom_base_url") : null;
            KeepzCallbackHint hint = null;
            TestDelegate call = () => hint = integrator.Callback(body, BaseUrlOf(c), custom);
            if (c.Int("expect_status") != 0)
            {
                ExpectFailure(c, call);
                return;
            }
            call();
            CheckHint(c, hint, hint.Recheck, "keepz");
        }

        [TestCaseSource("WebhookCases")]
        public void Webhook(Dictionary<string, object> c)
        {
            string custom = c.ContainsKey("custom_base_url") ? c.Str("custom_base_url") : null;
            TransactPayWebhookHint hint = null;
            TestDelegate call = () => hint = transactPay.Webhook(c.Str("body"), BaseUrlOf(c), custom);
            if (c.Int("expect_status") != 0)
            {
                ExpectFailure(c, call);
                return;
            }
            call();
            CheckHint(c, hint, hint.Recheck, "transactpay");
        }

        /// <summary>A request property the host forgot is left out, not sent as a default
        /// (<c>Guid.Empty</c>, 0, an enum's first member): the core refuses it, naming it.</summary>
        [Test]
        public void AForgottenRequiredPropertyIsRefusedByTheCoreNotDefaulted()
        {
            var request = new KeepzCreateOrderRequest
            {
                Amount = 12.50m,
                ReceiverId = new Guid("7f0c2b1e-4a3d-4c8e-9b6a-1d2e3f4a5b6c"),
                IntegratorId = new Guid(File.Str("integratorId")),
                IntegratorOrderId = PaysealLibrary.NewOrderId(),
            };
            PaysealException e = Check.Fails(PaysealStatus.InvalidRequest, () => integrator.PrepareCreateOrder(request));
            StringAssert.Contains("receiverType", e.Message);
            request.ReceiverType = KeepzReceiverType.Branch;
            request.Amount = null;
            e = Check.Fails(PaysealStatus.InvalidRequest, () => integrator.PrepareCreateOrder(request));
            StringAssert.Contains("amount", e.Message);
        }

        // ------------------------------------------------------------ checks
        private void CheckHint(Dictionary<string, object> c, object hint, Prepared recheck, string gateway)
        {
            var output = (Dictionary<string, object>)TypedMapping.ToJson(hint);
            output.Remove("recheck");
            Check.JsonEqual(c["expect_output"], output, "output");
            Assert.AreEqual(gateway, recheck.Gateway);
            CheckPrepared(recheck, c["expect_recheck"].Obj(), c.Str("expect_recheck_plaintext"), gateway);
        }

        /// <summary>A prepared request against a case's expectation, and what the gateway's side opens.</summary>
        private void CheckPrepared(Prepared prepared, Dictionary<string, object> expect, string plaintext, string gateway)
        {
            var actual = (Dictionary<string, object>)TypedMapping.ToJson(prepared);
            foreach (var pair in expect)
            {
                object want = pair.Value;
                if (pair.Key == "url" && prepared.Placement == "query")
                {
                    want = (string)want + "?" + prepared.Query;
                }
                Check.JsonEqual(want, actual[pair.Key], pair.Key);
            }
            Assert.AreEqual(prepared.Placement == "body", prepared.Body != null, "body iff placement body");
            Assert.AreEqual(prepared.Placement == "query", prepared.Query != null, "query iff placement query");
            string opened;
            if (gateway == "keepz")
            {
                opened = prepared.Placement == "query" ? keepzDouble.OpenQuery(prepared.Query) : keepzDouble.Open(0, prepared.Body);
            }
            else
            {
                opened = prepared.Encrypted ? transactPay.Open(prepared.Body) : prepared.Body;
            }
            Assert.AreEqual(plaintext, opened, "what the gateway's side opens");
        }

        private static PaysealException ExpectFailure(Dictionary<string, object> c, TestDelegate call)
        {
            PaysealException e = Check.Fails((PaysealStatus)c.Int("expect_status"), call, c.Str("name"));
            if (c.ContainsKey("expect_error"))
            {
                StringAssert.Contains(c.Str("expect_error"), e.Message);
            }
            if (c.ContainsKey("expect_error_excludes"))
            {
                StringAssert.DoesNotContain(c.Str("expect_error_excludes"), e.Message);
            }
            return e;
        }

        private static BaseUrl BaseUrlOf(Dictionary<string, object> c)
        {
            string name = c.ContainsKey("base_url") ? c.Str("base_url") : "test";
            return (BaseUrl)Enum.Parse(typeof(BaseUrl), name, true);
        }

        /// <summary>The generated method of an operation the binding lists (a name such as
        /// <c>orderStatus</c> is not one: only the raw path can send it).</summary>
        private static MethodInfo Typed(Type owner, string prefix, string operation)
        {
            var operations = (IList<string>)owner.GetField("Operations").GetValue(null);
            return operations.Contains(operation) ? owner.GetMethod(prefix + Pascal(operation)) : null;
        }

        /// <summary>A request text whose fractional numbers (amounts a host wrote as JSON numbers)
        /// become decimal strings, as a host holding them in <c>decimal</c> writes them.</summary>
        private static object NumbersAsText(string text)
        {
            return Json.Parse(System.Text.RegularExpressions.Regex.Replace(text, ":(-?[0-9]+\\.[0-9]+)", ":\"$1\""));
        }

        private static string Pascal(string name)
        {
            return string.Concat(name.Split('_').Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p.Substring(1)));
        }

        /// <summary>Reflection wraps the binding's exceptions; tests see them as a host would.</summary>
        private static object Unwrap(Func<object> call)
        {
            try
            {
                return call();
            }
            catch (TargetInvocationException e)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
                throw;
            }
        }

        /// <summary>A vector's request value as JSON text (its numbers are integers: the vectors hold
        /// amounts as strings).</summary>
        private static string Serialize(object json)
        {
            if (json == null) return "null";
            if (json is string) return "\"" + ((string)json).Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
            if (json is bool) return (bool)json ? "true" : "false";
            if (json is long) return ((long)json).ToString(CultureInfo.InvariantCulture);
            var list = json as List<object>;
            if (list != null) return "[" + string.Join(",", list.Select(Serialize)) + "]";
            var obj = json as Dictionary<string, object>;
            if (obj != null) return "{" + string.Join(",", obj.Select(p => Serialize(p.Key) + ":" + Serialize(p.Value))) + "}";
            throw new ArgumentException("a vector holds a non-integer number: " + json);
        }
    }
}
