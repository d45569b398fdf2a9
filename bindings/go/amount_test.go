package payseal

import (
	"encoding/json"
	"math/big"
	"testing"
)

func TestAmountIsExact(t *testing.T) {
	for _, s := range []string{"12.50", "0", "-5", "1500.2500000000000001", "123456789012345678901234567890.1"} {
		a, err := ParseAmount(s)
		if err != nil || a.String() != s {
			t.Fatalf("ParseAmount(%q) = %q, %v", s, a, err)
		}
	}
	for _, s := range []string{"", "12,50", "1e3", "0x10", ".5", "5.", "+5", " 5", "NaN", "Inf", "1_000"} {
		if _, err := ParseAmount(s); !errorsIs(err, StatusInvalidAmount) {
			t.Fatalf("ParseAmount(%q): %v", s, err)
		}
	}

	// 0.1 + 0.2, exactly: what a float64 gets wrong.
	a, b := Amount("0.1"), Amount("0.2")
	ra, _ := a.Rat()
	rb, _ := b.Rat()
	sum, err := AmountFromRat(new(big.Rat).Add(ra, rb))
	if err != nil || sum != "0.3" {
		t.Fatalf("0.1 + 0.2 = %q, %v", sum, err)
	}
	if got, err := AmountFromRat(big.NewRat(1, 8)); err != nil || got != "0.125" {
		t.Fatalf("1/8 = %q, %v", got, err)
	}
	if got, err := AmountFromRat(big.NewRat(-25, 2)); err != nil || got != "-12.5" {
		t.Fatalf("-25/2 = %q, %v", got, err)
	}
	if _, err := AmountFromRat(big.NewRat(1, 3)); !errorsIs(err, StatusInvalidAmount) {
		t.Fatalf("1/3: %v", err)
	}

	units, err := Amount("12.5").MinorUnits(2)
	if err != nil || units.String() != "1250" {
		t.Fatalf("minor units %v, %v", units, err)
	}
	if _, err := Amount("10.005").MinorUnits(2); !errorsIs(err, StatusInvalidAmount) {
		t.Fatalf("10.005 in cents: %v", err)
	}
	if got := AmountFromMinorUnits(big.NewInt(1250), 2); got != "12.50" {
		t.Fatalf("1250 cents = %q", got)
	}
	if got := AmountFromMinorUnits(big.NewInt(7), 0); got != "7" {
		t.Fatalf("7 units = %q", got)
	}

	// JSON: written as a string, read from a string or a number without a float.
	out, _ := json.Marshal(struct {
		A Amount `json:"a"`
	}{"1500.2500000000000001"})
	if string(out) != `{"a":"1500.2500000000000001"}` {
		t.Fatalf("marshal %s", out)
	}
	var in struct {
		A Amount  `json:"a"`
		B *Amount `json:"b"`
	}
	if err := json.Unmarshal([]byte(`{"a":0.30000000000000004,"b":"9007199254740993.01"}`), &in); err != nil ||
		in.A != "0.30000000000000004" || *in.B != "9007199254740993.01" {
		t.Fatalf("unmarshal %+v %v", in, err)
	}
	if err := json.Unmarshal([]byte(`{"a":true}`), &in); err == nil {
		t.Fatal("a bool read as an amount")
	}
	if err := json.Unmarshal([]byte(`{"a":"12,50"}`), &in); err == nil {
		t.Fatal("a decimal comma read as an amount")
	}
}
