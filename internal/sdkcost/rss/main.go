// Command rss is a "go build -toolexec" wrapper that measures the Go
// compiler. It runs the tool named by its first argument with the
// remaining arguments, passing standard input, output and error through
// and exiting with the tool's exit code. For the compile tool only, it
// appends one tab-separated line to the file named by $SDKCOST_LOG:
//
//	IMPORTPATH  MAXRSS_MIB  CPU_SECONDS  WALL_SECONDS
//
// where IMPORTPATH is the argument after -p, MAXRSS_MIB the compile's
// peak resident set (rusage ru_maxrss, KiB on Linux), CPU_SECONDS its
// user+system time and WALL_SECONDS its elapsed time. Each line is
// written by a single write(2) on an O_APPEND descriptor, so parallel
// compiles do not interleave. Without $SDKCOST_LOG nothing is logged.
//
// Usage:
//
//	go build -toolexec /path/to/rss PKG...
package main

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: rss TOOL [ARG...]   (as go build -toolexec)")
		os.Exit(2)
	}
	tool, args := os.Args[1], os.Args[2:]
	name := strings.TrimSuffix(filepath.Base(tool), ".exe")

	cmd := exec.Command(tool, args...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr

	// Forward the signals the go command may send, so that an
	// interrupted build does not leave compilers running.
	sigs := make(chan os.Signal, 4)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM, syscall.SIGQUIT)

	start := time.Now()
	if err := cmd.Start(); err != nil {
		fmt.Fprintln(os.Stderr, "rss:", err)
		os.Exit(127)
	}
	go func() {
		for s := range sigs {
			_ = cmd.Process.Signal(s)
		}
	}()
	err := cmd.Wait()
	wall := time.Since(start)
	signal.Stop(sigs)

	ps := cmd.ProcessState
	if ps == nil {
		fmt.Fprintln(os.Stderr, "rss:", err)
		os.Exit(127)
	}
	var exitErr *exec.ExitError
	if err != nil && !errors.As(err, &exitErr) {
		fmt.Fprintln(os.Stderr, "rss:", err)
	}

	// "compile -V=full" (the go command asking for the tool's ID) has no
	// -p and is not worth a line.
	if name == "compile" {
		if pkg := importPath(args); pkg != "" {
			logLine(pkg, ps, wall)
		}
	}

	os.Exit(exitCode(ps))
}

// exitCode is the code to exit with to mirror ps: the tool's own code, or
// 128+signal when the tool was killed by a signal.
func exitCode(ps *os.ProcessState) int {
	if ws, ok := ps.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
		return 128 + int(ws.Signal())
	}
	if c := ps.ExitCode(); c >= 0 {
		return c
	}
	return 1
}

// importPath returns the argument after -p in args, looking into the
// response files (@FILE) that the go command uses for long command lines.
func importPath(args []string) string {
	for i, a := range args {
		switch {
		case a == "-p" && i+1 < len(args):
			return args[i+1]
		case strings.HasPrefix(a, "-p="):
			return strings.TrimPrefix(a, "-p=")
		case strings.HasPrefix(a, "@"):
			if p := importPath(readResponseFile(a[1:])); p != "" {
				return p
			}
		}
	}
	return ""
}

// readResponseFile reads a response file as the go command writes them:
// one argument a line, with backslash and newline escaped as \\ and \n.
func readResponseFile(name string) []string {
	f, err := os.Open(name)
	if err != nil {
		return nil
	}
	defer f.Close()
	var args []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64<<10), 16<<20)
	for sc.Scan() {
		args = append(args, unescape(sc.Text()))
	}
	return args
}

func unescape(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			switch s[i+1] {
			case '\\':
				b.WriteByte('\\')
				i++
				continue
			case 'n':
				b.WriteByte('\n')
				i++
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// logLine appends the measurement of one compile to $SDKCOST_LOG.
func logLine(pkg string, ps *os.ProcessState, wall time.Duration) {
	path := os.Getenv("SDKCOST_LOG")
	if path == "" {
		return
	}
	var rssMiB float64
	if ru, ok := ps.SysUsage().(*syscall.Rusage); ok && ru != nil {
		rssMiB = float64(ru.Maxrss) / 1024 // KiB on Linux
	}
	cpu := (ps.UserTime() + ps.SystemTime()).Seconds()
	line := fmt.Sprintf("%s\t%.1f\t%.2f\t%.2f\n", pkg, rssMiB, cpu, wall.Seconds())

	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		fmt.Fprintln(os.Stderr, "rss: SDKCOST_LOG:", err)
		return
	}
	if _, err := f.Write([]byte(line)); err != nil {
		fmt.Fprintln(os.Stderr, "rss: SDKCOST_LOG:", err)
	}
	f.Close()
}
