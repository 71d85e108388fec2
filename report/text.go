package report

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/width"

	"github.com/crosscheck-news/crosscheck"
)

// TextOptions tunes the terminal rendering.
type TextOptions struct {
	// Width is the line width in columns; 0 means DefaultWidth. Widths
	// below MinWidth are raised to it. Only a word longer than a line (a
	// URL) makes a line longer.
	Width int
	// Color turns on ANSI colours and bold. Leave it off unless the output
	// is a terminal that asked for it.
	Color bool
}

// DefaultWidth is the text width when TextOptions.Width is 0.
const DefaultWidth = 100

// MinWidth is the narrowest text rendering.
const MinWidth = 40

// Text writes r for a terminal: plain text wrapped to opts.Width, with
// each statement followed by the labels of the articles that state it
// ("[1, 3]") and a legend naming them.
func Text(w io.Writer, r *crosscheck.Report, opts TextOptions) error {
	if opts.Width == 0 {
		opts.Width = DefaultWidth
	}
	opts.Width = max(opts.Width, MinWidth)
	bw := bufio.NewWriter(w)
	t := &textWriter{w: bw, width: opts.Width, color: opts.Color}
	v := newReportView(r, false)
	if v.Generated != "" {
		t.wrap(t.dim("crosscheck report, generated "+v.Generated), "", "")
	}
	if len(v.Stories) == 0 {
		t.line("No stories.")
		return t.flush(bw)
	}
	for i, s := range v.Stories {
		if i > 0 || v.Generated != "" {
			t.blank()
		}
		t.line(strings.Repeat("━", t.width))
		if len(v.Stories) > 1 {
			t.line(t.dim("Story " + strconv.Itoa(s.N) + " of " + strconv.Itoa(len(v.Stories))))
		}
		t.story(s)
	}
	return t.flush(bw)
}

// flush ends the rendering: the first write error, or the flush's.
func (t *textWriter) flush(bw *bufio.Writer) error {
	if t.err != nil {
		return fmt.Errorf("write text report: %w", t.err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write text report: %w", err)
	}
	return nil
}

// ANSI styles.
const (
	ansiBold   = "\x1b[1m"
	ansiDim    = "\x1b[2m"
	ansiRed    = "\x1b[31m"
	ansiGreen  = "\x1b[32m"
	ansiYellow = "\x1b[33m"
	ansiReset  = "\x1b[0m"
)

type textWriter struct {
	w     io.Writer
	width int
	color bool
	err   error
}

func (t *textWriter) style(code, s string) string {
	if !t.color || s == "" {
		return s
	}
	// Style each word so that wrapping never carries a colour over an
	// indent.
	words := strings.Split(s, " ")
	for i, w := range words {
		if w != "" {
			words[i] = code + w + ansiReset
		}
	}
	return strings.Join(words, " ")
}

func (t *textWriter) bold(s string) string { return t.style(ansiBold, s) }
func (t *textWriter) dim(s string) string  { return t.style(ansiDim, s) }

func (t *textWriter) status(status, s string) string {
	switch status {
	case string(crosscheck.Corroborated):
		return t.style(ansiGreen, s)
	case string(crosscheck.Disputed):
		return t.style(ansiRed, s)
	case string(crosscheck.SingleSource):
		return t.style(ansiYellow, s)
	}
	return s
}

func (t *textWriter) line(s string) {
	if t.err != nil {
		return
	}
	s = strings.ReplaceAll(strings.TrimRight(s, " "), glue, " ")
	_, t.err = io.WriteString(t.w, s+"\n")
}

// glue joins words that wrapping must keep on one line. It is a no-break
// space, which clean folds out of all untrusted text, so every one in a
// line is ours; line prints it as a plain space.
const glue = "\u00a0"

// maxGlued is the longest run of words glued together: a longer list may
// break rather than overflow the line.
const maxGlued = 24

// gluedJoin joins items, each glued, with sep.
func gluedJoin(items []string, sep string) string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = glued(it)
	}
	return strings.Join(out, sep)
}

// glued joins s's words with glue when s is short enough.
func glued(s string) string {
	if visibleWidth(s) > maxGlued {
		return s
	}
	return strings.ReplaceAll(s, " ", glue)
}

func (t *textWriter) blank() { t.line("") }

// wrap writes s as lines of at most t.width columns: first before the
// first line, rest before the others.
func (t *textWriter) wrap(s, first, rest string) {
	for _, l := range wrapLines(s, t.width, first, rest) {
		t.line(l)
	}
}

