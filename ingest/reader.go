package ingest

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"mime"
	"net/http"
	"os"
	"path/filepath"
	"strings"

	"github.com/crosscheck-news/crosscheck"
	"github.com/crosscheck-news/crosscheck/feed"
)

// Reader reads inputs into documents. It is safe for concurrent use.
type Reader struct {
	opts   Options
	client *http.Client
}

// New returns a Reader with opts, zero fields taking their defaults.
func New(opts Options) *Reader {
	opts = opts.withDefaults()
	if opts.Stdin == nil {
		opts.Stdin = os.Stdin
	}
	return &Reader{opts: opts, client: newClient(opts)}
}

// Options returns the options in effect, defaults filled in.
func (r *Reader) Options() Options { return r.opts }

// emit receives documents and per-input failures; false stops the reading.
type emit = func(*crosscheck.Document, error) bool

// fail reports the failure of one input. The reason carries the code
// crosscheck.EINVALID, so crosscheck.ErrorCode sees the user's input
// problem, while errors.Is and errors.As still reach the cause.
func fail(yield emit, input string, err error) bool {
	var iu *invalidUTF8Error
	if errors.As(err, &iu) && input != "-" && !strings.Contains(input, "://") {
		err = iu.hint(input)
	}
	return yield(nil, &crosscheck.InputError{Input: input, Err: &reason{err: err}})
}

// reason is a per-input failure: its message is the cause's, and it
// unwraps to both the cause and an EINVALID *crosscheck.Error.
type reason struct{ err error }

func (r *reason) Error() string { return r.err.Error() }
func (r *reason) Unwrap() []error {
	return []error{r.err, &crosscheck.Error{Code: crosscheck.EINVALID, Message: r.err.Error()}}
}

// All reads inputs in order: file paths, directories (walked recursively
// in sorted order, hidden entries and unknown extensions skipped), http and
// https URLs, and "-" for standard input. Containers (JSON Lines, feeds)
// yield one document per record or item. Each input that fails yields a
// *crosscheck.InputError naming it (PATH:LINE for a JSON Lines line) and
// reading goes on. Reading stops when ctx ends or the loop breaks; a
// caller that needs to know checks ctx.Err(). Directories and JSON Lines
// are streamed, never held in memory whole.
func (r *Reader) All(ctx context.Context, inputs []string) iter.Seq2[*crosscheck.Document, error] {
	return func(yield func(*crosscheck.Document, error) bool) {
		for _, in := range inputs {
			if ctx.Err() != nil || !r.input(ctx, in, yield) {
				return
			}
		}
	}
}

// FetchURL fetches one http or https URL: a page yields one document, a
// feed one per item, JSON Lines one per record. Failures are
// *crosscheck.InputError. The web UI's "add by URL" uses it with
// Options.BlockPrivate set.
func (r *Reader) FetchURL(ctx context.Context, rawURL string) iter.Seq2[*crosscheck.Document, error] {
	return func(yield func(*crosscheck.Document, error) bool) {
		r.url(ctx, rawURL, yield)
	}
}

// FromBytes reads an upload or pasted text held in memory. name is the
// document's Source (a file name gives its extension as a hint);
// contentType, when not empty, is the declared media type and may carry a
// charset. The format is sniffed as for files: HTML, a feed, JSON Lines,
// else text. Without a declared charset, text must be UTF-8 (or UTF-16 with
// a byte order mark).
func (r *Reader) FromBytes(ctx context.Context, name, contentType string, body []byte) iter.Seq2[*crosscheck.Document, error] {
	return func(yield func(*crosscheck.Document, error) bool) {
		k, ok := mediaKind(contentType)
		if !ok {
			fail(yield, name, unsupportedType(contentType))
			return
		}
		ek, ext, _ := extKind(name)
		if k == kindUnknown {
			k = ek
		}
		r.read(ctx, name, bytes.NewReader(body), src{
			kind: k, ext: ext, explicit: true, size: int64(len(body)),
			contentType: contentType, lenient: hasCharset(contentType),
		}, yield)
	}
}

func (r *Reader) input(ctx context.Context, in string, yield emit) bool {
	if in == "-" {
		return r.read(ctx, "-", r.opts.Stdin, src{explicit: true, size: -1}, yield)
	}
	st, err := os.Stat(in)
	if err != nil && strings.Contains(in, "://") {
		return r.url(ctx, in, yield)
	}
	if err != nil {
		return fail(yield, in, pathError(in, err))
	}
	if st.IsDir() {
		return r.dir(ctx, in, yield)
	}
	if err := specialFile(st.Mode()); err != nil {
		return fail(yield, in, err)
	}
	return r.file(ctx, in, true, yield)
}

