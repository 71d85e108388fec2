// Command crosscheck reads news reports of the same events from many
// outlets and reports what they agree on, where they contradict each other,
// who said what and whom each outlet credits, each statement traced to the
// sentence it came from.
//
// This package only wires the stages together: one file per subcommand,
// each with its own flag set.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"strings"
	"syscall"

	"github.com/crosscheck-news/crosscheck"
)

// Exit codes.
const (
	exitOK      = 0
	exitFailure = 1 // an error, or some inputs of a batch failed
	exitUsage   = 2 // the command line is wrong
)

// errPartial says some inputs failed; their errors were printed already.
var errPartial = errors.New("some inputs failed")

// errUsage wraps command-line mistakes, which exit with exitUsage.
type usageError struct {
	msg     string
	printed bool // the flag package has printed it with the usage
}

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &usageError{msg: fmt.Sprintf(format, args...)}
}

// Main holds what every command needs from the process.
type Main struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	// Logger writes diagnostics to Stderr.
	Logger *slog.Logger
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	// The first Ctrl-C stops the work cleanly; a second one, should
	// anything be stuck in a read, ends the process at once.
	go func() { <-ctx.Done(); stop() }()
	m := &Main{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr}
	m.Logger = slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	stopProfile := startProfile(os.Getenv("CROSSCHECK_CPUPROFILE"), m.Logger)
	code := m.Run(ctx, os.Args[1:])
	stopProfile()
	os.Exit(code)
}

// startProfile writes a CPU profile of the whole run to path, when set
// (CROSSCHECK_CPUPROFILE: see docs/deploy.md, "Several writers"), and
// returns the function that ends it.
func startProfile(path string, log *slog.Logger) func() {
	if path == "" {
		return func() {}
	}
	f, err := os.Create(path)
	if err != nil {
		log.Warn("no CPU profile", "err", err)
		return func() {}
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		log.Warn("no CPU profile", "err", err)
		f.Close()
		return func() {}
	}
	return func() {
		pprof.StopCPUProfile()
		if err := f.Close(); err != nil {
			log.Warn("CPU profile", "err", err)
		}
	}
}

type command struct {
	name    string
	summary string
	run     func(m *Main, ctx context.Context, args []string) error
}

func commands() []command {
	return []command{
		{"analyze", "ingest inputs into a temporary store and print the cross-check report", (*Main).runAnalyze},
		{"ingest", "add articles from files, directories, URLs, feeds or stdin to the store", (*Main).runIngest},
		{"articles", "list stored articles", (*Main).runArticles},
		{"show", "print one stored article with its metadata and cleaned text", (*Main).runShow},
		{"search", "full-text search over stored articles", (*Main).runSearch},
		{"stories", "list stories, newest first", (*Main).runStories},
		{"story", "show one story's articles", (*Main).runStory},
		{"report", "print the cross-check report of stored stories", (*Main).runReport},
		{"recluster", "rebuild all stories from the stored articles", (*Main).runRecluster},
		{"optimize", "optimize the store's indexes after a large ingest", (*Main).runOptimize},
		{"migrate", "copy a store: SQLite to PostgreSQL and back", (*Main).runMigrate},
		{"eval", "score story grouping against a labelled set", (*Main).runEval},
		{"correct", "correct an article or a story (outlet, title, date; move, merge, split) and undo it", (*Main).runCorrect},
		{"serve", "serve the web UI and HTTP API", (*Main).runServe},
		{"sources", "manage the feeds and sites to watch (add, import OPML, list, pause)", (*Main).runSources},
		{"watch", "check the sources when due and ingest their new reports, until stopped", (*Main).runWatch},
		{"version", "print the version", (*Main).runVersion},
	}
}

// version may be set at build time with -ldflags "-X main.version=...";
// otherwise it comes from the build information.
var version = ""

// buildVersion is the version, commit and build of this binary.
type buildVersion struct {
	Version  string `json:"version"`
	Commit   string `json:"commit,omitempty"`
	Time     string `json:"time,omitempty"`
	Modified bool   `json:"modified,omitempty"`
	Go       string `json:"go"`
}

func readVersion() buildVersion {
	v := buildVersion{Version: version, Go: runtime.Version()}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		if v.Version == "" {
			v.Version = "unknown"
		}
		return v
	}
	if v.Version == "" {
		v.Version = bi.Main.Version // "v1.2.3" from go install, "(devel)" from a checkout
	}
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			v.Commit = s.Value
		case "vcs.time":
			v.Time = s.Value
		case "vcs.modified":
			v.Modified = s.Value == "true"
		}
	}
	return v
}

func (v buildVersion) String() string {
	s := v.Version
	if v.Commit != "" {
		s += " " + v.Commit[:min(12, len(v.Commit))]
		if v.Modified {
			s += "+modified"
		}
	}
	if v.Time != "" {
		s += " " + v.Time
	}
	return s + " " + v.Go
}

