#!/usr/bin/env python3
"""Builds TransactPay's encryption-key forms for an RSA key WITHOUT payseal.

Only the openssl command line and the Python standard library are used, so that payseal's reader
and writer are checked against an independent implementation of the format:

    blob = Base64( f"{bits}!" + RSA.ToXmlString(false) )

where ToXmlString(false) is .NET's
    <RSAKeyValue><Modulus>B64(n)</Modulus><Exponent>B64(e)</Exponent></RSAKeyValue>
with the big-endian values and no leading zero bytes.

Usage: dotnet_key_xml.py PUBLIC_PEM [PRIVATE_PEM]
Prints one JSON object: bits, xml, text, blob, and with a private key also private_xml (what
ToXmlString(true) writes) and pretty_private_xml (the same with a declaration, CRLF indentation
and wrapped Base64, as a hand-saved file looks).
"""

import base64
import json
import re
import subprocess
import sys


def openssl(*args):
    return subprocess.run(
        ["openssl", *args], check=True, capture_output=True, text=True
    ).stdout


def b64(value, length=None):
    if length is None:
        length = (value.bit_length() + 7) // 8
    return base64.b64encode(value.to_bytes(length, "big")).decode("ascii")


def public_components(pem):
    # `-modulus` prints the modulus as upper-case hex: "Modulus=C329...".
    out = openssl("rsa", "-pubin", "-in", pem, "-modulus", "-noout")
    match = re.fullmatch(r"Modulus=([0-9A-F]+)\s*", out)
    if not match:
        sys.exit(f"unexpected openssl -modulus output: {out[:80]!r}")
    n = int(match.group(1), 16)
    text = openssl("rsa", "-pubin", "-in", pem, "-text", "-noout")
    e = int(re.search(r"Exponent: (\d+) \(0x[0-9a-f]+\)", text).group(1))
    return n, e


def private_components(pem):
    # `-text` prints each component as colon-separated hex under its name.
    text = openssl("rsa", "-in", pem, "-text", "-noout")
    values, name = {}, None
    for line in text.splitlines():
        if line.startswith(" "):
            values[name] += line.strip().replace(":", "")
            continue
        head = line.split(":")[0]
        single = re.fullmatch(r"(\w+): (\d+) \(0x[0-9a-f]+\)", line)
        if single:
            values[single.group(1)] = format(int(single.group(2)), "x")
            name = None
        else:
            name = head
            values[name] = ""
    return {k: int(v, 16) for k, v in values.items() if v}


def main():
    n, e = public_components(sys.argv[1])
    bits = n.bit_length()
    xml = (
        f"<RSAKeyValue><Modulus>{b64(n)}</Modulus>"
        f"<Exponent>{b64(e)}</Exponent></RSAKeyValue>"
    )
    text = f"{bits}!{xml}"
    out = {
        "bits": bits,
        "xml": xml,
        "text": text,
        "blob": base64.b64encode(text.encode("ascii")).decode("ascii"),
    }
    if len(sys.argv) > 2:
        c = private_components(sys.argv[2])
        if c["modulus"] != n or c["publicExponent"] != e:
            sys.exit("the private key is not the pair of the public key")
        k = (bits + 7) // 8
        half = (k + 1) // 2
        # .NET pads the CRT values to half the modulus length and D to the full length.
        parts = [
            ("Modulus", b64(n)),
            ("Exponent", b64(e)),
            ("P", b64(c["prime1"], half)),
            ("Q", b64(c["prime2"], half)),
            ("DP", b64(c["exponent1"], half)),
            ("DQ", b64(c["exponent2"], half)),
            ("InverseQ", b64(c["coefficient"], half)),
            ("D", b64(c["privateExponent"], k)),
        ]
        out["private_xml"] = (
            "<RSAKeyValue>"
            + "".join(f"<{t}>{v}</{t}>" for t, v in parts)
            + "</RSAKeyValue>"
        )

        def wrapped(v):
            lines = [v[i : i + 76] for i in range(0, len(v), 76)]
            return "\r\n      ".join(lines)

        out["pretty_private_xml"] = (
            '<?xml version="1.0" encoding="utf-8"?>\r\n<RSAKeyValue>\r\n'
            + "".join(f"  <{t}>\r\n      {wrapped(v)}\r\n  </{t}>\r\n" for t, v in parts)
            + "</RSAKeyValue>\r\n"
        )
    print(json.dumps(out))


if __name__ == "__main__":
    main()