// savedPageFiles reports whether dir is the NAME_files folder a browser
// writes beside a saved page NAME.html: its frames and scripts are parts
// of that page, not articles.
func savedPageFiles(dir string) bool {
	base, ok := strings.CutSuffix(dir, "_files")
	if !ok || strings.HasSuffix(base, string(filepath.Separator)) {
		return false
	}
	for _, ext := range []string{".html", ".htm", ".xhtml"} {
		if st, err := os.Stat(base + ext); err == nil && st.Mode().IsRegular() {
			return true
		}
	}
	return false
}

// pathError words an os error for a user.
func pathError(in string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	if errors.Is(err, fs.ErrNotExist) {
		if strings.HasPrefix(in, "www.") {
			return errors.New("no such file or directory (for a web page, write the URL with https://)")
		}
		return errors.New("no such file or directory")
	}
	if errors.Is(err, fs.ErrPermission) {
		return errors.New("permission denied: cannot read it")
	}
	return err
}

func (r *Reader) dir(ctx context.Context, root string, yield emit) bool {
	more := true
	walkRoot := root
	if st, err := os.Lstat(root); err == nil && st.Mode()&fs.ModeSymlink != 0 {
		walkRoot += string(filepath.Separator) // WalkDir follows a root link only so
	}
	filepath.WalkDir(walkRoot, func(path string, d fs.DirEntry, err error) error {
		if ctx.Err() != nil {
			more = false
			return fs.SkipAll
		}
		if err != nil {
			if !fail(yield, path, pathError(path, err)) {
				more = false
				return fs.SkipAll
			}
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if path != walkRoot && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			if path != walkRoot && savedPageFiles(path) {
				return fs.SkipDir
			}
			return nil
		}
		if k, _, _ := extKind(d.Name()); k == kindUnknown {
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			// Follow links to files, not to directories (no cycles).
			st, err := os.Stat(path)
			if err != nil {
				if !fail(yield, path, pathError(path, err)) {
					more = false
					return fs.SkipAll
				}
				return nil
			}
			if !st.Mode().IsRegular() {
				return nil
			}
		} else if !d.Type().IsRegular() {
			return nil
		}
		if !r.file(ctx, path, false, yield) {
			more = false
			return fs.SkipAll
		}
		return nil
	})
	return more
}

func (r *Reader) file(ctx context.Context, path string, explicit bool, yield emit) bool {
	k, ext, gz := extKind(path)
	f, err := openRegular(path)
	if err != nil {
		return fail(yield, path, err)
	}
	defer f.Close()
	s := src{kind: k, ext: ext, explicit: explicit, size: -1}
	if st, err := f.Stat(); err == nil && !gz {
		s.size = st.Size()
	}
	var rd io.Reader = f
	if gz {
		zr, err := gzip.NewReader(bufio.NewReader(f))
		if err != nil {
			return fail(yield, path, fmt.Errorf("gunzip: %w", err))
		}
		defer zr.Close()
		rd = zr
	}
	return r.read(ctx, path, rd, s, yield)
}

// src describes an input being read.
type src struct {
	kind        kind   // from the extension or Content-Type; unknown: sniff
	ext         string // lower-case extension, "" if none
	explicit    bool   // named by the user, not found in a directory walk
	size        int64  // total size when known, else -1
	contentType string // HTTP or upload Content-Type, "" for files
	url         string // final URL of a fetched document
	lenient     bool   // text may be in any charset (guessed when undeclared)
}

