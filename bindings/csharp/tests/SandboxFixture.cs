using System;
using NUnit.Framework;

namespace Payseal.Tests.Sandbox
{
    /// <summary>
    /// What every sandbox flow fixture shares: the sandbox (found through
    /// <c>PAYSEAL_SANDBOX_READY</c>, or the fixture is ignored) and one gateway handle built from
    /// the keys it wrote, both disposed at the end.
    /// </summary>
    /// <typeparam name="TGateway"><see cref="Keepz"/> or <see cref="TransactPay"/>.</typeparam>
    public abstract class SandboxFixture<TGateway> where TGateway : class, IDisposable
    {
        internal SandboxClient Sandbox;
        internal TGateway Gateway;

        /// <summary>The handle an integration holds, from the keys the sandbox handed out.</summary>
        internal abstract TGateway OpenGateway(SandboxClient sandbox);

        [TestFixtureSetUp]
        public void Connect()
        {
            Sandbox = SandboxClient.FromEnvironment();
            Gateway = OpenGateway(Sandbox);
        }

        [TestFixtureTearDown]
        public void Disconnect()
        {
            if (Gateway != null)
            {
                Gateway.Dispose();
            }
            if (Sandbox != null)
            {
                Sandbox.Dispose();
            }
        }
    }
}
