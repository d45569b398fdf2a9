package payseal

// Drift guards: generated.go is what gen.go makes of bindings/description.json today, and no
// float type appears anywhere in the package's API.

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestGeneratedCodeIsFresh regenerates generated.go from ../description.json into a temporary
// file and fails when the committed one differs: run `go generate` after the description
// changes (a new field, operation, enum value or status in Rust).
func TestGeneratedCodeIsFresh(t *testing.T) {
	if _, err := os.Stat(filepath.Join("..", "description.json")); err != nil {
		t.Fatalf("the description is not beside this module: %v", err)
	}
	out := filepath.Join(t.TempDir(), "generated.go")
	cmd := exec.Command("go", "run", "gen.go", filepath.Join("..", "description.json"), out)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go run gen.go: %v\n%s", err, msg)
	}
	fresh, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	committed, err := os.ReadFile("generated.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(fresh, committed) {
		t.Fatal("generated.go is stale: run `go generate` in bindings/go and commit generated.go")
	}
}

// TestDescriptionMatchesTheLoadedLibrary: the committed description is the library's own
// (payseal_describe), so generated.go describes the library the tests run against.
func TestDescriptionMatchesTheLoadedLibrary(t *testing.T) {
	live, err := Describe()
	if err != nil {
		t.Fatal(err)
	}
	committed, err := os.ReadFile(filepath.Join("..", "description.json"))
	if err != nil {
		t.Fatal(err)
	}
	jsonEqualRaw(t, "payseal_describe vs bindings/description.json", live, committed)
	if descriptionABI != expectedABI {
		t.Fatalf("generated from ABI %d, the binding speaks %d", descriptionABI, expectedABI)
	}
}

// TestNoFloatInTheAPI walks every type reachable from the generated types and from the
// exported methods of the handles with reflect, and fails on a float or complex anywhere:
// money never passes through a binary float. The source is checked too, for a float in any
// non-test file (a conversion inside a function, strconv.ParseFloat, would not show in a type).
func TestNoFloatInTheAPI(t *testing.T) {
	seen := map[reflect.Type]bool{}
	var walk func(path string, ty reflect.Type)
	walk = func(path string, ty reflect.Type) {
		if seen[ty] {
			return
		}
		seen[ty] = true
		named := ty
		if ty.Kind() == reflect.Pointer {
			named = ty.Elem()
		}
		foreign := named.Name() != "" && named.PkgPath() != reflect.TypeOf(Amount("")).PkgPath()
		switch ty.Kind() {
		case reflect.Float32, reflect.Float64, reflect.Complex64, reflect.Complex128:
			t.Errorf("%s is a %s", path, ty.Kind())
		}
		if foreign { // another package's type (big.Rat, json.RawMessage): its kind only
			return
		}
		switch ty.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Array:
			walk(path+"[]", ty.Elem())
		case reflect.Map:
			walk(path+"{key}", ty.Key())
			walk(path+"{}", ty.Elem())
		case reflect.Struct:
			for i := 0; i < ty.NumField(); i++ {
				walk(path+"."+ty.Field(i).Name, ty.Field(i).Type)
			}
		case reflect.Func:
			for i := 0; i < ty.NumIn(); i++ {
				walk(path+"(in)", ty.In(i))
			}
			for i := 0; i < ty.NumOut(); i++ {
				walk(path+"(out)", ty.Out(i))
			}
		}
		for i := 0; i < ty.NumMethod(); i++ {
			m := ty.Method(i)
			walk(ty.String()+"."+m.Name, m.Type)
		}
	}
	roots := append([]any{&Keepz{}, &TransactPay{}, &Error{}, Amount(""), BaseURL{}, Expectation{}}, generatedTypes...)
	for _, v := range roots {
		walk(reflect.TypeOf(v).String(), reflect.TypeOf(v))
	}
	if len(seen) < 80 {
		t.Fatalf("walked only %d types", len(seen))
	}

	fset := token.NewFileSet()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			// Any float: float64, strconv.ParseFloat, big.Float, … — but big.Rat's FloatString,
			// which writes an exact decimal.
			lower := strings.ToLower(id(n))
			if (strings.Contains(lower, "float") || strings.HasPrefix(lower, "complex")) && id(n) != "FloatString" {
				t.Errorf("%s: %s", fset.Position(n.Pos()), id(n))
			}
			return true
		})
	}
}

// id is an identifier's name, or "" for another node.
func id(n ast.Node) string {
	if i, ok := n.(*ast.Ident); ok {
		return i.Name
	}
	return ""
}
