package web

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/crosscheck-news/crosscheck"
)

// chromiumPath finds Debian's chromium; "" when there is none.
func chromiumPath() string {
	for _, p := range []string{"/usr/bin/chromium", "/usr/bin/chromium-browser"} {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	if p, err := exec.LookPath("chromium"); err == nil {
		return p
	}
	return ""
}

// browser starts a headless chromium for one test; dialogs opened by any
// page are counted and dismissed.
func browser(t *testing.T) (context.Context, *atomic.Int32) {
	t.Helper()
	exe := chromiumPath()
	if exe == "" {
		t.Skip("no chromium binary (/usr/bin/chromium): install it with apt-get install -y chromium to run the browser tests")
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	ctx, cancelTimeout := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(func() { cancelTimeout(); cancelCtx(); cancelAlloc() })

	var dialogs atomic.Int32
	// Start the browser now so that the event stream has a target.
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	events := chromedp.Events(ctx, cdppage.JavascriptDialogOpening)
	go func() {
		for _, err := range events {
			if err != nil {
				return
			}
			dialogs.Add(1)
			chromedp.Call(ctx, cdppage.HandleJavaScriptDialog, cdppage.HandleJavaScriptDialogParams{Accept: false})
		}
	}()
	return ctx, &dialogs
}

// screenshot saves the top of the page (the window, 1280x900) to
// docs/screenshots/NAME.png when CROSSCHECK_SCREENSHOTS is set.
func screenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	if os.Getenv("CROSSCHECK_SCREENSHOTS") == "" {
		return
	}
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	dir := filepath.Join("..", "docs", "screenshots")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

func text(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
	if err != nil {
		t.Fatalf("text of %s: %v", sel, err)
	}
	return s
}

func eval[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("evaluate %s: %v", js, err)
	}
	return v
}

func TestBrowserBrowseAndAdd(t *testing.T) {
	f := newFixture(t, fixtureOptions{paris: true})
	ctx, dialogs := browser(t)
	base := f.http.URL
	parisID := f.parisStory(t)
	paris, err := f.db.Story(t.Context(), parisID)
	if err != nil {
		t.Fatal(err)
	}

	// The story list shows the Paris story with its counts.
	if err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/"),
		chromedp.WaitVisible(chromedp.CSS("table.stories")),
	); err != nil {
		t.Fatal(err)
	}
	if got := text(t, ctx, "table.stories tbody"); !strings.Contains(got, paris.Title) {
		t.Fatalf("story list %q lacks the Paris story %q", got, paris.Title)
	}
	// Let the background analysis fill the conflict counts, then reload.
	waitAnalysed(t, f, paris)
	if err := chromedp.Do(ctx, chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS("table.stories"))); err != nil {
		t.Fatal(err)
	}
	screenshot(t, ctx, "stories")

	// The story page: title, its conflict when analysis finds it.
	if err := chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`a.story-link[href="/stories/`+parisID+`"]`)),
		chromedp.WaitVisible(chromedp.CSS("#story-title")),
	); err != nil {
		t.Fatal(err)
	}
	if got := text(t, ctx, "#story-title"); got != paris.Title {
		t.Errorf("story title %q, want %q", got, paris.Title)
	}
	if analyze != nil {
		n := eval[int](t, ctx, `document.querySelectorAll("#conflicts .conflict").length`)
		if n == 0 {
			t.Errorf("the Paris story shows no conflict")
		}
		about := text(t, ctx, "#conflicts .conflict h3")
		values := text(t, ctx, "#conflicts .conflict .variants")
		t.Logf("first conflict: %s: %s", about, values)
		if eval[int](t, ctx, `document.querySelectorAll("#conflicts .conflict mark.hl-value").length`) == 0 {
			t.Errorf("conflict sentences have no value highlighted")
		}
	}
	if n := eval[int](t, ctx, `document.querySelectorAll("#articles a.article-link").length`); n != paris.Articles {
		t.Errorf("story lists %d articles, want %d", n, paris.Articles)
	}
	screenshot(t, ctx, "story")
	if os.Getenv("CROSSCHECK_SCREENSHOTS") != "" {
		if err := chromedp.Do(ctx, chromedp.ScrollIntoView(chromedp.CSS("#conflicts"))); err != nil {
			t.Fatal(err)
		}
		screenshot(t, ctx, "story-conflicts")
		if err := chromedp.Do(ctx, chromedp.ScrollIntoView(chromedp.CSS("#coverage"))); err != nil {
			t.Fatal(err)
		}
		screenshot(t, ctx, "story-coverage")
	}

	// An article: its text, its story, highlighted claims when analysed.
	if err := chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS("#articles a.article-link")),
		chromedp.WaitVisible(chromedp.CSS("#article-body")),
	); err != nil {
		t.Fatal(err)
	}
	if body := text(t, ctx, "#article-body"); len(body) < 200 {
		t.Errorf("article body is %d bytes, want the article text", len(body))
	}
	if got := eval[string](t, ctx, `document.querySelector("#article-story").getAttribute("href")`); got != "/stories/"+parisID {
		t.Errorf("article links to story %q, want /stories/%s", got, parisID)
	}
	if analyze != nil && eval[int](t, ctx, `document.querySelectorAll("#article-body mark").length`) == 0 {
		t.Errorf("article shows no highlighted claim")
	}
	screenshot(t, ctx, "article")

	// Add a pasted report of the same event and see it join the story.
	storiesBefore := map[string]int{}
	all, _, err := f.db.Stories(t.Context(), crosscheck.StoryFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range all {
		storiesBefore[s.ID] = s.Articles
	}
	if err := chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS("#nav-add")),
		chromedp.WaitVisible(chromedp.CSS(`textarea[name="text"]`)),
		chromedp.SetValue(chromedp.CSS(`textarea[name="text"]`), invented),
		chromedp.SetValue(chromedp.CSS(`input[name="outlet"]`), "Browser Test Wire"),
		chromedp.SetValue(chromedp.CSS(`input[name="published"]`), "2025-09-04"),
		chromedp.Click(chromedp.CSS("#add-submit")),
		chromedp.WaitVisible(chromedp.CSS("#add-result")),
	); err != nil {
		t.Fatal(err)
	}
	screenshot(t, ctx, "add")
	// It must join a story of the corpus, not open a new one. Which one is
	// the clusterer's call: the corpus may be split in two.
	joined := strings.TrimPrefix(eval[string](t, ctx, `(document.querySelector("a.joined-story")||{getAttribute(){return ""}}).getAttribute("href")`), "/stories/")
	before, ok := storiesBefore[joined]
	if !ok {
		t.Fatalf("the pasted report opened story %q instead of joining one of the corpus's %v; page: %s", joined, storiesBefore, text(t, ctx, "#add-result"))
	}
	if err := chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS("a.joined-story")),
		chromedp.WaitVisible(chromedp.CSS("#story-title")),
	); err != nil {
		t.Fatal(err)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll("#articles a.article-link").length`); n != before+1 {
		t.Errorf("after adding, the story lists %d articles, want %d", n, before+1)
	}
	if got := text(t, ctx, "#articles"); !strings.Contains(got, "Browser Test Wire") {
		t.Errorf("the story's articles do not show the added report's outlet: %q", got)
	}

	// A bad upload gets a clear error and the form back.
	bin := filepath.Join(t.TempDir(), "image.txt")
	os.WriteFile(bin, []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x02\x00\x00\x00\x90\x91h6\x00\x00\x00"), 0o644)
	if err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/add"),
		chromedp.SetUploadFiles(chromedp.CSS("#file-input"), []string{bin}),
		chromedp.Click(chromedp.CSS("#add-submit")),
		chromedp.WaitVisible(chromedp.CSS("#add-error")),
	); err != nil {
		t.Fatal(err)
	}
	if got := text(t, ctx, "#add-result .failures"); !strings.Contains(got, "image.txt") {
		t.Errorf("bad upload: failures %q do not name the file", got)
	}
	if n := dialogs.Load(); n != 0 {
		t.Errorf("%d dialogs opened while browsing", n)
	}
}

// hostile is an article that tries every way to run script or restyle
// the page; rendered, it must stay inert text.
const hostileScript = `<script>window.__pwned="script";document.title="pwned";alert("script")</script>`

func hostileDoc() *crosscheck.Document {
	body := strings.Join([]string{
		`Hostile report ` + hostileScript,
		``,
		`The mayor said <img src=x onerror="window.__pwned='img';alert('img')"> the bridge would open on Monday, officials told Reuters.`,
		``,
		`Read <a href="javascript:window.__pwned='link';alert('link')">the statement</a> and "><svg onload="window.__pwned='svg'"> now.`,
		``,
		`<style>body{display:none}*{background:url(javascript:alert(1))}</style><div style="position:fixed;inset:0;background:red">x</div> the end.`,
		``,
		`</textarea></mark><iframe srcdoc="<script>parent.__pwned='iframe'</script>"></iframe> and <object data="javascript:alert(1)"></object> close.`,
	}, "\n")
	return &crosscheck.Document{
		Source: `hostile"><script>alert(1)</script>.txt`,
		URL:    `javascript:window.__pwned='url';alert('url')`,
		Format: crosscheck.FormatText,
		Body:   []byte(body),
		Meta: crosscheck.Meta{
			Title:  `Hostile </title><script>window.__pwned="title";alert("title")</script><img src=x onerror=alert(1)>`,
			Outlet: `<style>body{display:none}</style>Evil Outlet<script>window.__pwned="outlet"</script>`,
			Author: `"><img src=x onerror="window.__pwned='author'">`,
		},
	}
}

