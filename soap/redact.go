package soap

// Redacted replaces a secret's value wherever generated code formats it.
const Redacted = "<redacted>"
