package interop

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"

	"github.com/soapgen/soapgen/soap"
)

// peers lists the independent stacks the suite runs against.
func peers() []peer {
	return []peer{zeepPeer(), nodePeer()}
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

// nodeModules is where .ci/run installs node-soap (npm install soap):
// SOAPGEN_NODE_MODULES, else ~/.cache/soapgen-interop/node/node_modules.
func nodeModules() string {
	if p := os.Getenv("SOAPGEN_NODE_MODULES"); p != "" {
		return p
	}
	home, _ := os.UserHomeDir()
	return filepath.Join(home, ".cache", "soapgen-interop", "node", "node_modules")
}

// nodePeer is node-soap (npm soap): client and server.
func nodePeer() peer {
	node := func(ctx context.Context, dir string, args ...string) *exec.Cmd {
		cmd := command(ctx, dir, "node", args...)
		cmd.Env = append(cmd.Env, "NODE_PATH="+nodeModules())
		return cmd
	}
	return peer{
		name: "node-soap",
		check: func() error {
			if _, err := lookPath("node"); err != nil {
				return err
			}
			if _, err := os.Stat(filepath.Join(nodeModules(), "soap", "package.json")); err != nil {
				return fmt.Errorf("node-soap is not installed in %s (npm install soap)", nodeModules())
			}
			return nil
		},
		client: func(ctx context.Context, w *wsdls, dir, userURL, personURL string, v soap.Version) *exec.Cmd {
			return node(ctx, dir, testdata("node/client.js"), w.path("user", v, false), w.path("person", v, false), userURL, personURL, versionTag(v))
		},
		server: func(ctx context.Context, w *wsdls, dir string, port int) *exec.Cmd {
			return node(ctx, dir, testdata("node/server.js"), strconv.Itoa(port),
				w.path("user", soap.SOAP11, false), w.path("user", soap.SOAP12, false),
				w.path("person", soap.SOAP11, false), w.path("person", soap.SOAP12, false))
		},
		versions: both,
	}
}
