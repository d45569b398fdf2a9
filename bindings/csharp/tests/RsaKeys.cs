using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;

namespace Payseal.Tests
{
    /// <summary>
    /// Imports the vectors' keys into .NET's <see cref="RSACryptoServiceProvider"/>: a small DER
    /// reader for PKCS#1, PKCS#8 and SubjectPublicKeyInfo, and TransactPay's blob through
    /// <c>FromXmlString</c>. Independent of payseal's own key parsing.
    /// </summary>
    internal static class RsaKeys
    {
        /// <summary>DER from PEM (armour removed) or from bare Base64.</summary>
        public static byte[] Der(string pemOrBase64)
        {
            var sb = new StringBuilder();
            foreach (string line in pemOrBase64.Split('\n'))
            {
                string l = line.Trim();
                if (l.Length > 0 && !l.StartsWith("-----"))
                {
                    sb.Append(l);
                }
            }
            return Convert.FromBase64String(sb.ToString());
        }

        /// <summary>A private key (PKCS#1 or PKCS#8, PEM or Base64 DER) with its CRT parameters.</summary>
        public static RSACryptoServiceProvider Private(string text)
        {
            var top = new DerReader(Der(text)).Sequence();
            top.Integer(); // version
            if (top.PeekTag() == 0x30)
            {
                // PKCS#8: AlgorithmIdentifier, then the PKCS#1 key in an OCTET STRING.
                top.Sequence();
                top = new DerReader(top.Element(0x04)).Sequence();
                top.Integer();
            }
            byte[] n = Unsigned(top.Integer());
            int k = n.Length;
            int half = (k + 1) / 2;
            var p = new RSAParameters
            {
                Modulus = n,
                Exponent = Unsigned(top.Integer()),
                D = Pad(top.Integer(), k),
                P = Pad(top.Integer(), half),
                Q = Pad(top.Integer(), half),
                DP = Pad(top.Integer(), half),
                DQ = Pad(top.Integer(), half),
                InverseQ = Pad(top.Integer(), half),
            };
            var rsa = new RSACryptoServiceProvider();
            rsa.ImportParameters(p);
            return rsa;
        }

        /// <summary>A public key from SubjectPublicKeyInfo DER (PEM or Base64).</summary>
        public static RSACryptoServiceProvider Public(string text)
        {
            var spki = new DerReader(Der(text)).Sequence();
            spki.Sequence(); // AlgorithmIdentifier
            byte[] bits = spki.Element(0x03);
            var key = new DerReader(Sub(bits, 1, bits.Length - 1)).Sequence(); // skip unused-bits byte
            var rsa = new RSACryptoServiceProvider();
            rsa.ImportParameters(new RSAParameters { Modulus = Unsigned(key.Integer()), Exponent = Unsigned(key.Integer()) });
            return rsa;
        }

        /// <summary>The RSAKeyValue XML inside a TransactPay blob (<c>bits!xml</c>, split at the first '!').</summary>
        public static string BlobXml(string blob, out int bits)
        {
            string text = Encoding.ASCII.GetString(Convert.FromBase64String(blob));
            int bang = text.IndexOf('!');
            bits = int.Parse(text.Substring(0, bang));
            return text.Substring(bang + 1);
        }

        /// <summary>A public key from a TransactPay blob, through .NET's own XML import.</summary>
        public static RSACryptoServiceProvider FromBlob(string blob)
        {
            int bits;
            var rsa = new RSACryptoServiceProvider();
            rsa.FromXmlString(BlobXml(blob, out bits));
            return rsa;
        }

        private static byte[] Unsigned(byte[] integer)
        {
            int skip = 0;
            while (skip < integer.Length - 1 && integer[skip] == 0)
            {
                skip++;
            }
            return Sub(integer, skip, integer.Length - skip);
        }

        private static byte[] Pad(byte[] integer, int length)
        {
            byte[] u = Unsigned(integer);
            if (u.Length > length)
            {
                throw new FormatException("integer longer than expected");
            }
            var result = new byte[length];
            Buffer.BlockCopy(u, 0, result, length - u.Length, u.Length);
            return result;
        }

        private static byte[] Sub(byte[] a, int offset, int count)
        {
            var r = new byte[count];
            Buffer.BlockCopy(a, offset, r, 0, count);
            return r;
        }

        /// <summary>Reads DER TLVs (definite lengths only, which DER requires).</summary>
        private sealed class DerReader
        {
            private readonly byte[] data;
            private int pos;

            public DerReader(byte[] data)
            {
                this.data = data;
            }

            public int PeekTag()
            {
                return data[pos];
            }

            public DerReader Sequence()
            {
                return new DerReader(Element(0x30));
            }

            public byte[] Integer()
            {
                return Element(0x02);
            }

            public byte[] Element(int tag)
            {
                if (data[pos] != tag)
                {
                    throw new FormatException(string.Format("DER tag 0x{0:x2} where 0x{1:x2} was expected", data[pos], tag));
                }
                pos++;
                int len = data[pos++];
                if (len >= 0x80)
                {
                    int n = len & 0x7f;
                    len = 0;
                    for (int i = 0; i < n; i++)
                    {
                        len = (len << 8) | data[pos++];
                    }
                }
                byte[] value = Sub(data, pos, len);
                pos += len;
                return value;
            }
        }
    }
}
