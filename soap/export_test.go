package soap

// RedactEnvelopeForTest exposes redactEnvelope to the external tests.
var RedactEnvelopeForTest = redactEnvelope
