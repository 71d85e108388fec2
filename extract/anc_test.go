package extract

import (
	"flag"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

var ancPage = flag.String("anc.page", "", "")
var ancText = flag.String("anc.text", "", "")

func TestAncestors(t *testing.T) {
	if *ancPage == "" {
		t.Skip()
	}
	raw, _ := readGzip(filepath.Join(metaDir, "pages", *ancPage))
	body, _ := decodePage(raw)
	root, _ := parseHTML(body)
	var find func(n *html.Node) bool
	find = func(n *html.Node) bool {
		if n.Type == html.TextNode && strings.Contains(n.Data, *ancText) {
			for p := n.Parent; p != nil; p = p.Parent {
				if p.Type == html.ElementNode {
					t.Logf("<%s class=%q id=%q aside=%v>", p.Data, attr(p, "class"), attr(p, "id"), isAsideBlock(p))
				}
			}
			return true
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if find(c) {
				return true
			}
		}
		return false
	}
	find(root)
}
