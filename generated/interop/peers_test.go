package interop

// peers lists the independent stacks the suite runs against.
func peers() []peer {
	return []peer{}
}
