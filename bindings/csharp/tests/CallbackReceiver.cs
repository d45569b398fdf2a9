using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using NUnit.Framework;

namespace Payseal.Tests.Sandbox
{
    /// <summary>
    /// The merchant's callback (Keepz) or webhook (TransactPay) endpoint: an
    /// <see cref="HttpListener"/> on a free loopback port that keeps every body posted to it, in
    /// order, and answers 200 — what a shop's handler does before it re-checks. The sandbox posts
    /// only to loopback hosts, so this is where its deliveries can land.
    /// </summary>
    internal sealed class CallbackReceiver : IDisposable
    {
        /// <summary>How long a test waits for a delivery.</summary>
        public static readonly TimeSpan WaitTimeout = TimeSpan.FromSeconds(15);

        private static readonly Encoding Utf8 = new UTF8Encoding(false, true);

        private readonly HttpListener listener;
        private readonly Thread thread;
        private readonly List<string> bodies = new List<string>();
        private readonly List<string> problems = new List<string>();

        private CallbackReceiver(HttpListener listener, string url)
        {
            this.listener = listener;
            Url = url;
            thread = new Thread(Serve) { IsBackground = true, Name = "callbacks " + url };
            thread.Start();
        }

        /// <summary>Where to post: <c>http://127.0.0.1:PORT/NAME/</c>.</summary>
        public string Url { get; private set; }

        /// <summary>Listens on a free loopback port. HttpListener cannot take port 0, so a port
        /// the OS just handed out is used; another process may take it first, hence the retries.</summary>
        public static CallbackReceiver Start(string name)
        {
            for (int attempt = 0; ; attempt++)
            {
                var probe = new TcpListener(IPAddress.Loopback, 0);
                probe.Start();
                int port = ((IPEndPoint)probe.LocalEndpoint).Port;
                probe.Stop();
                string url = "http://127.0.0.1:" + port + "/" + name + "/";
                var listener = new HttpListener();
                listener.Prefixes.Add(url);
                try
                {
                    listener.Start();
                    return new CallbackReceiver(listener, url);
                }
                catch (HttpListenerException) when (attempt < 5)
                {
                    listener.Close();
                }
            }
        }

        private void Serve()
        {
            while (true)
            {
                HttpListenerContext context;
                try
                {
                    context = listener.GetContext();
                }
                catch (Exception) when (!listener.IsListening)
                {
                    return;  // disposed
                }
                string body;
                using (var reader = new StreamReader(context.Request.InputStream, Utf8))
                {
                    body = reader.ReadToEnd();
                }
                lock (bodies)
                {
                    if (context.Request.HttpMethod != "POST")
                    {
                        problems.Add(context.Request.HttpMethod + " " + context.Request.RawUrl);
                    }
                    bodies.Add(body);
                    Monitor.PulseAll(bodies);
                }
                context.Response.StatusCode = 200;
                context.Response.Close();
            }
        }

        /// <summary>The body of delivery <paramref name="index"/> (from 0), waiting for it at most
        /// <see cref="WaitTimeout"/>.</summary>
        public string WaitFor(int index)
        {
            DateTime deadline = DateTime.UtcNow + WaitTimeout;
            lock (bodies)
            {
                while (bodies.Count <= index)
                {
                    TimeSpan left = deadline - DateTime.UtcNow;
                    if (left <= TimeSpan.Zero)
                    {
                        Assert.Fail("delivery " + index + " did not arrive at " + Url + " within " + WaitTimeout +
                                    " (" + bodies.Count + " arrived)");
                    }
                    Monitor.Wait(bodies, left);
                }
                CollectionAssert.IsEmpty(problems, "requests other than POST at " + Url);
                return bodies[index];
            }
        }

        /// <summary>How many deliveries arrived so far.</summary>
        public int Count
        {
            get
            {
                lock (bodies)
                {
                    return bodies.Count;
                }
            }
        }

        public void Dispose()
        {
            listener.Close();
            thread.Join(TimeSpan.FromSeconds(5));
        }
    }
}
