package interop

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/soapgen/soapgen/soap"
)

// peers lists the independent stacks the suite runs against.
func peers() []peer {
	return []peer{zeepPeer(), nodePeer(), jaxwsPeer(), wcfPeer()}
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

// nodeModules is where .ci/install-interop-peers installs node-soap:
// node_modules in SOAPGEN_NODE_DIR, else in ~/.cache/soapgen-interop/node.
func nodeModules() string {
	dir := os.Getenv("SOAPGEN_NODE_DIR")
	if dir == "" {
		home, _ := os.UserHomeDir()
		dir = filepath.Join(home, ".cache", "soapgen-interop", "node")
	}
	return filepath.Join(dir, "node_modules")
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
				return fmt.Errorf("node-soap is not installed in %s (.ci/install-interop-peers)", nodeModules())
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

// javaClasspath holds the JAX-WS RI (Debian libjaxws-java); jaxws-rt.jar
// names the rest of it in its manifest.
const javaClasspath = "/usr/share/java/jaxws-rt.jar:/usr/share/java/javax.activation.jar"

// jaxwsBindings maps the WSDL's namespaces to packages of their own per
// service (User and Person share theirs: in one package the second would
// overwrite the first's ObjectFactory).
func jaxwsBindings(wsdl, pkg string) string {
	schema := func(ns, p string) string {
		return `<jaxws:bindings node="wsdl:definitions/wsdl:types/xs:schema[@targetNamespace='` + ns + `']"><jaxb:schemaBindings><jaxb:package name="` + p + `"/></jaxb:schemaBindings></jaxws:bindings>`
	}
	return `<jaxws:bindings xmlns:jaxws="http://java.sun.com/xml/ns/jaxws" xmlns:jaxb="http://java.sun.com/xml/ns/jaxb" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" wsdlLocation="` + wsdl + `">` +
		`<jaxws:package name="` + pkg + `"/>` +
		schema("http://www.superoffice.net/ws/crm/NetServer/Services88", pkg) +
		schema("http://schemas.microsoft.com/2003/10/Serialization/", pkg+".ser") +
		schema("http://schemas.microsoft.com/2003/10/Serialization/Arrays", pkg+".arrays") +
		`</jaxws:bindings>`
}

// jaxwsPeer is the JAX-WS reference implementation (Debian jaxws,
// libjaxws-java): wsimport clients and javax.xml.ws.Endpoint servers.
func jaxwsPeer() peer {
	return peer{
		name: "jaxws",
		check: func() error {
			for _, tool := range []string{"wsimport", "javac", "java"} {
				if _, err := lookPath(tool); err != nil {
					return err
				}
			}
			if _, err := os.Stat("/usr/share/java/jaxws-rt.jar"); err != nil {
				return errors.New("libjaxws-java is not installed")
			}
			return nil
		},
		cacheKey: func(w *wsdls) (string, error) {
			jar, err := filepath.EvalSymlinks("/usr/share/java/jaxws-rt.jar") // names the version
			if err != nil {
				return "", err
			}
			key, err := hashInputs(testdata("java"), w.path("user", soap.SOAP11, true), w.path("person", soap.SOAP11, true))
			return key + "-" + strings.TrimSuffix(filepath.Base(jar), ".jar"), err
		},
		build: func(ctx context.Context, w *wsdls, dir string) error {
			src := filepath.Join(dir, "src")
			if err := os.MkdirAll(src, 0o755); err != nil {
				return err
			}
			for _, s := range []struct{ service, pkg string }{{"user", "interop.user"}, {"person", "interop.person"}} {
				wsdl := w.path(s.service, soap.SOAP11, true)
				binding := filepath.Join(dir, s.service+"-bindings.xml")
				if err := os.WriteFile(binding, []byte(jaxwsBindings(wsdl, s.pkg)), 0o644); err != nil {
					return err
				}
				cmd := command(ctx, dir, "wsimport", "-quiet", "-XadditionalHeaders", "-Xnocompile", "-s", src, "-d", src, "-b", binding, wsdl)
				if out, err := cmd.CombinedOutput(); err != nil {
					return fmt.Errorf("wsimport %s: %v\n%s", wsdl, err, out)
				}
			}
			var files []string
			for _, root := range []string{src, testdata("java")} {
				err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
					if err == nil && strings.HasSuffix(p, ".java") {
						files = append(files, p)
					}
					return err
				})
				if err != nil {
					return err
				}
			}
			args := append([]string{"-nowarn", "-encoding", "UTF-8", "-cp", javaClasspath, "-d", filepath.Join(dir, "classes")}, files...)
			if out, err := command(ctx, dir, "javac", args...).CombinedOutput(); err != nil {
				return fmt.Errorf("javac: %v\n%s", err, out)
			}
			return nil
		},
		client: func(ctx context.Context, w *wsdls, dir, userURL, personURL string, v soap.Version) *exec.Cmd {
			return command(ctx, dir, "java", "-cp", filepath.Join(dir, "classes")+":"+javaClasspath, "interop.Client",
				w.path("user", v, true), w.path("person", v, true), userURL, personURL, versionTag(v))
		},
		server: func(ctx context.Context, w *wsdls, dir string, port int) *exec.Cmd {
			return command(ctx, dir, "java", "-cp", filepath.Join(dir, "classes")+":"+javaClasspath, "interop.Server", strconv.Itoa(port))
		},
		versions: both,
	}
}

// wcfPeer is Mono's WCF (Debian mono-mcs, mono-runtime,
// libmono-system-servicemodel4.0a-cil): System.ServiceModel with
// DataContractSerializer, BasicHttpBinding for SOAP 1.1 and a custom
// binding (text encoding, SOAP 1.2 without addressing) for SOAP 1.2;
// client and server, with contracts written by hand (testdata/mono).
func wcfPeer() peer {
	sources := func(main string) []string {
		var s []string
		for _, f := range []string{"Contracts", "Canon", "Fixture", main} {
			s = append(s, testdata("mono/"+f+".cs"))
		}
		return s
	}
	return peer{
		name: "wcf",
		check: func() error {
			for _, tool := range []string{"mcs", "mono"} {
				if _, err := lookPath(tool); err != nil {
					return err
				}
			}
			if _, err := os.Stat("/usr/lib/mono/4.5/System.ServiceModel.dll"); err != nil {
				return errors.New("System.ServiceModel is not installed (libmono-system-servicemodel4.0a-cil)")
			}
			return nil
		},
		build: func(ctx context.Context, w *wsdls, dir string) error {
			for _, prog := range []string{"Client", "Server"} {
				args := append([]string{"-nologo", "-out:" + filepath.Join(dir, strings.ToLower(prog)+".exe"),
					"-r:System.ServiceModel", "-r:System.Runtime.Serialization", "-r:System.Xml"}, sources(prog)...)
				if out, err := command(ctx, dir, "mcs", args...).CombinedOutput(); err != nil {
					return fmt.Errorf("mcs %s: %v\n%s", prog, err, out)
				}
			}
			return nil
		},
		client: func(ctx context.Context, w *wsdls, dir, userURL, personURL string, v soap.Version) *exec.Cmd {
			return command(ctx, dir, "mono", filepath.Join(dir, "client.exe"), userURL, personURL, versionTag(v))
		},
		server: func(ctx context.Context, w *wsdls, dir string, port int) *exec.Cmd {
			return command(ctx, dir, "mono", filepath.Join(dir, "server.exe"), strconv.Itoa(port))
		},
		versions: both,
	}
}
