// Package interop holds the interoperability suite: tests that run the
// generated Services88 User and Person clients and servers against
// independent SOAP stacks (zeep, node-soap, the JAX-WS reference
// implementation and Mono's WCF) on 127.0.0.1, in both directions and in
// SOAP 1.1 and 1.2, and compare every member on the receiving side.
//
// The peer programs are in testdata. A peer that is not installed is
// skipped, unless SOAPGEN_INTEROP=1 is set (as .ci/run does after
// installing them), when a missing peer fails the test. See the README's
// Interoperability section for the matrix as measured and how to run it.
package interop
