package ingest

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

func TestToUTF8(t *testing.T) {
	enc := func(cm *charmap.Charmap, s string) string {
		b, err := cm.NewEncoder().Bytes([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	const ru = "Министр заявил журналистам, что переговоры в городе Вельске продолжатся в четверг утром, а делегации уже прибыли."
	const fr = "Le maire de Sévrac a annoncé que la fête aura lieu à l'été; les élèves défileront près de l'église."
	padding := "<!-- " + strings.Repeat("x", 2000) + " -->"
	tests := []struct {
		name, ct, in, want string
	}{
		{"ascii", "", "plain words", "plain words"},
		{"utf-8 BOM", "", "\xef\xbb\xbfcafé", "café"},
		{"utf-16le BOM", "", "\xff\xfec\x00a\x00f\x00\xe9\x00", "café"},
		{"utf-16be BOM", "", "\xfe\xff\x00c\x00a\x00f\x00\xe9", "café"},
		{"ascii start, utf-8 after 1 KiB", "", padding + "<p>" + ru, padding + "<p>" + ru},
		{"utf-8 under a stale legacy meta", "", `<meta charset="windows-1251"><p>` + ru, `<meta charset="windows-1251"><p>` + ru},
		{"utf-8 under a wrong header", "text/html; charset=iso-8859-1", fr, fr},
		{"cp1251 by header", "text/html; charset=windows-1251", "<p>" + enc(charmap.Windows1251, ru), "<p>" + ru},
		{"cp1251 by meta after 1 KiB", "text/html", padding + `<meta charset="windows-1251"><p>` + enc(charmap.Windows1251, ru), padding + `<meta charset="windows-1251"><p>` + ru},
		{"koi8-r by xml declaration", "", `<?xml version="1.0" encoding="koi8-r"?><p>` + enc(charmap.KOI8R, ru), `<?xml version="1.0" encoding="koi8-r"?><p>` + ru},
		{"cp1251 undeclared", "", "<p>" + enc(charmap.Windows1251, ru+" "+ru), "<p>" + ru + " " + ru},
		{"latin-1 undeclared", "", enc(charmap.ISO8859_1, fr), fr},
		{"latin-1 declared utf-8", "text/plain; charset=utf-8", enc(charmap.ISO8859_1, fr), fr},
		{"utf-8 with one stray byte", "text/plain; charset=utf-8", "café crème brûlée \xff fin", "café crème brûlée \uFFFD fin"},
		{"unknown label", "text/plain; charset=x-nonsense", enc(charmap.ISO8859_1, fr), fr},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ToUTF8([]byte(tt.in), tt.ct)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Fatalf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

// FuzzToUTF8: the output is always valid UTF-8, and valid UTF-8 input
// without a BOM comes back unchanged.
func FuzzToUTF8(f *testing.F) {
	f.Add([]byte("caf\xe9"), "text/html; charset=windows-1251")
	f.Add([]byte("\xff\xfea\x00"), "")
	f.Add([]byte(`<meta charset="koi8-r">`+"\xc1\xc2"), "")
	f.Add([]byte("plain"), "text/plain; charset=utf-16")
	f.Fuzz(func(t *testing.T, b []byte, ct string) {
		out, err := ToUTF8(b, ct)
		if err != nil {
			return
		}
		if !utf8.Valid(out) {
			t.Fatalf("ToUTF8(%q, %q)=%q: not valid UTF-8", b, ct, out)
		}
		if utf8.Valid(b) && !bytes.HasPrefix(b, []byte("\xef\xbb\xbf")) && !utf16BOM(b) && !bytes.Equal(out, b) {
			t.Fatalf("valid UTF-8 %q changed to %q", b, out)
		}
	})
}