func (m *Main) runVersion(_ context.Context, args []string) error {
	fs := m.newFlagSet("version", "version [--format json]", "")
	format := fs.String("format", "text", "output: text or json")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	if err := listFormat(*format); err != nil {
		return err
	}
	v := readVersion()
	if *format == "json" {
		return writeJSON(m.Stdout, v)
	}
	fmt.Fprintln(m.Stdout, "crosscheck", v)
	return nil
}

func (m *Main) usage() {
	w := m.Stderr
	fmt.Fprint(w, `crosscheck reads many news reports of the same events and tells you what the
outlets agree on, where they contradict each other, who said what, and whom each
outlet credits, with every statement traced to the sentence it came from.

Usage:
  crosscheck <command> [flags] [arguments]

Commands:
`)
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprint(w, `
Start here:
  crosscheck analyze examples/               one-shot report on a folder of reports
  crosscheck ingest reports/ https://...     keep articles in ./crosscheck.db
  crosscheck stories                          then browse what you stored
  crosscheck serve                            or open it in a browser

The store:
  --db FILE                                   a SQLite file, the default (./crosscheck.db)
  --db postgres://user:pass@host/dbname       a PostgreSQL database shared by a team
  CROSSCHECK_DB=...                           the same for every command
  crosscheck migrate --from crosscheck.db --to postgres://...   copies a store

Run 'crosscheck <command> -h' for a command's flags and examples.
`)
}

// Run runs the command line args and returns the process exit code.
func (m *Main) Run(ctx context.Context, args []string) int {
	// Nothing from article data or file names reaches a terminal raw.
	stdout, stderr := newTermWriter(m.Stdout), newTermWriter(m.Stderr)
	m.Stdout, m.Stderr = stdout, stderr
	defer stdout.Flush()
	defer stderr.Flush()
	if m.Logger == nil {
		m.Logger = slog.New(slog.NewTextHandler(m.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	}
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		if len(args) > 1 {
			args = []string{args[1], "-h"}
		} else {
			m.usage()
			if len(args) == 0 {
				return exitUsage
			}
			return exitOK
		}
	}
	if args[0] == "--version" {
		args[0] = "version"
	}
	for _, c := range commands() {
		if c.name != args[0] {
			continue
		}
		err := c.run(m, ctx, args[1:])
		return m.exitCode(c.name, err)
	}
	fmt.Fprintf(m.Stderr, "crosscheck: unknown command %q\nRun 'crosscheck help' for the list of commands.\n", args[0])
	return exitUsage
}

func (m *Main) exitCode(name string, err error) int {
	var ue *usageError
	var ce *crosscheck.Error
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, flag.ErrHelp):
		return exitOK
	case errors.Is(err, errPartial):
		return exitFailure
	case errors.As(err, &ue):
		if !ue.printed {
			fmt.Fprintf(m.Stderr, "crosscheck %s: %s\nRun 'crosscheck %s -h' for usage.\n", name, oneLine(ue.msg), name)
		}
		return exitUsage
	case errors.Is(err, context.Canceled):
		fmt.Fprintf(m.Stderr, "crosscheck %s: interrupted; the store is consistent, run the same command again to finish\n", name)
		return exitFailure
	case errors.As(err, &ce):
		fmt.Fprintf(m.Stderr, "crosscheck %s: %s\n", name, oneLine(ce.Message))
		return exitFailure
	default:
		fmt.Fprintf(m.Stderr, "crosscheck %s: %s\n", name, oneLine(err.Error()))
		return exitFailure
	}
}

// newFlagSet makes a command's flag set whose -h prints the usage text,
// the flags and the examples.
func (m *Main) newFlagSet(name, usage, examples string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	fs.Usage = func() {
		fmt.Fprintf(m.Stderr, "Usage: crosscheck %s\n\n", strings.TrimSpace(usage))
		fmt.Fprintln(m.Stderr, "Flags:")
		fs.PrintDefaults()
		if examples != "" {
			fmt.Fprintf(m.Stderr, "\nExamples:\n%s\n", strings.TrimRight(examples, "\n"))
		}
	}
	return fs
}

// parse parses flags anywhere among the arguments ("analyze dir --format
// json" works as well as "analyze --format json dir") and returns the
// positional arguments. Everything after "--" is positional.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var rest []string
	for i, a := range args {
		if a == "--" {
			args, rest = args[:i], args[i+1:]
			break
		}
	}
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			// The flag package printed the mistake and the usage.
			return nil, &usageError{msg: err.Error(), printed: true}
		}
		args = fs.Args()
		if len(args) == 0 {
			return append(pos, rest...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}
