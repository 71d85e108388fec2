package extract

import (
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Lines that are boilerplate when they are the whole line (lowercased,
// final punctuation trimmed).
var boilerExact = map[string]bool{
	"advertisement": true, "advertisements": true, "advertising": true, "ad": true,
	"ads": true, "sponsored": true, "sponsored content": true, "sponsored content below": true,
	"promoted content": true, "paid content": true, "paid post": true, "partner content": true,
	"share": true, "share this": true, "share this post": true, "share this article": true,
	"share this story": true, "share on facebook": true, "share on twitter": true,
	"share on x": true, "tweet": true, "email": true, "print": true, "comments": true,
	"comment": true, "leave a comment": true, "read more": true, "continue reading": true,
	"read next": true, "related": true, "related articles": true, "related stories": true,
	"related news": true, "recommended": true, "recommended for you": true, "trending": true,
	"most read": true, "most popular": true, "skip to content": true, "skip advertisement": true,
	"story continues below": true, "story continues below advertisement": true,
	"article continues below": true, "article continues below advertisement": true,
	"scroll to continue": true, "scroll to continue with content": true,
	"listen to this article": true, "copy link": true, "follow us": true, "subscribe": true,
	"subscribe now": true, "sign up": true, "log in": true, "sign in": true,
	"back to top": true, "top stories": true, "more stories": true, "you may also like": true,
	"you might also like": true, "watch": true, "video": true, "loading": true,
	"loading...": true, "photo": true, "photos": true, "image": true, "gallery": true,
	"open in app": true, "add comment": true, "view comments": true, "show comments": true,
	"thank you": true, "thanks": true, "sorry": true, "thanks for signing up": true,
	"thanks for subscribing": true, "you're all set": true, "you’re all set": true,
	"related topics": true, "more on this story": true, "most viewed": true, "latest news": true,
	"featured": true, "editor's picks": true, "editor’s picks": true, "getty images": true,
	"image source": true, "media caption": true, "play video": true, "watch video": true,
}

// Line starts that make a short line boilerplate.
var boilerPrefixes = []string{
	"subscribe to ", "subscribe for ", "subscribe now", "subscribe here", "sign up for ",
	"sign up to ", "sign up now", "follow us ", "join our ", "join us on ", "stay informed",
	"stay up to date", "stay up-to-date", "stay updated", "get breaking news", "get the latest",
	"receive breaking news", "download the ", "download our ", "click here", "read also",
	"read more:", "read more at", "also read", "see also:", "related:", "more:",
	"sponsored content", "advertisement", "share this", "©", "copyright ©", "copyright (c)",
	"all rights reserved", "this article was originally published", "listen to this article",
	"we use cookies", "by clicking", "please enable javascript", "enable javascript",
	"you can unsubscribe", "don't miss", "don’t miss", "recommended:", "get our ",
	"never miss", "want more", "like this article", "enjoyed this article", "support our",
	"support independent", "become a member", "become a subscriber", "already a subscriber",
	"this content is", "report an error", "send us your", "have a tip", "got a tip",
	"read the full", "for more news", "for the latest", "follow the latest",
	"our standards:", "the thomson reuters trust principles", "originally published",
	"like this story", "like this article?", "tempo de leitura", "temps de lecture",
	"tiempo de lectura", "lesezeit", "tempo di lettura", "time to read",
	"thanks for signing up", "thank you for signing up", "thanks for subscribing",
	"thank you for subscribing", "keep an eye on your inbox", "check your inbox",
	"there was an error", "an error has occurred", "an error occurred", "please try again",
	"this article has been sent to", "this copy is for your personal", "invalid email",
	"please enter a valid", "you have been subscribed", "you are now subscribed",
}

// isBoilerplate reports whether the lowercased line low is a prompt, a
// marker or a share row rather than article text.
func isBoilerplate(low string) bool {
	if len(low) > 300 {
		return false
	}
	t := strings.TrimRight(low, " .!:…")
	if boilerExact[t] {
		return true
	}
	for _, p := range boilerPrefixes {
		if strings.HasPrefix(low, p) {
			return true
		}
	}
	if len(low) < 200 {
		if strings.Contains(low, "to your inbox") || strings.Contains(low, "breaking news alerts") ||
			strings.Contains(low, "all rights reserved") ||
			(strings.Contains(low, "newsletter") && (strings.Contains(low, "sign up") || strings.Contains(low, "subscribe"))) {
			return true
		}
		if copyrightStart(low) {
			return true
		}
		if isReaderPrompt(low) || isFigureLabel(low) {
			return true
		}
		// "Write to Jane Doe at jane@example.com": a contact line.
		if (strings.HasPrefix(low, "write to ") || strings.HasPrefix(low, "contact ") || strings.HasPrefix(low, "email ")) && strings.Contains(low, "@") {
			return true
		}
		// "Updated at 1:23 p.m.": a stamp without a date.
		if len(low) < 40 && startsWithDateLabel(low) && strings.Contains(low, ":") && !hasYear(low) {
			return true
		}
		if (len(low) < 120 && (strings.Contains(low, "click here") || strings.Contains(low, "clicking here"))) ||
			(len(low) < 60 && strings.HasPrefix(low, "popular on ")) || isSocialPrompt(low) {
			return true
		}
	}
	// "5 min read", "Reading time: 3 minutes"
	if len(t) > 40 {
		return false
	}
	if words := strings.Fields(t); len(words) <= 4 && len(words) >= 2 {
		last := words[len(words)-1]
		if last == "read" && (words[len(words)-2] == "min" || words[len(words)-2] == "minute" || words[len(words)-2] == "minutes") {
			return true
		}
		if strings.HasPrefix(t, "reading time") {
			return true
		}
	}
	return false
}

func copyrightStart(low string) bool {
	if !strings.HasPrefix(low, "copyright ") {
		return false
	}
	rest := strings.TrimLeft(low[len("copyright "):], "© (c)")
	return len(rest) >= 4 && isDigits(rest[:4])
}

// isPrompt reports whether a boilerplate line asks the reader to
// subscribe, sign up or follow: links in such lines point to the outlet.
func isPrompt(low string) bool {
	for _, w := range []string{"subscribe", "sign up", "newsletter", "alerts", "follow us", "download"} {
		if strings.Contains(low, w) {
			return true
		}
	}
	return false
}

// Platform words that end the outlet's name in a prompt.
var platformWords = map[string]bool{
	"telegram": true, "facebook": true, "twitter": true, "x": true, "instagram": true,
	"youtube": true, "tiktok": true, "whatsapp": true, "rss": true, "channel": true,
	"newsletter": true, "newsletters": true, "alerts": true, "app": true, "updates": true,
	"on": true, "and": true, "for": true, "via": true, "podcast": true, "page": true,
	"account": true, "feed": true, "daily": false,
}

// promptOutlet finds the outlet a prompt names: "Subscribe to Xyz.Ru
// Telegram channel" gives "Xyz.Ru"; "Subscribe to our newsletter" gives "".
func promptOutlet(l string) string {
	low := strings.ToLower(l)
	var rest string
	for _, p := range []string{"subscribe to ", "follow ", "sign up for ", "download the ", "get the "} {
		if i := strings.Index(low, p); i >= 0 && i < 20 {
			rest = l[i+len(p):]
			break
		}
	}
	if rest == "" {
		return ""
	}
	words := strings.Fields(rest)
	var name []string
	for k, w := range words {
		w = strings.TrimRight(w, ",!.;:")
		lw := strings.ToLower(w)
		if lw == "the" && k == 0 {
			name = append(name, w)
			continue
		}
		if platformWords[strings.TrimSuffix(strings.TrimSuffix(lw, "’s"), "'s")] {
			break
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			break
		}
		name = append(name, strings.TrimSuffix(strings.TrimSuffix(w, "’s"), "'s"))
		if len(name) > 5 || strings.ContainsAny(words[k], ",!;:") {
			break
		}
	}
	if len(name) == 0 || (len(name) == 1 && strings.EqualFold(name[0], "the")) {
		return ""
	}
	return strings.Join(name, " ")
}

// copyrightHolder finds the holder in "© 2025 Xyz Media" or "Copyright
// 2025 Xyz. All rights reserved."
func copyrightHolder(l string) string {
	low := strings.ToLower(l)
	var rest string
	switch {
	case strings.HasPrefix(l, "©"):
		rest = l[len("©"):]
	case strings.HasPrefix(low, "copyright"):
		rest = l[len("copyright"):]
	default:
		return ""
	}
	rest = strings.TrimLeft(rest, " ©(c)C")
	rest = strings.TrimLeft(rest, "0123456789-– ")
	if j := strings.IndexAny(rest, ".|,"); j >= 0 {
		// Keep dots inside a domain-like name ("Xyz.com").
		if rest[j] != '.' || j+1 >= len(rest) || rest[j+1] == ' ' {
			rest = rest[:j]
		}
	}
	rest = strings.TrimSpace(rest)
	if rest == "" || len(rest) > 50 || strings.Count(rest, " ") > 5 {
		return ""
	}
	r, _ := utf8.DecodeRuneInString(rest)
	if !unicode.IsUpper(r) {
		return ""
	}
	return rest
}

// ownDomain returns the host of the first link in a line, without "www.".
func ownDomain(l string) string {
	i := strings.Index(l, "http://")
	if j := strings.Index(l, "https://"); j >= 0 && (i < 0 || j < i) {
		i = j
	}
	if i < 0 {
		return ""
	}
	end := strings.IndexAny(l[i:], " \t)]>\"")
	raw := l[i:]
	if end >= 0 {
		raw = l[i : i+end]
	}
	u, err := url.Parse(raw)
	if err != nil || u.Hostname() == "" {
		return ""
	}
	host := strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	if !strings.Contains(host, ".") {
		return ""
	}
	return host
}

// isURLLine reports whether the line is a bare link.
func isURLLine(l string) bool {
	if strings.ContainsRune(l, ' ') {
		return false
	}
	low := strings.ToLower(l)
	return strings.HasPrefix(low, "http://") || strings.HasPrefix(low, "https://") || strings.HasPrefix(low, "www.")
}

// isSectionAge reports a section name followed by an age ("World 2 months
// ago", "Politics · 3 hours ago", "Updated 5 minutes ago").
func isSectionAge(l string) bool {
	if len(l) > 60 {
		return false
	}
	words := strings.FieldsFunc(l, func(r rune) bool { return unicode.IsSpace(r) || r == '·' || r == '|' || r == '•' })
	n := relativeDateEnd(words)
	if n == 0 {
		return false
	}
	rest := words[:len(words)-n]
	if len(rest) > 3 || (len(rest) > 0 && !strings.EqualFold(words[len(words)-1], "ago")) {
		// "Markets Rally Today" is a headline; only "... 2 hours ago" is
		// an age after a section name.
		return false
	}
	for _, w := range rest {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && w != "-" && w != "–" {
			return false
		}
	}
	return true
}

// Photo agencies and credit words found in caption credits.
var creditMarks = []string{
	"getty images", "via getty", "photo by", "photo:", "photograph:", "ap photo", "afp photo",
	"reuters/", "/reuters", "shutterstock", "credit:", "courtesy of", "file photo", "/ap", "ap/",
	"/afp", "afp/", "/epa", "epa/", "/pool", "pool/", "/ria novosti", "/sputnik", "/tass",
	"photo credit", "image:", "picture:", "imago", "alamy", "/xinhua", "xinhua/", "/anadolu",
}

// isCaption reports a photo caption: a line ending in a parenthesised
// credit ("(NAME/POOL/AFP via Getty Images)") or starting with "Photo:".
func isCaption(l, low string) bool {
	if len(l) > 700 {
		return false
	}
	for _, p := range []string{"main image credit", "image credit", "credit:", "photo:", "photograph:", "image:", "picture:", "caption:", "file photo:", "photo credit:", "pictured:", "image caption", "image source", "media caption", "photo by ", "ap photo/"} {
		if strings.HasPrefix(low, p) {
			return true
		}
	}
	// A credit alone on a line: "AFP via Getty Images".
	if len(l) <= 80 && (strings.Contains(low, "getty images") || strings.Contains(low, "via getty") || strings.Contains(low, "shutterstock")) {
		return true
	}
	trimmed := strings.TrimRight(l, " .")
	if !strings.HasSuffix(trimmed, ")") {
		return false
	}
	open := strings.LastIndexByte(trimmed, '(')
	if open < 0 {
		return false
	}
	credit := strings.ToLower(trimmed[open:])
	for _, m := range creditMarks {
		if strings.Contains(credit, m) {
			return true
		}
	}
	return upperSlash(trimmed[open:])
}

// upperSlash reports "NAME/AGENCY": capitals on both sides of a slash.
func upperSlash(s string) bool {
	for i := 1; i+1 < len(s); i++ {
		if s[i] != '/' {
			continue
		}
		a, b := s[i-1], s[i+1]
		if a >= 'A' && a <= 'Z' && b >= 'A' && b <= 'Z' {
			// both neighbours upper and the word before is upper too
			if i >= 2 && s[i-2] >= 'A' && s[i-2] <= 'Z' {
				return true
			}
		}
	}
	return false
}

// isCorrection reports a correction notice.
func isCorrection(low string) bool {
	for _, p := range []string{"correction:", "corrections:", "clarification:", "correction (", "correction —", "correction -", "correction:"} {
		if strings.HasPrefix(low, p) {
			return true
		}
	}
	if strings.HasPrefix(low, "editor's note:") || strings.HasPrefix(low, "editor’s note:") {
		for _, w := range []string{"earlier version", "correct", "misstated", "incorrectly", "misidentified", "updated to"} {
			if strings.Contains(low, w) {
				return true
			}
		}
	}
	if strings.HasPrefix(low, "an earlier version of this") {
		return true
	}
	return false
}

// titleFromCorrection reads the new title out of a notice like
// `Correction: Title changed to "New title"`.
func titleFromCorrection(c string) string {
	low := strings.ToLower(c)
	for _, w := range []string{"title", "headline"} {
		i := strings.Index(low, w)
		if i < 0 {
			continue
		}
		j := strings.Index(low[i:], " to ")
		if j < 0 {
			continue
		}
		rest := strings.TrimSpace(c[i+j+len(" to "):])
		for _, q := range [][2]string{{"“", "”"}, {"\"", "\""}, {"‘", "’"}, {"«", "»"}} {
			if strings.HasPrefix(rest, q[0]) {
				inner := rest[len(q[0]):]
				if k := strings.Index(inner, q[1]); k > 0 {
					return strings.TrimSpace(inner[:k])
				}
			}
		}
	}
	return ""
}

// splitCorrections moves correction notices out of the paragraphs.
func splitCorrections(paras []string) ([]string, string) {
	var notes []string
	out := paras[:0]
	for _, p := range paras {
		if isCorrection(strings.ToLower(p)) {
			notes = append(notes, p)
			continue
		}
		out = append(out, p)
	}
	return out, strings.Join(notes, "\n")
}

var socialNames = []string{"facebook", "twitter", "instagram", "youtube", "telegram", "tiktok", "whatsapp", "linkedin", "rss"}

// isSocialPrompt reports "Follow us on Facebook and Twitter": a line that
// starts by asking the reader to follow, like or join, and names a social
// network.
func isSocialPrompt(low string) bool {
	if len(low) > 200 {
		return false
	}
	asks := false
	for _, p := range []string{"follow ", "like us", "join us", "join our", "visit ", "find us", "connect with", "be sure to", "share this", "share it"} {
		if strings.HasPrefix(low, p) {
			asks = true
			break
		}
	}
	if !asks {
		return false
	}
	for _, n := range socialNames {
		if strings.Contains(low, n) {
			return true
		}
	}
	return false
}

// isReaderPrompt reports a line that turns to the reader instead of
// reporting: "Tell us in the comments.", "(See a multi-media look at ...)",
// "Let us know what you think".
func isReaderPrompt(low string) bool {
	if len(low) > 160 {
		return false
	}
	for _, p := range []string{"tell us ", "let us know", "share your thoughts", "share your views", "share your story",
		"join the conversation", "join the discussion", "what do you think?", "comment below", "leave your comment",
		"leave a comment", "have your say"} {
		if strings.HasPrefix(low, p) {
			return true
		}
	}
	// a whole line in brackets that sends the reader elsewhere
	if strings.HasPrefix(low, "(") && (strings.HasSuffix(low, ")") || strings.HasSuffix(low, ").") || strings.HasSuffix(low, ".)")) {
		for _, p := range []string{"(see ", "(read ", "(watch ", "(click ", "(related", "(listen ", "(view ", "(photos", "(video", "(more on "} {
			if strings.HasPrefix(low, p) {
				return true
			}
		}
	}
	return false
}

// isFigureLabel reports a line that opens with the label of a map or a
// chart the page showed: "Map of Iran highlighting epicenter of
// earthquake: A tremor shook ...". The line is the figure's, not the
// story's.
func isFigureLabel(low string) bool {
	c := strings.Index(low, ": ")
	if c < 0 || c > 100 {
		return false
	}
	for _, p := range []string{"map of ", "a map of ", "map showing ", "graphic showing ", "chart showing ", "a graphic of ", "locator map"} {
		if strings.HasPrefix(low, p) {
			return true
		}
	}
	return false
}
