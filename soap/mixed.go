package soap

// Mixed content (a complex type with mixed="true") is text interleaved
// with the child elements the type's content model gives. Generated types
// hold the children as usual and the text as segments, Text[i] standing
// before the i-th child element and the last after the last child, so that
// an element re-encodes as it was written.

// mixedText is an element of mixed content being decoded.
type mixedText struct {
	depth int      // the element's depth (xmlscan.Scanner.Depth)
	seg   int      // the segment text goes to: the child elements seen so far
	text  []string // the segments before seg
	buf   []byte   // segment seg's text so far (one buffer: linear in its pieces)
}

// flush ends segment seg.
func (m *mixedText) flush() {
	if len(m.buf) == 0 {
		return
	}
	for len(m.text) <= m.seg {
		m.text = append(m.text, "")
	}
	m.text[m.seg] = string(m.buf)
	m.buf = m.buf[:0]
}

// StartMixed begins reading the mixed content of the element just
// accepted: the character data directly inside it, an error in element
// content, is kept for EndMixed. Call it first in UnmarshalSOAP.
func (d *Decoder) StartMixed() {
	d.mixed = append(d.mixed, mixedText{depth: d.s.Depth()})
}

// EndMixed ends what StartMixed began, after the element's end (d.End),
// and returns its text segments: the text before its first child element,
// then after each child; trailing empty segments are left out, so an
// element without text gives nil.
func (d *Decoder) EndMixed() []string {
	if len(d.mixed) == 0 {
		return nil
	}
	m := d.mixed[len(d.mixed)-1]
	d.mixed = d.mixed[:len(d.mixed)-1]
	m.flush()
	text := m.text
	for len(text) > 0 && text[len(text)-1] == "" {
		text = text[:len(text)-1]
	}
	if len(text) == 0 {
		return nil
	}
	return text
}

// mixedText keeps character data read at the depth of the innermost mixed
// element, reporting whether it did.
func (d *Decoder) mixedText(b []byte) bool {
	m := &d.mixed[len(d.mixed)-1]
	if d.s.Depth() != m.depth {
		return false
	}
	m.buf = append(m.buf, b...)
	return true
}

// mixedChild counts a child element of the innermost mixed element: the
// text after it is the next segment.
func (d *Decoder) mixedChild() {
	m := &d.mixed[len(d.mixed)-1]
	if d.s.Depth() == m.depth+1 {
		m.flush()
		m.seg++
	}
}

// mixedOut is an element of mixed content being encoded.
type mixedOut struct {
	depth int // len(Encoder.stack) inside the element
	next  int // the segment to write before the next child element
	text  []string
}

// StartMixed begins writing the mixed content of the element just
// started: text[i] is written before its i-th child element, what is left
// at EndMixed. Call it before the element's children.
func (e *Encoder) StartMixed(text []string) {
	if e.mixed == nil {
		e.mixed = new([]mixedOut)
	}
	*e.mixed = append(*e.mixed, mixedOut{depth: len(e.stack), text: text})
}

// EndMixed ends what StartMixed began, writing the text segments left.
func (e *Encoder) EndMixed() {
	if e.mixed == nil || len(*e.mixed) == 0 {
		return
	}
	stack := *e.mixed
	m := stack[len(stack)-1]
	*e.mixed = stack[:len(stack)-1]
	for _, s := range m.text[min(m.next, len(m.text)):] {
		if s != "" {
			e.Text(s)
		}
	}
}

// mixedChild writes, before a child element of the innermost mixed
// element, the text segment that precedes it.
func (e *Encoder) mixedChild() {
	stack := *e.mixed
	if len(stack) == 0 {
		return
	}
	m := &stack[len(stack)-1]
	if len(e.stack) != m.depth {
		return
	}
	if m.next < len(m.text) && m.text[m.next] != "" {
		e.Text(m.text[m.next])
	}
	m.next++
}
