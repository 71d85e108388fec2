package extract

import (
	"bytes"
	"errors"
	"strings"

	"golang.org/x/net/html"
)

// The HTML parser refuses a page nested deeper than 512 elements. Such a
// page is read anyway: the elements below flattenDepth lose their tags and
// keep their text, and the page is parsed again.
const flattenDepth = 200

// errTooDeep is what parseHTML returns, wrapped, when a page could be read
// only after flattening; the tree returned with it is usable.
var errTooDeep = errors.New("HTML nested deeper than the parser allows (512 elements): the deepest elements were read as plain text")

// parseHTML parses a UTF-8 page. A page too deeply nested for the parser
// is flattened and parsed again; the tree comes back with errTooDeep so the
// caller can warn. Any other error means no tree.
func parseHTML(body []byte) (*html.Node, error) {
	root, err := html.Parse(bytes.NewReader(body))
	if err == nil {
		return root, nil
	}
	if !strings.Contains(err.Error(), "open stack of elements") {
		return nil, err
	}
	// The parser's stack of open elements can grow past the tags' own
	// nesting (formatting elements are reopened), so try shallower when
	// the first flattening was not enough, and as a last resort keep only
	// the text.
	for _, depth := range []int{flattenDepth, 32} {
		if root, err := html.Parse(bytes.NewReader(flattenHTML(body, depth))); err == nil {
			return root, errTooDeep
		}
	}
	root, err = html.Parse(bytes.NewReader(flattenHTML(body, 0)))
	if err != nil {
		return nil, err
	}
	return root, errTooDeep
}

// Elements that never have content: they do not nest.
var voidTags = map[string]bool{
	"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true,
	"input": true, "link": true, "meta": true, "param": true, "source": true, "track": true,
	"wbr": true, "keygen": true,
}

// Elements whose text is not shown: when their tags are dropped, their
// text goes too.
var hiddenTags = map[string]bool{
	"script": true, "style": true, "template": true, "noscript": true, "textarea": true,
	"title": true, "xmp": true, "iframe": true, "noembed": true, "noframes": true, "svg": true,
}

// flattenHTML rewrites a page so that no element nests deeper than depth:
// the start and end tags of deeper elements are dropped, their text and
// everything else kept. A closed block element still ends a paragraph: its
// dropped tags become a line break. One pass of the tokenizer, linear in
// the page.
func flattenHTML(body []byte, depth int) []byte {
	type open struct {
		name string
		kept bool
	}
	var out bytes.Buffer
	out.Grow(len(body))
	var stack []open
	hidden := 0 // open dropped elements whose text is not shown (script, style)
	z := html.NewTokenizer(bytes.NewReader(body))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		raw := z.Raw()
		switch tt {
		case html.StartTagToken:
			name, _ := z.TagName()
			n := string(name)
			if voidTags[n] {
				if len(stack) < depth {
					out.Write(raw)
				}
				continue
			}
			kept := len(stack) < depth
			stack = append(stack, open{n, kept})
			switch {
			case kept:
				out.Write(raw)
			case hiddenTags[n]:
				hidden++
			case blockTags[n]:
				out.WriteString("<br>")
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			n := string(name)
			i := len(stack) - 1
			for i >= 0 && stack[i].name != n {
				i--
			}
			if i < 0 {
				if depth > 0 {
					out.Write(raw) // a stray end tag: the parser ignores it
				}
				continue
			}
			for _, o := range stack[i+1:] {
				if !o.kept && hiddenTags[o.name] {
					hidden--
				}
			}
			kept := stack[i].kept
			stack = stack[:i]
			switch {
			case kept:
				out.Write(raw)
			case hiddenTags[n]:
				hidden--
			case blockTags[n]:
				out.WriteString("<br>")
			}
		case html.SelfClosingTagToken:
			if len(stack) < depth {
				out.Write(raw)
			}
		case html.TextToken:
			if hidden == 0 {
				out.Write(raw)
			}
		default:
			out.Write(raw)
		}
	}
	return out.Bytes()
}
