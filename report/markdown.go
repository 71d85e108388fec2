package report

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/crosscheck-news/crosscheck"
)

// Markdown writes r as CommonMark with GitHub tables. Article text is
// escaped so that it can never become a link, an image or raw HTML in a
// Markdown renderer.
func Markdown(w io.Writer, r *crosscheck.Report) error {
	bw := bufio.NewWriter(w)
	m := &mdWriter{w: bw}
	v := newReportView(r, false)
	m.line("# crosscheck report")
	if v.Generated != "" {
		m.blank()
		m.line("_Generated " + md(v.Generated) + "_")
	}
	if len(v.Stories) == 0 {
		m.blank()
		m.line("No stories.")
	}
	for _, s := range v.Stories {
		m.story(s)
	}
	if m.err == nil {
		m.err = bw.Flush()
	}
	if m.err != nil {
		return fmt.Errorf("write markdown report: %w", m.err)
	}
	return nil
}

type mdWriter struct {
	w   io.Writer
	err error
}

func (m *mdWriter) line(s string) {
	if m.err != nil {
		return
	}
	_, m.err = io.WriteString(m.w, s+"\n")
}

func (m *mdWriter) blank() { m.line("") }

// mdEscaped are the characters that could start Markdown or HTML inline:
// emphasis, code, links, images, autolinks, raw HTML, entities, tables,
// strikethrough, headings' closing sequences.
const mdEscaped = "\\`*_[]<>|~&#!"

// md escapes untrusted text for a Markdown inline context.
func md(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i, r := range s {
		if strings.ContainsRune(mdEscaped, r) {
			b.WriteByte('\\')
		} else if i == 0 && (r == '-' || r == '+' || r == '=') {
			// a list marker or setext underline at the start of a line
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	out := b.String()
	// "1. " or "1) " at the start would open an ordered list.
	if n := len(out) - len(strings.TrimLeft(out, "0123456789")); n > 0 && n < len(out) && (out[n] == '.' || out[n] == ')') {
		out = out[:n] + "\\" + out[n:]
	}
	return out
}

func mdJoin(ss []string, sep string) string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = md(s)
	}
	return strings.Join(out, sep)
}