func TestBrowserHostileArticleIsInert(t *testing.T) {
	f := newFixture(t, fixtureOptions{})
	docs := func(yield func(*crosscheck.Document, error) bool) { yield(hostileDoc(), nil) }
	sum, err := f.pipe.Ingest(t.Context(), docs, nil)
	if err != nil || len(sum.Articles) != 1 {
		t.Fatalf("ingest hostile article: %v %+v", err, sum)
	}
	a, err := f.db.Article(t.Context(), sum.Articles[0])
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Text, "<script>") {
		t.Fatalf("extraction removed the markup, so this test would prove nothing: %q", a.Text)
	}
	ctx, dialogs := browser(t)
	for _, path := range []string{"/", "/stories/" + a.StoryID, "/articles/" + a.ID, "/search?q=mayor"} {
		if err := chromedp.Do(ctx,
			chromedp.Navigate(f.http.URL+path),
			chromedp.WaitReady(chromedp.CSS("footer")),
			chromedp.Sleep(300*time.Millisecond), // let any timer or onerror fire
		); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if got := eval[string](t, ctx, `String(window.__pwned)`); got != "undefined" {
			t.Errorf("%s: hostile script ran (window.__pwned = %q)", path, got)
		}
		if got := eval[string](t, ctx, `document.title`); got == "pwned" {
			t.Errorf("%s: document.title changed to %q", path, got)
		}
		if got := eval[bool](t, ctx, `getComputedStyle(document.body).display !== "none"`); !got {
			t.Errorf("%s: an injected style hid the page", path)
		}
		if n := eval[int](t, ctx, `document.querySelectorAll("main script, main img, main iframe, main object, main style, main svg:not(.chart), main [onerror], main [onload], main [style], main a[href^='javascript']").length`); n != 0 {
			t.Errorf("%s: %d injected elements in the page", path, n)
		}
	}
	// On the article page the hostile markup is visible as text.
	if err := chromedp.Do(ctx, chromedp.Navigate(f.http.URL+"/articles/"+a.ID), chromedp.WaitVisible(chromedp.CSS("#article-body"))); err != nil {
		t.Fatal(err)
	}
	if got := text(t, ctx, "#article-title"); !strings.Contains(got, "<script>") {
		t.Errorf("title %q does not show the markup as text", got)
	}
	if got := text(t, ctx, "#article-body"); !strings.Contains(got, "onerror=") || !strings.Contains(got, "javascript:") {
		t.Errorf("body %q does not show the markup as text", got)
	}
	if n := dialogs.Load(); n != 0 {
		t.Errorf("%d alert dialogs opened", n)
	}
}

// waitAnalysed waits until the background analysis knows the story's
// counts (the list shows them then).
func waitAnalysed(t *testing.T, f *fixture, s *crosscheck.Story) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		if _, ok := f.srv.reports.countsOf(s); ok {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("story %s was not analysed in the background", s.ID)
}
