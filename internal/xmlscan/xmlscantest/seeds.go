// Package xmlscantest holds the inputs shared by the fuzz targets of the
// XML scanner (internal/xmlscan) and of the SOAP decoder above it.
package xmlscantest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// AddSeeds adds to the corpus of f every dir/*.xml file, then Seeds.
func AddSeeds(f *testing.F, dir string) {
	files, err := filepath.Glob(filepath.Join(dir, "*.xml"))
	if err != nil {
		f.Fatal(err)
	}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range Seeds() {
		f.Add([]byte(s))
	}
}

// Seeds returns small documents that reach the scanner's rules one by one:
// references, CDATA, the XML declaration, a byte order mark, a DTD,
// mismatched tags, duplicate and unseparated attributes, undeclared and
// emptied prefixes, illegal characters and references, text outside the
// root, name characters, line ends and nesting.
func Seeds() []string {
	return []string{
		`<a>&lt;&gt;&amp;&apos;&quot;&#10;&#x1F;&#x1F600;</a>`,
		`<a><![CDATA[<x>&amp;]]]]><![CDATA[>]]></a>`,
		"<?xml version='1.0' encoding='UTF-8'?>\n<!--c--><?p d?><a\txmlns:p='u' p:b='x&#9;y\r\nz'><!----><?q?>t</a>",
		"\ufeff<a/>",
		`<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>`,
		`<a><b></a></b>`,
		`<a b="1" b="2"/>`,
		`<a xmlns:p="u" xmlns:q="u" p:b="1" q:b="2"/>`,
		`<a b="1"c="2"/>`,
		`<p:a/>`,
		`<a xmlns:p=""/>`,
		`<a>&#xD800;&#0;</a>`,
		"<a>\xff</a>",
		"<a><!-- \xff --></a>",
		`<a>]]></a>`,
		`<a/><b/>`,
		`x<a/>`,
		`<a><?xml version="1.0"?></a>`,
		`<xmlns xmlns="u"/>`,
		`<a:1b xmlns:a="u"/>`,
		"<\u00e9\u00b7 \u00e9='1'/>",
		"<a>\r\n\r</a>",
		`<a><!-- a -- b --></a>`,
		`<a b='<'/>`,
		`<a>` + strings.Repeat("<b>", 40) + strings.Repeat("</b>", 40) + `</a>`,
	}
}
