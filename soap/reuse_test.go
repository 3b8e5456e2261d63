package soap

import (
	"fmt"
	"reflect"
	"testing"
)

// TestDecoderReuse decodes a document with a reused Decoder (after a
// document it failed on, with options set) and with a new one: the same
// tokens and values, and the same error.
func TestDecoderReuse(t *testing.T) {
	// A new field of Decoder must be reset by reuse: count them.
	if n := reflect.TypeFor[Decoder]().NumField(); n != 18 {
		t.Fatalf("Decoder has %d fields: make reuse reset the new ones, then update this count", n)
	}
	docs := []string{
		`<a xmlns="urn:x" xmlns:xsi="` + NSXSI + `"><b xsi:nil="true"/><c q="1">text</c></a>`,
		`<p:a xmlns:p="urn:y"><p:b>1</p:b><p:b>2</p:b></p:a>`,
		`<a><b></a>`, // malformed
	}
	// walk reads a document's root and children, as Any values.
	walk := func(d *Decoder) string {
		root, ok := d.Root()
		out := fmt.Sprint(root, ok)
		for ok {
			name, more := d.Peek()
			if !more || !d.AtAttrs(name.Space, name.Local, "", "") {
				break
			}
			out += fmt.Sprintf(" %v nil=%v %+v", name, d.IsNil(), readAny(d))
		}
		return out + fmt.Sprintf(" error=%v", d.Err())
	}
	for _, first := range docs {
		for _, doc := range docs {
			d := NewBytesDecoder([]byte(first))
			d.MaxDepth, d.NilForOptional, d.MaxAnyElements, d.MaxSize = 1, true, 1, 3
			walk(d)
			d.reuse([]byte(doc))
			if got, want := walk(d), walk(NewBytesDecoder([]byte(doc))); got != want {
				t.Errorf("after %q, %q decodes as\n%s\nwant\n%s", first, doc, got, want)
			}
		}
	}
}
