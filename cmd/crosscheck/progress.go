package main

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// progressBar draws one status line on a terminal, at most ten times a
// second. On anything but a terminal it draws nothing.
type progressBar struct {
	w     io.Writer
	on    bool
	total int // estimated; 0 when unknown
	start time.Time

	mu   sync.Mutex
	last time.Time
	line int // width of the line drawn, to clear it
}

// newProgress returns a bar for w, drawn only when w is a terminal and the
// batch has at least min inputs.
func newProgress(w io.Writer, total, min int) *progressBar {
	p := &progressBar{w: w, total: total, start: time.Now()}
	if isTerminal(w) && (total == 0 || total >= min) {
		p.on = true
	}
	return p
}

// Update shows done items and the current one.
func (p *progressBar) Update(done int, current string) {
	if !p.on {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	now := time.Now()
	if now.Sub(p.last) < 100*time.Millisecond && (p.total == 0 || done < p.total) {
		return
	}
	p.last = now
	rate := float64(done) / now.Sub(p.start).Seconds()
	var b strings.Builder
	if p.total > 0 && done <= p.total {
		const width = 30
		fill := done * width / p.total
		fmt.Fprintf(&b, "[%s%s] %d/%d", strings.Repeat("=", fill), strings.Repeat(" ", width-fill), done, p.total)
	} else {
		fmt.Fprintf(&b, "%d done", done)
	}
	fmt.Fprintf(&b, " %.0f/s %s", rate, shorten(oneLine(current), 40))
	p.draw(b.String())
}

// Println prints a line above the bar.
func (p *progressBar) Println(s string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.clear()
	fmt.Fprintln(p.w, s)
}

// Done removes the bar.
func (p *progressBar) Done() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.clear()
}

func (p *progressBar) draw(s string) {
	pad := ""
	if n := p.line - len(s); n > 0 {
		pad = strings.Repeat(" ", n)
	}
	fmt.Fprint(p.w, "\r"+s+pad)
	p.line = len(s)
}

func (p *progressBar) clear() {
	if p.on && p.line > 0 {
		fmt.Fprint(p.w, "\r"+strings.Repeat(" ", p.line)+"\r")
		p.line = 0
	}
}

func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return "…" + string(r[len(r)-n+1:])
}

// countInputs estimates how many documents the inputs hold: the files under
// directories, one for anything else. Cheap: names only.
func countInputs(inputs []string) int {
	n := 0
	for _, in := range inputs {
		st, err := os.Stat(in)
		if err != nil || !st.IsDir() {
			n++
			continue
		}
		filepath.WalkDir(in, func(path string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && !strings.HasPrefix(d.Name(), ".") {
				n++
			}
			return nil
		})
	}
	return n
}