// wrapLines breaks s at spaces into lines no wider than width, each
// starting with its prefix. A word wider than the room left goes on a
// line of its own, the only way a line can exceed width.
func wrapLines(s string, width int, first, rest string) []string {
	var lines []string
	var cur strings.Builder
	cur.WriteString(first)
	curW := visibleWidth(first)
	empty := true
	for word := range strings.SplitSeq(s, " ") {
		if word == "" {
			continue
		}
		ww := visibleWidth(word)
		if !empty && curW+1+ww > width {
			lines = append(lines, cur.String())
			cur.Reset()
			cur.WriteString(rest)
			curW, empty = visibleWidth(rest), true
		}
		if !empty {
			cur.WriteByte(' ')
			curW++
		}
		cur.WriteString(word)
		curW += ww
		empty = false
	}
	return append(lines, cur.String())
}

// visibleWidth is the number of terminal columns s takes: ANSI escapes
// take none, wide East Asian characters two, combining marks none.
func visibleWidth(s string) int {
	ascii := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f {
			ascii = false
			break
		}
	}
	if ascii {
		return len(s)
	}
	n := 0
	esc := false
	for _, r := range s {
		switch {
		case esc:
			if r >= '@' && r <= '~' && r != '[' {
				esc = false
			}
		case r == '\x1b':
			esc = true
		case unicode.Is(unicode.Mn, r), unicode.Is(unicode.Me, r), r == '\u200B', r == '\u200D':
		default:
			switch width.LookupRune(r).Kind() {
			case width.EastAsianWide, width.EastAsianFullwidth:
				n += 2
			default:
				n++
			}
		}
	}
	return n
}

// pad fills s with spaces to n columns.
func pad(s string, n int) string {
	if w := visibleWidth(s); w < n {
		return s + strings.Repeat(" ", n-w)
	}
	return s
}

func (t *textWriter) heading(title string, count int) {
	t.blank()
	h := strings.ToUpper(title)
	if count > 0 {
		h += " (" + strconv.Itoa(count) + ")"
	}
	t.line(t.bold(h))
}

// withCites appends the citation labels to s.
func (t *textWriter) withCites(s string, cs []cite) string {
	if l := citeList(cs); l != "" {
		return s + " " + t.dim(glued(l))
	}
	return s
}

func (t *textWriter) story(s *storyView) {
	t.wrap(t.bold(s.Title), "", "")
	var meta []string
	if s.ID != "" {
		meta = append(meta, "story "+s.ID)
	}
	if s.EventDate != "" {
		meta = append(meta, "event date "+s.EventDate)
	}
	if len(s.Places) > 0 {
		meta = append(meta, "places: "+gluedJoin(s.Places, ", "))
	}
	if len(meta) > 0 {
		t.wrap(strings.Join(meta, " · "), "", "  ")
	}
	counts := plural(s.ArticleCount, "article", "articles")
	if len(s.Outlets) > 0 {
		counts += " from " + plural(len(s.Outlets), "outlet", "outlets") + ": " + gluedJoin(s.Outlets, ", ")
	}
	t.wrap(counts, "", "  ")
	if sum := t.summary(s); sum != "" {
		t.wrap(sum, "", "  ")
	}
	if s.ShowLegend() {
		parts := make([]string, len(s.Articles))
		for i, a := range s.Articles {
			// A no-break space keeps a label with its outlet.
			parts[i] = glued("[" + a.String() + "] " + a.Outlet)
		}
		t.wrap(t.dim("Articles: "+strings.Join(parts, ", ")), "", "  ")
	}

	t.brief(s)
	t.conflicts(s)
	t.claims(s)
	t.quotes(s)
	t.attributions(s)
	t.entities(s)
	t.coverage(s)
	t.timeline(s)
	t.articles(s)
}

// summary says "5 claims: 2 corroborated, 2 disputed, 1 single source ·
// 1 conflict", each status in its colour.
func (t *textWriter) summary(s *storyView) string {
	var parts []string
	for _, g := range s.ClaimGroups {
		parts = append(parts, t.status(g.Status, glued(strconv.Itoa(len(g.Claims))+" "+statusLabel(g.Status))))
	}
	out := ""
	if len(parts) > 0 {
		out = plural(s.ClaimCount(), "claim", "claims") + ": " + strings.Join(parts, ", ")
	}
	if n := len(s.Conflicts); n > 0 {
		if out != "" {
			out += " · "
		}
		out += t.status(string(crosscheck.Disputed), plural(n, "conflict", "conflicts"))
	}
	return out
}

func (t *textWriter) brief(s *storyView) {
	if len(s.Brief) == 0 {
		return
	}
	t.heading("Brief", 0)
	for _, b := range s.Brief {
		t.wrap(t.withCites(b.Text, b.Cites), "  • ", "    ")
		if c := b.Conflict; c != nil {
			t.wrap(t.status(string(crosscheck.Disputed), "! disputed: "+c.About+" (conflict "+strconv.Itoa(c.N)+")"), "    ", "      ")
		}
	}
}

// conflictGap separates side-by-side variants.
const conflictGap = " │ "

// minColumn is the narrowest column for side-by-side variants.
const minColumn = 30

