package payseal

import (
	"bytes"
	"fmt"
	"math/big"
	"strings"
)

// Amount is an exact decimal amount of money, held as its text ("12.50", "1500.2500000000000001").
// Amounts cross the C ABI as decimal strings and never pass through a binary float: payseal
// reads them digit for digit and refuses what the gateway would (more decimals than it takes,
// zero, negative). A literal may be written Amount("12.50"); ParseAmount checks text from
// elsewhere, AmountFromRat and AmountFromMinorUnits convert exact numbers.
type Amount string

// ParseAmount checks that s is a decimal number — an optional "-", digits, optionally "." and
// digits — and returns it unchanged (no exponent, no thousands separator, no decimal comma).
// Whether the gateway takes it (its sign, its number of decimals) is payseal's to say.
func ParseAmount(s string) (Amount, error) {
	if !isDecimal(s) {
		return "", &Error{Status: StatusInvalidAmount, Message: fmt.Sprintf("amount %q is not a decimal number", s)}
	}
	return Amount(s), nil
}

func isDecimal(s string) bool {
	s = strings.TrimPrefix(s, "-")
	whole, frac, dotted := strings.Cut(s, ".")
	return digits(whole) && (!dotted || digits(frac))
}

func digits(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// String is the amount's text.
func (a Amount) String() string { return string(a) }

// Rat is the amount as an exact rational number.
func (a Amount) Rat() (*big.Rat, error) {
	if !isDecimal(string(a)) {
		return nil, &Error{Status: StatusInvalidAmount, Message: fmt.Sprintf("amount %q is not a decimal number", string(a))}
	}
	r, ok := new(big.Rat).SetString(string(a))
	if !ok {
		return nil, &Error{Status: StatusInvalidAmount, Message: fmt.Sprintf("amount %q is not a decimal number", string(a))}
	}
	return r, nil
}

// MinorUnits is the amount in units of 10^-decimals (tetri, kobo, cents for 2): "12.5" is 1250.
// An amount with more decimals than that is refused, never rounded.
func (a Amount) MinorUnits(decimals int) (*big.Int, error) {
	r, err := a.Rat()
	if err != nil {
		return nil, err
	}
	if decimals < 0 {
		return nil, &Error{Status: StatusInvalidArgument, Message: "decimals must not be negative"}
	}
	scaled := new(big.Rat).Mul(r, new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(decimals)), nil)))
	if !scaled.IsInt() {
		return nil, &Error{Status: StatusInvalidAmount, Message: fmt.Sprintf("amount %s has more than %d decimals", string(a), decimals)}
	}
	return new(big.Int).Set(scaled.Num()), nil
}

// AmountFromMinorUnits is units × 10^-decimals as an Amount: (1250, 2) is "12.50".
func AmountFromMinorUnits(units *big.Int, decimals int) Amount {
	if decimals <= 0 {
		return Amount(units.String())
	}
	r := new(big.Rat).SetFrac(units, new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(decimals)), nil))
	return Amount(r.FloatString(decimals))
}

// AmountFromRat is r as an exact decimal, with as many decimals as it needs ("1/8" is
// "0.125"). A rational with no finite decimal expansion (1/3) is refused, never rounded.
func AmountFromRat(r *big.Rat) (Amount, error) {
	// r = n/d in lowest terms has a finite expansion when d = 2^a·5^b; it then needs max(a, b)
	// decimals.
	d := new(big.Int).Set(r.Denom())
	count := func(p int64) int {
		n, q, m := 0, big.NewInt(p), new(big.Int)
		for {
			quo, rem := new(big.Int).QuoRem(d, q, m)
			if rem.Sign() != 0 {
				return n
			}
			d, n = quo, n+1
		}
	}
	twos, fives := count(2), count(5)
	if d.Cmp(big.NewInt(1)) != 0 {
		return "", &Error{Status: StatusInvalidAmount, Message: fmt.Sprintf("%s has no finite decimal expansion", r.String())}
	}
	decimals := twos
	if fives > decimals {
		decimals = fives
	}
	return Amount(r.FloatString(decimals)), nil
}

// MarshalJSON writes the amount as a JSON string: its exact text, which payseal reads digit for
// digit.
func (a Amount) MarshalJSON() ([]byte, error) { return []byte(fmt.Sprintf("%q", string(a))), nil }

// UnmarshalJSON reads a JSON string (as payseal writes every amount) or a JSON number, keeping
// its text as written: never through a float. The text must be a decimal number.
func (a *Amount) UnmarshalJSON(b []byte) error {
	text := string(b)
	if text == "null" { // the convention: null leaves the value alone
		return nil
	}
	if bytes.HasPrefix(b, []byte(`"`)) {
		if len(b) < 2 || !bytes.HasSuffix(b, []byte(`"`)) {
			return fmt.Errorf("payseal: amount %s is not a JSON string", b)
		}
		text = string(b[1 : len(b)-1])
	}
	if !isDecimal(text) {
		return fmt.Errorf("payseal: amount %s is not a decimal number", b)
	}
	*a = Amount(text)
	return nil
}
