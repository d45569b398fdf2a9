// A program in a module of its own that requires payseal.dev/payseal: throw-away keys, a Keepz
// round trip, and a TransactPay envelope opened by Go's crypto/rsa (an independent
// implementation). Prints where libpayseal was loaded from, for tests/install/go.sh to check.
package main

import (
	"bytes"
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"log"
	"os"
	"strings"

	"payseal.dev/payseal"
)

func main() {
	keepzPriv, keepzPub, err := payseal.GenerateKeys(2048, payseal.BackendDefault, payseal.KeyFormatPEM, payseal.KeyFormatPEM)
	check(err)
	ourPriv, ourPub, err := payseal.GenerateKeys(2048, payseal.BackendDefault, payseal.KeyFormatPEM, payseal.KeyFormatPEM)
	check(err)
	keepz, err := payseal.NewKeepz(keepzPub, ourPriv, "1b5e2c7a-8d3f-4e6a-9c1b-2f4d6e8a0c3e", nil)
	check(err)
	keepzSide, err := payseal.NewKeepz(ourPub, keepzPriv, "", nil)
	check(err)
	order := []byte(`{"integratorOrderId":"42"}`)
	request, err := keepz.Seal(order)
	check(err)
	received, err := keepzSide.Open(0, request)
	check(err)
	answer, err := keepzSide.Seal(received)
	check(err)
	opened, err := keepz.Open(200, answer)
	check(err)
	ok := bytes.Equal(opened, order)

	gatewayPriv, gatewayPub, err := payseal.GenerateKeys(2048, payseal.BackendDefault, payseal.KeyFormatDER, payseal.KeyFormatPEM)
	check(err)
	tp, err := payseal.NewTransactPay(gatewayPub, nil, payseal.BackendDefault)
	check(err)
	sealed, err := tp.Seal([]byte(`{"reference":"ORD-1"}`))
	check(err)
	var body struct{ Data string }
	check(json.Unmarshal(sealed, &body))
	block, err := base64.StdEncoding.DecodeString(body.Data)
	check(err)
	key, err := x509.ParsePKCS8PrivateKey(gatewayPriv)
	check(err)
	plain, err := rsa.DecryptPKCS1v15(nil, key.(*rsa.PrivateKey), block)
	check(err)
	ok = ok && string(plain) == `{"reference":"ORD-1"}`

	fmt.Println("round trip:", map[bool]string{true: "ok", false: "FAILED"}[ok])
	maps, err := os.ReadFile("/proc/self/maps")
	check(err)
	for _, line := range strings.Split(string(maps), "\n") {
		if fields := strings.Fields(line); len(fields) == 6 && strings.Contains(fields[5], "libpayseal") {
			fmt.Println("loaded from:", fields[5])
			break
		}
	}
	if !ok {
		os.Exit(1)
	}
}

func check(err error) {
	if err != nil {
		log.Fatal(err)
	}
}
