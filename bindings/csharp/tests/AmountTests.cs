using System;
using System.Collections.Generic;
using NUnit.Framework;

namespace Payseal.Tests
{
    /// <summary>Money is exact: decimal both ways, never a binary float, refused rather than rounded.</summary>
    [TestFixture]
    public class AmountTests
    {
        [Test]
        public void EveryDigitDecimalHoldsIsKept()
        {
            Assert.AreEqual(1500.2500000000000001m, Amounts.Parse("1500.2500000000000001"));
            Assert.AreEqual("1500.2500000000000001", Amounts.Format(Amounts.Parse("1500.2500000000000001")));
            Assert.AreEqual("12.50", Amounts.Format(12.50m), "the scale a host wrote is kept");
            Assert.AreEqual("0.0000000000000000000000000001", Amounts.Format(Amounts.Parse("0.0000000000000000000000000001")));
            Assert.AreEqual("999999999999999.9999999999999", Amounts.Format(Amounts.Parse("999999999999999.9999999999999")));
        }

        [Test]
        public void MoreDigitsThanDecimalHoldsAreRefusedNotRounded()
        {
            // 30 significant digits: decimal.Parse alone would round this to 999999999999999.99999999999990.
            var e = Assert.Throws<PaysealException>(() => Amounts.Parse("999999999999999.999999999999901"));
            Assert.AreEqual(PaysealStatus.UnexpectedResponse, e.Status);
            StringAssert.Contains("more digits than System.Decimal holds", e.Message);
            Assert.Throws<PaysealException>(() => Amounts.Parse("0.00000000000000000000000000001"));
            Assert.Throws<PaysealException>(() => Amounts.Parse("1e3"));
            Assert.Throws<PaysealException>(() => Amounts.Parse("1,5"));
        }

        [Test]
        public void TypedOutputsRefuseNonIntegerNumbers()
        {
            var e = Assert.Throws<PaysealException>(() => TypedJson.Parse("{\"amount\":12.5}"));
            Assert.AreEqual(PaysealStatus.UnexpectedResponse, e.Status);
            Assert.AreEqual(12L, TypedJson.Parse("{\"n\":12}").Obj()["n"]);
        }

        [Test]
        public void AnUntypedRequestPartTakesDecimalNotDouble()
        {
            var request = new KeepzCreateOrderRequest
            {
                OrderProperties = new Dictionary<string, object> { { "tip", 0.1m }, { "items", 2 } },
            };
            Assert.AreEqual("{\"orderProperties\":{\"tip\":0.1,\"items\":2}}", JsonWriter.Request(request, request.Write));
            request.OrderProperties = new Dictionary<string, object> { { "tip", 0.1 } };
            Assert.Throws<ArgumentException>(() => JsonWriter.Request(request, request.Write));
        }

        [Test]
        public void RequestAmountsCrossAsDecimalStrings()
        {
            var request = new TransactPayRefundRequest { Reference = "ORD-1", Amount = 250.50m };
            Assert.AreEqual("{\"reference\":\"ORD-1\",\"amount\":\"250.50\"}", JsonWriter.Request(request, request.Write));
        }
    }
}
