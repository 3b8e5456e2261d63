// Package xmlcmp compares two XML documents by meaning rather than by bytes.
//
// It exists so that tests and the `soapgen verify` command can take a
// documented SOAP envelope (from the vendor's documentation), decode it
// strictly into generated Go types, encode it again and check that nothing
// was lost or changed. The two documents typically differ in prefixes, in
// where namespaces are declared, in indentation and in xsi:type annotations,
// none of which carry meaning for the generated code.
//
// Parse builds a namespace-resolved tree of [Node] values (DTDs are refused,
// comments and processing instructions dropped), [Normalize] applies the
// optional rewritings selected by [Options], [Marshal] writes a tree back out
// and [Compare] / [CompareNodes] report the differences, one line each, naming
// the element path (local names, with a 1-based [i] index when siblings share
// a local name) and the want-side line:col.
//
// # Normalisations
//
// These are all the normalisations the comparator applies; everything else
// is significant. Rules 1 to 8 are always on; rule 9 only when selected in
// [Options].
//
//  1. Namespace prefixes, and where namespaces are declared, are irrelevant:
//     element and attribute names are compared as resolved {namespace}local
//     names. The same prefix bound to different namespaces is a difference.
//  2. Attribute order is irrelevant, and xmlns / xmlns:p declarations are not
//     attributes.
//  3. Whitespace-only text (space, tab, CR, LF) between child elements of an
//     element that has child elements (on either side) is insignificant. Any
//     other text in such an element (mixed content) is compared exactly,
//     together with its position among the child elements. The
//     text of a leaf element (one without child elements) is compared exactly,
//     without trimming (" a" differs from "a"), except as in rule 5. An empty
//     element and a start/end tag pair with nothing between them are the same.
//  4. xsi:type (namespace http://www.w3.org/2001/XMLSchema-instance, local
//     name "type") is compared as a resolved {namespace}local QName when both
//     sides carry it, so User:User equals u:User when u and User are bound to
//     the same namespace. When only one side carries xsi:type the attribute is
//     ignored: the decoder of the generated code has already checked every
//     xsi:type against the declared type of its element and rejects any
//     other, so the re-encoded side, which does not emit xsi:type, loses no
//     information. A one-sided xsi:type is still used as the type hint for
//     rule 5.
//  5. Leaf text is compared in its XSD value space when an xsi:type on either
//     side names an XSD builtin type (namespace
//     http://www.w3.org/2001/XMLSchema); when both sides carry xsi:type they
//     must agree for it to count. Leading and trailing whitespace is collapsed
//     as XSD does for these types. If either side is not a valid literal of
//     the type, the texts are compared exactly. The types and their
//     comparisons are listed under "Value spaces" below.
//  6. xsi:nil is compared as a boolean (xsi:nil="true" equals xsi:nil="1").
//     An element whose xsi:nil is true must have no child elements and no
//     text at all; if it has, that is reported as a difference.
//  7. Nothing maps SOAP 1.1 (http://schemas.xmlsoap.org/soap/envelope/) onto
//     SOAP 1.2 (http://www.w3.org/2003/05/soap-envelope): envelopes of
//     different versions differ (by rule 1 their names do).
//  8. Element order is significant, and so are missing and extra elements and
//     missing, extra and differing attributes (other than xsi:type under rule
//     4 and xmlns declarations under rule 2). Other attribute values,
//     including other xsi attributes, are compared exactly.
//  9. Only with [Options.DocQuirks]: the vendor documentation places SOAP
//     header entries directly under Envelope. Every child of a SOAP 1.1 or 1.2
//     Envelope other than its Header and Body is moved, in order, into the
//     Header (appended after existing header entries, or into a new Header
//     inserted as the first child). The documentation also writes an element
//     of an empty complex type as a start tag, a line break and an indented
//     end tag: the text of a leaf element that carries no xsi:type and whose
//     text is white space containing a line break is removed. A leaf with an
//     xsi:type (every simple value in the documentation has one) keeps its
//     text. See [Normalize].
//
// # Value spaces
//
// Rule 5 compares leaf text typed by an XSD builtin as follows:
//
//   - integer, long, int, short, byte, nonNegativeInteger, positiveInteger,
//     nonPositiveInteger, negativeInteger, unsignedLong, unsignedInt,
//     unsignedShort, unsignedByte and decimal: equal as numbers ("+5" = "5",
//     "007" = "7", and for decimal "0.0" = "0"). A literal outside the type's
//     lexical space or range (e.g. "1E2" or "0.0" as xsd:int) is compared
//     exactly.
//   - float and double: equal as IEEE values of that width ("1E2" = "100",
//     "0.0" = "0", "-0" = "0"; "INF", "-INF" and "NaN" are values too).
//   - boolean: "1" = "true", "0" = "false".
//   - dateTime: equal instants when both have a time zone
//     ("2025-11-26T12:08:54Z" = "2025-11-26T13:08:54+01:00"), equal local
//     timestamps when neither has one; a zoned and an unzoned value differ.
//     Trailing zeros of fractional seconds are irrelevant (".000" = none).
//   - base64Binary: the decoded bytes are compared (whitespace inside is
//     ignored).
//   - QName: resolved {namespace}local names are compared, each resolved in
//     its own document's namespace scope (an unprefixed QName takes the
//     default namespace).
//   - string and every other type, XSD or not: exact text.
//
// Differences are collected, not just the first: up to [MaxDiffs] lines, then
// one "... N more differences" line. Long text values are truncated in the
// report.
package xmlcmp