// read sniffs and reads one input stream. JSON Lines are streamed; other
// kinds are read whole, up to MaxBytes.
func (r *Reader) read(ctx context.Context, name string, rd io.Reader, s src, yield emit) bool {
	br := bufio.NewReaderSize(rd, 64<<10)
	prefix, err := br.Peek(sniffLen)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return fail(yield, name, fmt.Errorf("read: %w", err))
	}
	if len(bytes.TrimSpace(prefix)) == 0 && len(prefix) < sniffLen {
		return fail(yield, name, errEmpty)
	}
	bom16 := utf16BOM(prefix)
	if !bom16 && isBinary(prefix) {
		return fail(yield, name, errors.New("binary data, not text, HTML, JSON Lines or a feed"))
	}
	k := s.kind
	switch {
	case bom16:
		// Only text or HTML come in UTF-16; decode before sniffing.
	case k == kindUnknown:
		k = sniff(prefix)
	case k == kindFeed && feed.Detect(prefix) == feed.Unknown:
		// .xml, .json and XML or JSON media types promise no feed.
		switch {
		case (s.ext == ".xml" || s.ext == ".json") && !s.explicit:
			return true // some other XML or JSON file in a directory
		case (s.ext == ".json" || s.ext == "") && looksJSONL(prefix):
			k = kindJSONL
		case s.ext == "" && looksHTML(prefix):
			k = kindHTML // XHTML served as XML
		case s.ext == ".json" || strings.Contains(s.contentType, "json"):
			return fail(yield, name, errors.New("JSON that is neither a JSON Feed nor JSON Lines (one object per line)"))
		default:
			return fail(yield, name, feed.ErrNotFeed)
		}
	}
	if k == kindJSONL {
		return r.jsonl(ctx, name, br, yield)
	}
	max := r.opts.MaxBytes
	if s.size > max {
		return fail(yield, name, fmt.Errorf("%s, over the %s size cap", size(s.size), size(max)))
	}
	var buf bytes.Buffer
	if s.size > 0 {
		buf.Grow(int(s.size) + 1) // one allocation, not a doubling series
	}
	_, err = buf.ReadFrom(io.LimitReader(br, max+1))
	data := buf.Bytes()
	if err != nil {
		return fail(yield, name, fmt.Errorf("read: %w", err))
	}
	if int64(len(data)) > max {
		return fail(yield, name, fmt.Errorf("over the %s size cap", size(max)))
	}
	if bom16 {
		data, err = decodeStrictText(data)
		if err != nil {
			return fail(yield, name, err)
		}
		if k == kindUnknown || k == kindFeed || k == kindJSONL {
			if k = sniff(data); k != kindHTML {
				k = kindText
			}
		}
		s.lenient, s.contentType = true, "" // decoded: valid UTF-8 now
	}
	return r.decode(ctx, name, k, data, s, yield)
}

// decode makes documents of a whole input.
func (r *Reader) decode(ctx context.Context, name string, k kind, data []byte, s src, yield emit) bool {
	if len(bytes.TrimSpace(data)) == 0 {
		return fail(yield, name, errEmpty)
	}
	switch k {
	case kindFeed:
		return r.feedDocs(ctx, name, s, data, yield)
	case kindJSONL:
		return r.jsonl(ctx, name, bytes.NewReader(data), yield)
	case kindHTML:
		body, err := ToUTF8(data, s.contentType)
		if err != nil {
			return fail(yield, name, err)
		}
		if !htmlHasText(body) {
			if s.url != "" {
				return fail(yield, name, errors.New("the page has no text in its HTML: it may build its text with JavaScript, which crosscheck does not run"))
			}
			return fail(yield, name, errors.New("HTML without any text: nothing to extract"))
		}
		return yield(&crosscheck.Document{Source: name, URL: s.url, Format: crosscheck.FormatHTML, Body: declareUTF8(body)}, nil)
	default:
		var body []byte
		var err error
		if s.lenient {
			body, err = ToUTF8(data, s.contentType)
		} else {
			body, err = decodeStrictText(data)
		}
		if err != nil {
			return fail(yield, name, err)
		}
		if !hasLetters(body) {
			return fail(yield, name, errors.New("no words in it: nothing to read"))
		}
		return yield(&crosscheck.Document{Source: name, URL: s.url, Format: crosscheck.FormatText, Body: body}, nil)
	}
}

// url fetches one URL and reads what it answers.
func (r *Reader) url(ctx context.Context, raw string, yield emit) bool {
	resp, err := r.get(ctx, raw)
	if err != nil {
		if ctx.Err() != nil {
			return false // stopped, not failed
		}
		return fail(yield, raw, err)
	}
	k, ok := mediaKind(resp.ContentType)
	if !ok {
		return fail(yield, raw, unsupportedType(resp.ContentType))
	}
	return r.read(ctx, raw, bytes.NewReader(resp.Body), src{
		kind: k, explicit: true, size: int64(len(resp.Body)),
		contentType: resp.ContentType, url: resp.URL, lenient: true,
	}, yield)
}

func unsupportedType(contentType string) error {
	mt, _, _ := mime.ParseMediaType(contentType)
	if mt == "" {
		mt = contentType
	}
	return fmt.Errorf("unsupported content type %q: crosscheck reads HTML, plain text, JSON Lines and RSS, Atom or JSON feeds", mt)
}

func hasCharset(contentType string) bool {
	_, params, err := mime.ParseMediaType(contentType)
	return err == nil && params["charset"] != ""
}
