package generator

import (
	"go/format"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestGoWriterLayout checks the constructs goWriter lays out itself
// (aligned keyed literals, literal lists, const blocks, empty bodies,
// imports, comments made safe) against gofmt, including the shapes the SDK does not happen to
// contain: no elements, long and short keys mixed, doc comments between
// constants.
func TestGoWriterLayout(t *testing.T) {
	tests := []struct {
		name  string
		write func(w *goWriter)
	}{
		{"keyed with nested values", func(w *goWriter) {
			w.decl()
			w.ln("var x = T{")
			w.depth++
			w.keyed([]kv{
				{key: "Zeta", val: "1"},
				{key: "A", val: `"a"`},
				{key: "Middle", val: "T{", nested: func() {
					w.keyed([]kv{{key: "Q", val: "1"}, {key: "LongerKey", val: "2"}})
				}},
				{key: "Longest", val: "[]T{{", end: "}}", nested: func() { w.keyed([]kv{{key: "B", val: "2"}}) }},
				{key: "Bb", val: "x.y"},
			})
			w.close("")
		}},
		{"literal lists", func(w *goWriter) {
			w.decl()
			w.open("func f() []T")
			w.literalList("_ = []T", 0, nil, "")
			w.literalList("_ = []T", 1, func(int) []kv { return []kv{{key: "Name", val: `"n"`}, {key: "V", val: "1"}} }, "")
			w.literalList("return g([]T", 3, func(i int) []kv {
				return []kv{{key: "K" + strings.Repeat("x", i), val: strconv.Itoa(i)}, {key: "Value", val: "v"}}
			}, ", opts...)")
			w.close("")
		}},
		{"const blocks", func(w *goWriter) {
			w.decl()
			w.comment("Values.")
			w.constBlock([]constSpec{
				{name: "A", typ: "T", value: `"a"`},
				{name: "Bbbbbb", typ: "T", value: `"b"`},
				{doc: "C is documented, which ends the alignment section.", name: "C", typ: "T", value: `"c"`},
				{name: "Dd", typ: "T", value: `"d"`},
			})
			w.decl()
			w.constBlock([]constSpec{{name: "ns0", value: `"urn:a"`}, {name: "ns10", value: `"urn:b"`}})
			// Columns count runes, not bytes (found by FuzzGenerate).
			w.decl()
			w.constBlock([]constSpec{{name: "ReadFromIsValid", typ: "ReadFrom", value: `"IsValid"`}, {name: "ReadFromÉ", typ: "ReadFromÉ", value: `"é"`}, {name: "X名字", typ: "T", value: `"名字"`}})
		}},
		{"empty bodies and types", func(w *goWriter) {
			em := &emitter{w: w}
			w.decl()
			w.ln("type T struct{}")
			em.body("M does nothing.", "v *T", "M(e *"+w.soap()+"Encoder)", func() {})
			em.body("N does one thing.", "v *T", "N()", func() { w.ln("v.M(nil)") })
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := newGoWriter(0)
			w.use("fmt")
			tt.write(w)
			w.decl()
			w.ln("var _ = ", w.use("fmt"), "Sprint")
			w.decl()
			w.comment("A comment with a line end\nand a U+FEFF (\ufeff), both of which would break the file.")
			w.ln("var _ = 1")
			out := w.bytes([]string{"header of a.wsdl\r\nnamed \ufeff oddly", ""}, "p")
			formatted, err := format.Source(out)
			if err != nil {
				t.Fatalf("%v\n%s", err, out)
			}
			if d := cmp.Diff(string(formatted), string(out)); d != "" {
				t.Errorf("not in gofmt's layout (-gofmt +written):\n%s", d)
			}
		})
	}
}