func (t *textWriter) conflicts(s *storyView) {
	if len(s.Conflicts) == 0 {
		return
	}
	t.heading("Conflicts", len(s.Conflicts))
	const indent = "     "
	for i, c := range s.Conflicts {
		if i > 0 {
			t.blank()
		}
		head := strconv.Itoa(c.N) + ". "
		about := c.About
		if about == "" {
			about = "conflicting accounts"
		}
		if c.Kind != "" {
			about += " " + t.dim("("+c.Kind+")")
		}
		t.wrap(t.status(string(crosscheck.Disputed), about), pad("  "+head, len(indent)), indent)
		k := len(c.Variants)
		avail := t.width - len(indent)
		col := (avail - (k-1)*visibleWidth(conflictGap)) / max(k, 1)
		if k >= 2 && col >= minColumn && t.variantsFit(c.Variants, col) {
			t.sideBySide(c.Variants, indent, col)
			continue
		}
		for j, v := range c.Variants {
			letter := string(rune('A'+j%26)) + "  "
			t.wrap(t.bold(v.Value)+" "+t.dim("— "+textOutletCites(v.Cites)), indent+letter, indent+"   ")
			if v.Sentence != "" {
				t.wrap(quote(v.Sentence), indent+"   ", indent+"    ")
			}
		}
	}
}

// variantBlock is what one variant column holds, unstyled words.
func variantBlock(v variantView) (value, outlets, sentence string) {
	value = v.Value
	outlets = textOutletCites(v.Cites)
	if outlets == "" {
		outlets = strings.Join(v.Outlets, ", ")
	}
	if v.Sentence != "" {
		sentence = quote(v.Sentence)
	}
	return
}

func (t *textWriter) variantsFit(vs []variantView, col int) bool {
	for _, v := range vs {
		a, b, c := variantBlock(v)
		for _, s := range []string{a, b, c} {
			for w := range strings.SplitSeq(s, " ") {
				// col-1: a sentence's continuation lines are indented by one.
				if visibleWidth(w) > col-1 {
					return false
				}
			}
		}
	}
	return true
}

func (t *textWriter) sideBySide(vs []variantView, indent string, col int) {
	cols := make([][]string, len(vs))
	rows := 0
	for i, v := range vs {
		value, outlets, sentence := variantBlock(v)
		var lines []string
		lines = append(lines, wrapLines(t.bold(value), col, "", "")...)
		lines = append(lines, wrapLines(t.dim(outlets), col, "", "")...)
		if sentence != "" {
			lines = append(lines, wrapLines(sentence, col, "", " ")...)
		}
		cols[i] = lines
		rows = max(rows, len(lines))
	}
	for r := range rows {
		var b strings.Builder
		b.WriteString(indent)
		for i, lines := range cols {
			cell := ""
			if r < len(lines) {
				cell = lines[r]
			}
			if i < len(cols)-1 {
				b.WriteString(pad(cell, col))
				b.WriteString(conflictGap)
			} else {
				b.WriteString(cell)
			}
		}
		t.line(b.String())
	}
}

// textOutletCites is outletCites with each "Outlet [1, 2]" kept whole
// when short.
func textOutletCites(cs []cite) string {
	var parts []string
	for _, g := range byOutlet(cs) {
		parts = append(parts, glued(g.Outlet+" "+citeList(g.Cites)))
	}
	return strings.Join(parts, ", ")
}

// quote puts s in double quotes.
func quote(s string) string { return "\"" + s + "\"" }

func (t *textWriter) claims(s *storyView) {
	if len(s.ClaimGroups) == 0 {
		return
	}
	t.heading("Claims", s.ClaimCount())
	for i, g := range s.ClaimGroups {
		if i > 0 {
			t.blank()
		}
		t.line("  " + t.status(g.Status, g.Title+" ("+strconv.Itoa(len(g.Claims))+")"))
		for _, c := range g.Claims {
			if c.Support == "" && c.Conflict == nil {
				t.wrap(t.withCites(c.Text, c.Cites), "  • ", "    ")
				continue
			}
			t.wrap(c.Text, "  • ", "    ")
			var meta []string
			if c.Support != "" {
				meta = append(meta, c.Support)
			}
			if c.Conflict != nil {
				meta = append(meta, t.status(string(crosscheck.Disputed), "see conflict "+strconv.Itoa(c.Conflict.N)))
			}
			if l := textOutletCites(c.Cites); l != "" {
				meta = append(meta, l)
			}
			t.wrap(t.dim(strings.Join(meta, " · ")), "    ", "    ")
		}
	}
}

