package interop

import (
	"context"
	"errors"
	"os/exec"

	"github.com/soapgen/soapgen/soap"
)

// peers lists the independent stacks the suite runs against.
func peers() []peer {
	return []peer{zeepPeer()}
}

// debianPython is Debian's python3, which python3-zeep installs into (a
// python3 earlier on PATH, such as pyenv's, may not see it).
const debianPython = "/usr/bin/python3"

// zeepPeer is zeep (Debian python3-zeep): a client only.
func zeepPeer() peer {
	return peer{
		name: "zeep",
		check: func() error {
			if out, err := exec.Command(debianPython, "-c", "import zeep, lxml").CombinedOutput(); err != nil {
				return errors.New("python3-zeep is not installed: " + string(out))
			}
			return nil
		},
		client: func(ctx context.Context, w *wsdls, dir, userURL, personURL string, v soap.Version) *exec.Cmd {
			return command(ctx, dir, debianPython, testdata("zeep_client.py"),
				w.path("user", v, false), w.path("person", v, false), userURL, personURL, versionTag(v))
		},
		versions: both,
	}
}