// mdCites prints "[1, 2]" with any unknown article ID escaped.
func mdCites(cs []cite) string {
	if len(cs) == 0 {
		return ""
	}
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = md(c.String())
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

func withMDCites(s string, cs []cite) string {
	if l := mdCites(cs); l != "" {
		return s + " " + l
	}
	return s
}

// mdOutletCites prints "Reuters [1], BBC [2, 3]" escaped.
func mdOutletCites(cs []cite) string {
	var order []string
	by := map[string][]cite{}
	for _, c := range cs {
		o := c.Outlet
		if o == "" {
			o = c.ID
		}
		if _, ok := by[o]; !ok {
			order = append(order, o)
		}
		by[o] = append(by[o], c)
	}
	parts := make([]string, 0, len(order))
	for _, o := range order {
		parts = append(parts, md(o)+" "+mdCites(by[o]))
	}
	return strings.Join(parts, ", ")
}

// mdLink gives an http(s) URL as an autolink, anything else as text.
func mdLink(s, href string) string {
	if href != "" && !strings.ContainsAny(href, "<>") {
		return "<" + href + ">"
	}
	return md(s)
}

func (m *mdWriter) heading(level int, s string) {
	m.blank()
	m.line(strings.Repeat("#", level) + " " + s)
	m.blank()
}

func (m *mdWriter) story(s *storyView) {
	title := s.Title
	if title == "" {
		title = "Story " + strconv.Itoa(s.N)
	}
	m.heading(2, md(title))
	var meta []string
	if s.ID != "" {
		meta = append(meta, "**Story:** "+md(s.ID))
	}
	if s.EventDate != "" {
		meta = append(meta, "**Event date:** "+md(s.EventDate))
	}
	if len(s.Places) > 0 {
		meta = append(meta, "**Places:** "+mdJoin(s.Places, ", "))
	}
	counts := "**" + plural(s.ArticleCount, "article", "articles") + "**"
	if len(s.Outlets) > 0 {
		counts += " from " + plural(len(s.Outlets), "outlet", "outlets") + ": " + mdJoin(s.Outlets, ", ")
	}
	meta = append(meta, counts)
	m.line(strings.Join(meta, " · "))
	var sum []string
	for _, g := range s.ClaimGroups {
		sum = append(sum, strconv.Itoa(len(g.Claims))+" "+md(statusLabel(g.Status)))
	}
	line := ""
	if len(sum) > 0 {
		line = "**" + plural(s.ClaimCount(), "claim", "claims") + ":** " + strings.Join(sum, ", ")
	}
	if n := len(s.Conflicts); n > 0 {
		if line != "" {
			line += " · "
		}
		line += "**" + plural(n, "conflict", "conflicts") + "**"
	}
	if line != "" {
		m.blank()
		m.line(line)
	}
	if s.ShowLegend() {
		parts := make([]string, len(s.Articles))
		for i, a := range s.Articles {
			parts[i] = "[" + md(a.String()) + "] " + md(a.Outlet)
		}
		m.blank()
		m.line("Articles: " + strings.Join(parts, " · "))
	}

	m.brief(s)
	m.conflicts(s)
	m.claims(s)
	m.quotes(s)
	m.attributions(s)
	m.entities(s)
	m.coverage(s)
	m.timeline(s)
	m.articles(s)
}

func (m *mdWriter) brief(s *storyView) {
	if len(s.Brief) == 0 {
		return
	}
	m.heading(3, "Brief")
	for _, b := range s.Brief {
		line := "- " + withMDCites(md(b.Text), b.Cites)
		if c := b.Conflict; c != nil {
			line += "\\\n  **Disputed:** " + md(c.About) + " (conflict " + strconv.Itoa(c.N) + ")"
		}
		m.line(line)
	}
}

func (m *mdWriter) conflicts(s *storyView) {
	if len(s.Conflicts) == 0 {
		return
	}
	m.heading(3, "Conflicts")
	for i, c := range s.Conflicts {
		if i > 0 {
			m.blank()
		}
		about := md(c.About)
		if about == "" {
			about = "Conflicting accounts"
		}
		if c.Kind != "" {
			about += " (" + md(c.Kind) + ")"
		}
		m.line("**" + strconv.Itoa(c.N) + ". " + about + "**")
		m.blank()
		head, rule := "| |", "|---|"
		value, outlets, sentence := "| **Value** |", "| **Outlets** |", "| **Sentence** |"
		for j, v := range c.Variants {
			head += " " + string(rune('A'+j%26)) + " |"
			rule += "---|"
			value += " " + md(v.Value) + " |"
			o := mdOutletCites(v.Cites)
			if o == "" {
				o = mdJoin(v.Outlets, ", ")
			}
			outlets += " " + o + " |"
			q := ""
			if v.Sentence != "" {
				q = "“" + md(v.Sentence) + "”"
			}
			sentence += " " + q + " |"
		}
		for _, l := range []string{head, rule, value, outlets, sentence} {
			m.line(l)
		}
	}
}

func (m *mdWriter) claims(s *storyView) {
	if len(s.ClaimGroups) == 0 {
		return
	}
	m.heading(3, "Claims")
	for i, g := range s.ClaimGroups {
		if i > 0 {
			m.blank()
		}
		m.line("**" + md(g.Title) + " (" + strconv.Itoa(len(g.Claims)) + ")**")
		m.blank()
		for _, c := range g.Claims {
			var meta []string
			if c.Support != "" {
				meta = append(meta, md(c.Support))
			}
			if c.Conflict != nil {
				meta = append(meta, "see conflict "+strconv.Itoa(c.Conflict.N))
			}
			if len(meta) == 0 {
				m.line(withMDCites("- "+md(c.Text), c.Cites))
				continue
			}
			line := "- " + md(c.Text) + " — _" + strings.Join(meta, " · ") + "_"
			if o := mdOutletCites(c.Cites); o != "" {
				line += " · " + o
			}
			m.line(line)
		}
	}
}

func (m *mdWriter) quotes(s *storyView) {
	if len(s.Quotes) == 0 {
		return
	}
	m.heading(3, "Quotes")
	for _, q := range s.Quotes {
		speaker := q.Speaker
		if speaker == "" {
			speaker = "unattributed"
		}
		line := withMDCites("- **"+md(speaker)+":** “"+md(q.Text)+"”", q.Cites)
		for _, v := range q.Variants {
			line += "\\\n  " + withMDCites("also worded: “"+md(v.Text)+"”", v.Cites)
		}
		m.line(line)
	}
}

func (m *mdWriter) attributions(s *storyView) {
	if len(s.Attributions) == 0 {
		return
	}
	m.heading(3, "Attributions: whom the articles credit")
	for _, a := range s.Attributions {
		line := "- **" + md(a.Source) + "**"
		if a.Kind != "" {
			line += " (" + md(a.Kind) + ")"
		}
		if by := mdOutletCites(a.Cites); by != "" {
			line += " credited by " + by
		}
		m.line(line)
	}
}

func (m *mdWriter) entities(s *storyView) {
	if len(s.EntityGroups) == 0 {
		return
	}
	m.heading(3, "Entities")
	for i, g := range s.EntityGroups {
		if i > 0 {
			m.blank()
		}
		m.line("**" + g.Title + "**")
		m.blank()
		for _, e := range g.Entities {
			line := "- **" + md(e.Name) + "**"
			if len(e.Aliases) > 0 {
				line += " · also: " + mdJoin(e.Aliases, "; ")
			}
			if len(e.Roles) > 0 {
				line += " · " + rolesLabel(e.Roles) + mdJoin(e.Roles, "; ")
			}
			if e.Mentions > 0 {
				line += " · " + plural(e.Mentions, "mention", "mentions")
			}
			m.line(withMDCites(line, e.Cites))
		}
	}
}

func (m *mdWriter) coverage(s *storyView) {
	if len(s.Coverage) == 0 {
		return
	}
	m.heading(3, "Coverage by outlet")
	for _, c := range s.Coverage {
		m.line("- " + withMDCites("**"+md(c.Outlet)+"**", c.Cites) + ": " + coverageCounts(c))
		for i, x := range c.Exclusive {
			if i == maxExclusive && len(c.Exclusive) > maxExclusive+1 {
				m.line("  - and " + strconv.Itoa(len(c.Exclusive)-i) + " more exclusive")
				break
			}
			m.line("  - exclusive: " + md(truncate(x.Text, 120)))
		}
		for _, x := range c.Omitted {
			m.line("  - omitted: " + md(x.Text))
		}
	}
}

func (m *mdWriter) timeline(s *storyView) {
	if len(s.Timeline) == 0 {
		return
	}
	m.heading(3, "Timeline")
	for _, e := range s.Timeline {
		m.line("- **" + md(e.When) + "** " + withMDCites(md(e.Text), e.Cites))
	}
}

func (m *mdWriter) articles(s *storyView) {
	if len(s.Articles) == 0 {
		return
	}
	m.heading(3, "Articles")
	for _, a := range s.Articles {
		meta := []string{"**[" + md(a.String()) + "] " + md(a.Outlet) + "**"}
		if a.Published != "" {
			meta = append(meta, md(a.Published))
		}
		if a.Author != "" {
			meta = append(meta, "by "+md(a.Author))
		}
		if a.Language != "" {
			meta = append(meta, md(a.Language))
		}
		lines := []string{strings.Join(meta, " · ")}
		if a.Title != "" {
			lines = append(lines, "_"+md(a.Title)+"_")
		}
		ids := "id " + md(a.ID)
		if a.Source != "" {
			ids += " · source " + mdLink(a.Source, a.SourceHref)
		}
		if a.URL != "" {
			ids += " · url " + mdLink(a.URL, a.URLHref)
		}
		lines = append(lines, ids)
		if a.DuplicateOf != nil {
			d := md(a.DuplicateOf.ID)
			if a.DuplicateOf.Label > 0 {
				d = "[" + a.DuplicateOf.String() + "] " + md(a.DuplicateOf.Outlet)
			}
			lines = append(lines, "near-duplicate of "+d)
		}
		if a.Correction != "" {
			lines = append(lines, md(a.Correction))
		}
		if a.Excerpt != "" {
			lines = append(lines, "“"+md(a.Excerpt)+"”")
		}
		m.line("- " + strings.Join(lines, "\\\n  "))
	}
}
