package storecore

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// SearchWords returns the words of s as a full-text index holds them
// before stemming: runs of letters and digits, lowercased, with accents
// removed ("Café" is "cafe"), everything else a separator. It is the rule
// of SQLite's unicode61 tokenizer with remove_diacritics, written once so
// that the PostgreSQL store splits text and queries exactly as the SQLite
// one does, whatever the database's locale.
func SearchWords(s string) []string {
	var words []string
	forEachWord(s, func(w string) { words = append(words, w) })
	return words
}

func forEachWord(s string, fn func(string)) {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if !ascii {
		// Decomposed, an accented letter is its base letter and
		// combining marks, which are dropped below.
		s = norm.NFD.String(s)
	}
	var w []byte
	flush := func() {
		if len(w) > 0 {
			fn(string(w))
			w = w[:0]
		}
	}
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf && ('a' <= r && r <= 'z' || '0' <= r && r <= '9'):
			w = append(w, byte(r))
		case r < utf8.RuneSelf && 'A' <= r && r <= 'Z':
			w = append(w, byte(r+'a'-'A'))
		case r < utf8.RuneSelf:
			flush()
		case unicode.Is(unicode.Mn, r):
			// a combining mark: part of the word, removed
		case IsWordRune(r):
			w = utf8.AppendRune(w, unicode.ToLower(r))
		default:
			flush()
		}
	}
	flush()
}
