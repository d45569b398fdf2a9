using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using NUnit.Framework;

namespace Payseal.Tests.Sandbox
{
    /// <summary>An HTTP answer as received: its status and its body, decoded as strict UTF-8.</summary>
    internal sealed class Answer
    {
        public int Status;
        public string Body;

        public override string ToString()
        {
            return "HTTP " + Status + ": " + Body;
        }
    }

    /// <summary>
    /// A running <c>payseal-sandbox</c>, found through the ready file it wrote
    /// (<c>PAYSEAL_SANDBOX_READY</c>; <c>sandbox/tests/csharp.sh</c> starts one and sets it), and
    /// the host's own HTTP client to talk to it: <see cref="HttpClient"/>, no proxy (loopback
    /// only), every call bounded by <see cref="CallTimeout"/>. The binding prepares and parses;
    /// this class only carries bytes, as a merchant's integration would.
    /// </summary>
    internal sealed class SandboxClient : IDisposable
    {
        /// <summary>How long one HTTP call may take.</summary>
        public static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(10);

        private static readonly Encoding Utf8 = new UTF8Encoding(false, true);

        private readonly Dictionary<string, object> ready;
        private readonly HttpClient http;

        private SandboxClient(Dictionary<string, object> ready)
        {
            this.ready = ready;
            // Redirects followed, as a browser on the checkout page does; no proxy: loopback only.
            http = new HttpClient(new HttpClientHandler { UseProxy = false, AllowAutoRedirect = true })
            {
                Timeout = CallTimeout,
            };
        }

        /// <summary>The sandbox named by <c>PAYSEAL_SANDBOX_READY</c>; without it the calling
        /// fixture is ignored (so <c>test.sh</c> runs anywhere), saying how to run it.</summary>
        public static SandboxClient FromEnvironment()
        {
            string path = Environment.GetEnvironmentVariable("PAYSEAL_SANDBOX_READY");
            if (string.IsNullOrEmpty(path))
            {
                Assert.Ignore("PAYSEAL_SANDBOX_READY is not set: these flows need a running payseal-sandbox " +
                              "(run sandbox/tests/csharp.sh, which starts one and sets it)");
            }
            var ready = (Dictionary<string, object>)Json.Parse(File.ReadAllText(path, Utf8));
            Assert.AreEqual(true, ready["ready"], "the ready file of " + path);
            return new SandboxClient(ready);
        }

        /// <summary>The sandbox's root URL, <c>http://127.0.0.1:PORT</c>.</summary>
        public string Url
        {
            get { return (string)ready["url"]; }
        }

        /// <summary>Keepz's base URL, the typed prepare's <c>customBaseUrl</c>.</summary>
        public string KeepzBaseUrl
        {
            get { return Section("keepz")["baseUrl"] as string; }
        }

        /// <summary>TransactPay's base URL, the typed prepare's <c>customBaseUrl</c>.</summary>
        public string TransactPayBaseUrl
        {
            get { return Section("transactpay")["baseUrl"] as string; }
        }

        /// <summary>The integrator id the sandbox knows the integrator by.</summary>
        public Guid IntegratorId
        {
            get { return new Guid((string)Section("keepz")["integratorId"]); }
        }

        /// <summary>The dashboard API key TransactPay's prepared <c>apiKey</c> names:
        /// <c>public</c> or <c>secret</c>.</summary>
        public string TransactPayApiKey(string which)
        {
            return (string)Section("transactpay")[which + "Key"];
        }

        /// <summary>A key file the sandbox wrote (<c>keepzPublic</c>, <c>integratorPrivate</c>,
        /// <c>transactpayEncryptionKey</c>, …), as text.</summary>
        public string KeyText(string name)
        {
            return File.ReadAllText((string)Section("keys")[name], Utf8);
        }

        /// <summary>Sends a request the binding prepared, exactly as it says: method, URL (with the
        /// query for GET/DELETE), headers, body; TransactPay's <c>api-key</c> header carries
        /// <paramref name="apiKey"/>.</summary>
        public Answer Send(Prepared prepared, string apiKey = null)
        {
            var request = new HttpRequestMessage(new HttpMethod(prepared.Method), prepared.Url);
            if (prepared.Body != null)
            {
                request.Content = new ByteArrayContent(Utf8.GetBytes(prepared.Body));
            }
            foreach (Header header in prepared.Headers)
            {
                // HttpClient keeps Content-Type on the content, every other header on the request.
                if (!request.Headers.TryAddWithoutValidation(header.Name, header.Value)
                    && (request.Content == null || !request.Content.Headers.TryAddWithoutValidation(header.Name, header.Value)))
                {
                    Assert.Fail("cannot send the prepared header " + header.Name);
                }
            }
            if (prepared.ApiKey != null)
            {
                Assert.IsNotNull(apiKey, "TransactPay's " + prepared.Operation + " needs an api-key");
                request.Headers.TryAddWithoutValidation(prepared.ApiKey.Header, apiKey);
            }
            return Exchange(request);
        }

        /// <summary>A GET, as a browser opens a page.</summary>
        public Answer Get(string url)
        {
            return Exchange(new HttpRequestMessage(HttpMethod.Get, url));
        }

        /// <summary>Submits a form (<c>application/x-www-form-urlencoded</c>), as a browser does
        /// on the checkout page; the redirect after it is followed.</summary>
        public Answer PostForm(string url, params string[] namesAndValues)
        {
            var fields = new List<KeyValuePair<string, string>>();
            for (int i = 0; i < namesAndValues.Length; i += 2)
            {
                fields.Add(new KeyValuePair<string, string>(namesAndValues[i], namesAndValues[i + 1]));
            }
            return Exchange(new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields) });
        }

        /// <summary>A call to the control API (<c>/_sandbox…</c>) with an optional JSON body;
        /// fails the test on anything but 2xx.</summary>
        public Answer Control(string method, string path, string json = null)
        {
            var request = new HttpRequestMessage(new HttpMethod(method), (string)ready["controlUrl"] + path);
            if (json != null)
            {
                request.Content = new StringContent(json, Utf8, "application/json");
            }
            Answer answer = Exchange(request);
            Assert.That(answer.Status >= 200 && answer.Status < 300, method + " " + path + ": " + answer);
            return answer;
        }

        private Answer Exchange(HttpRequestMessage request)
        {
            using (request)
            using (HttpResponseMessage response = http.SendAsync(request).GetAwaiter().GetResult())
            {
                byte[] body = response.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult();
                return new Answer { Status = (int)response.StatusCode, Body = Utf8.GetString(body) };
            }
        }

        private Dictionary<string, object> Section(string name)
        {
            return (Dictionary<string, object>)ready[name];
        }

        public void Dispose()
        {
            http.Dispose();
        }
    }
}