func (t *textWriter) quotes(s *storyView) {
	if len(s.Quotes) == 0 {
		return
	}
	t.heading("Quotes", len(s.Quotes))
	for _, q := range s.Quotes {
		speaker := q.Speaker
		if speaker == "" {
			speaker = "unattributed"
		}
		t.wrap(t.withCites(t.bold(speaker+":")+" "+quote(q.Text), q.Cites), "  • ", "    ")
		for _, v := range q.Variants {
			t.wrap(t.withCites("also worded: "+quote(v.Text), v.Cites), "    ", "      ")
		}
	}
}

func (t *textWriter) attributions(s *storyView) {
	if len(s.Attributions) == 0 {
		return
	}
	t.heading("Attributions: whom the articles credit", 0)
	for _, a := range s.Attributions {
		src := t.bold(a.Source)
		if a.Kind != "" {
			src += " (" + a.Kind + ")"
		}
		by := textOutletCites(a.Cites)
		if by != "" {
			src += " credited by " + by
		}
		t.wrap(src, "  • ", "    ")
	}
}

func (t *textWriter) entities(s *storyView) {
	if len(s.EntityGroups) == 0 {
		return
	}
	t.heading("Entities", 0)
	for i, g := range s.EntityGroups {
		if i > 0 {
			t.blank()
		}
		t.line("  " + g.Title)
		for _, e := range g.Entities {
			line := t.bold(e.Name)
			if len(e.Aliases) > 0 {
				line += " · also: " + strings.Join(e.Aliases, "; ")
			}
			if len(e.Roles) > 0 {
				line += " · " + rolesLabel(e.Roles) + strings.Join(e.Roles, "; ")
			}
			if e.Mentions > 0 {
				line += " · " + t.dim(glued(plural(e.Mentions, "mention", "mentions")))
			}
			t.wrap(t.withCites(line, e.Cites), "  • ", "    ")
		}
	}
}

func (t *textWriter) coverage(s *storyView) {
	if len(s.Coverage) == 0 {
		return
	}
	t.heading("Coverage by outlet", 0)
	for _, c := range s.Coverage {
		t.wrap(t.withCites(t.bold(c.Outlet), c.Cites)+": "+coverageCounts(c), "  • ", "    ")
		const prefix = "    exclusive: "
		for i, x := range c.Exclusive {
			if i == maxExclusive && len(c.Exclusive) > maxExclusive+1 {
				t.line(strings.Repeat(" ", len(prefix)) + t.dim("and "+strconv.Itoa(len(c.Exclusive)-i)+" more"))
				break
			}
			// Exclusive claims are in full under the claims: one line here.
			t.wrap(truncate(x.Text, t.width-len(prefix)), prefix, "      ")
		}
		for _, x := range c.Omitted {
			t.wrap(x.Text, "    omitted: ", "      ")
		}
	}
}

func (t *textWriter) timeline(s *storyView) {
	if len(s.Timeline) == 0 {
		return
	}
	t.heading("Timeline", 0)
	w := 0
	for _, e := range s.Timeline {
		w = max(w, visibleWidth(e.When))
	}
	for _, e := range s.Timeline {
		first := "  " + pad(e.When, w) + "  "
		t.wrap(t.withCites(e.Text, e.Cites), first, strings.Repeat(" ", visibleWidth(first)))
	}
}

func (t *textWriter) articles(s *storyView) {
	if len(s.Articles) == 0 {
		return
	}
	t.heading("Articles", len(s.Articles))
	lw := 0
	for _, a := range s.Articles {
		lw = max(lw, len(a.String())+2)
	}
	rest := strings.Repeat(" ", 2+lw+1)
	for i, a := range s.Articles {
		if i > 0 {
			t.blank()
		}
		first := "  " + pad("["+a.String()+"]", lw) + " "
		var meta []string
		meta = append(meta, t.bold(a.Outlet))
		if a.Published != "" {
			meta = append(meta, a.Published)
		}
		if a.Author != "" {
			meta = append(meta, "by "+a.Author)
		}
		if a.Language != "" {
			meta = append(meta, a.Language)
		}
		t.wrap(strings.Join(meta, " · "), first, rest)
		if a.Title != "" {
			t.wrap(t.bold(a.Title), rest, rest)
		}
		ids := "id " + a.ID
		if a.Source != "" {
			ids += " · source " + a.Source
		}
		t.wrap(t.dim(ids), rest, rest)
		if a.URL != "" {
			t.wrap(t.dim("url "+a.URL), rest, rest)
		}
		if a.DuplicateOf != nil {
			d := a.DuplicateOf.ID
			if a.DuplicateOf.Label > 0 {
				d = "[" + a.DuplicateOf.String() + "] " + a.DuplicateOf.Outlet
			}
			t.wrap("near-duplicate of "+d, rest, rest)
		}
		if a.Correction != "" {
			t.wrap(a.Correction, rest, rest)
		}
		if a.Excerpt != "" {
			t.wrap(t.dim(quote(a.Excerpt)), rest, rest+" ")
		}
	}
}
