package claim

import (
	_ "embed"
	"strings"

	"github.com/crosscheck-news/crosscheck"
)

// Reporting language: who a sentence credits, and with which verb. Quotes
// and credits read the same clauses: "police said", "said the minister",
// "according to court documents", "X told Reuters", "X was quoted by IRNA
// as saying". The words are data (data/speech.txt); this file is the
// mechanism that reads them over a sentence's tokens.

//go:embed data/speech.txt
var speechData string

// speechLexicon is data/speech.txt read into sets.
type speechLexicon struct {
	say, report, participle, between map[string]bool
	// witnessVerb credits only a reporter or a witness ("heard", "saw");
	// afterQuote verbs attribute only the quotation before them ("read").
	witnessVerb, afterQuote   map[string]bool
	before, medium, anonymous [][]string
	// kind maps the head noun of a credited phrase to the kind of source
	// it makes ("police": official, "witnesses": witness).
	kind                             map[string]crosscheck.AttributionKind
	witnessRole, pressRole           map[string]bool
	agency, outletName, outletSuffix map[string]bool
	// body heads are institutions credited as a whole ("Vancouver
	// police"); statement heads stand for their issuer; institution words
	// as modifiers credit the institution too ("a police sergeant").
	body, statement, institution map[string]bool
}

var speech = readSpeech(speechData)

func readSpeech(data string) *speechLexicon {
	l := &speechLexicon{
		say: map[string]bool{}, report: map[string]bool{}, witnessVerb: map[string]bool{}, afterQuote: map[string]bool{}, participle: map[string]bool{}, between: map[string]bool{},
		kind: map[string]crosscheck.AttributionKind{}, witnessRole: map[string]bool{}, pressRole: map[string]bool{},
		agency: map[string]bool{}, outletName: map[string]bool{}, outletSuffix: map[string]bool{},
		body: map[string]bool{}, statement: map[string]bool{}, institution: map[string]bool{},
	}
	kinds := map[string]crosscheck.AttributionKind{
		"official": crosscheck.AttrOfficial, "witness": crosscheck.AttrWitness, "unnamed": crosscheck.AttrAnonymous,
		"documents": crosscheck.AttrDocuments, "outlet": crosscheck.AttrOutlet,
	}
	for _, line := range strings.Split(data, "\n") {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		sec, words, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		sec = strings.TrimSpace(sec)
		for _, w := range strings.Fields(words) {
			phrase := strings.Split(w, "_")
			w = strings.Join(phrase, " ")
			switch sec {
			case "say":
				l.say[w] = true
			case "report":
				l.report[w] = true
			case "afterquote":
				l.afterQuote[w] = true
			case "witnessverb":
				l.witnessVerb[w] = true
			case "participle":
				l.participle[w] = true
			case "between":
				l.between[w] = true
			case "before":
				l.before = append(l.before, phrase)
			case "medium":
				l.medium = append(l.medium, phrase)
			case "anonymous":
				l.anonymous = append(l.anonymous, phrase)
			case "witnessrole":
				l.witnessRole[w] = true
			case "pressrole":
				l.pressRole[w] = true
			case "agency":
				l.agency[w] = true
			case "outletname":
				l.outletName[w] = true
			case "outletsuffix":
				l.outletSuffix[w] = true
			case "institution":
				l.institution[w] = true
			case "body", "statement":
				if sec == "body" {
					l.body[w] = true
				} else {
					l.statement[w] = true
				}
				if _, seen := l.kind[w]; !seen {
					l.kind[w] = crosscheck.AttrOfficial
				}
			default:
				if k, ok := kinds[sec]; ok {
					if _, seen := l.kind[w]; !seen {
						l.kind[w] = k
					}
				}
			}
		}
	}
	return l
}

// isReporting reports a verb that credits its subject.
func isReporting(low string) bool { return speech.say[low] || speech.report[low] }

// quotingReport are the verbs of reporting that introduce a quotation as
// verbs of saying do ('..., the BBC reported', 'SI.com is reporting that,
// "..."').
var quotingReport = set(`reported reports reporting revealed reveals published publishes`)

// matchWords returns the length of the first phrase of ps that the tokens
// from i spell, 0 when none.
func matchWords(toks []token, i int, ps [][]string) int {
	for _, p := range ps {
		if i+len(p) > len(toks) {
			continue
		}
		ok := true
		for k, w := range p {
			if toks[i+k].low != w {
				ok = false
				break
			}
		}
		if ok {
			return len(p)
		}
	}
	return 0
}

// boundaryWords start a new clause: a credited phrase never runs over one.
var boundaryWords = set(`that which but and or nor while as because when if so since after before although
though where whereas than unless until whether yet once`)

// relativeWords start a relative clause inside a phrase ("a spokeswoman who
// asked not to be named").
var relativeWords = set(`who whom whose which`)

// personalPronouns stand for a source named elsewhere.
var personalPronouns = set(`he she it they we i you him her them us me`)

// auxVerbs and other verbs that end a phrase read backwards.
var auxVerbs = set(`is are was were be been being has have had do does did will would can could
may might must shall should`)

// postModifiers may follow the head of a credited phrase: "a spokesman
// for X", "Witnesses at the camp", "records obtained by X".
var postModifiers = set(`of for at with from in by`)

// quoteMarkRune reports a quotation mark.
func quoteMarkText(s string) bool {
	switch s {
	case "\"", "“", "”", "„", "«", "»", "'", "‘", "’":
		return true
	}
	return false
}

// doubleMark reports a double quotation mark.
func doubleMark(s string) bool {
	switch s {
	case "\"", "“", "”", "„", "«", "»":
		return true
	}
	return false
}

// isVerbLike reports a lower-case word that is a verb of the sentence, not
// part of a name or a noun phrase.
func isVerbLike(t token) bool {
	if t.kind != 'w' || t.cap {
		return false
	}
	return isReporting(t.low) || auxVerbs[t.low] || verbish[t.low] || speechVerbs[t.low]
}

// hardStop ends a phrase in either direction.
func hardStop(t token) bool {
	if t.kind == 'p' {
		switch t.text {
		case ".", "-", "'", "’", "&", "/":
			return false
		}
		return true
	}
	return t.kind == 'w' && !t.cap && boundaryWords[t.low]
}
