package check

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/crosscheck-news/crosscheck"
	"github.com/crosscheck-news/crosscheck/claim"
)

// benchSentences are invented sentences about an invented event; articles
// are made by recombining them.
var benchSentences = []string{
	"Finance Minister Laura Benedetti left the budget summit in Vienna after just 40 minutes on Monday.",
	"Finance Minister Laura Benedetti left the budget summit after roughly 15 minutes, aides said.",
	"Delegations from more than 40 countries attended the budget summit in Vienna.",
	"At the budget summit, twelve countries pledged new money for the recovery fund.",
	"Benedetti later held a separate 10-minute meeting with Olaf Brandt, the central bank governor.",
	"“We will not accept cuts to the pension budget. The numbers do not add up,” Benedetti said.",
	"Governor Tom Kessler chaired the flood talks in Valencia on Tuesday.",
	"“The damage is worse than we feared,” he said, according to Reuters.",
	"The talks lasted less than an hour, two unnamed officials told the Daily Ledger.",
	"About 3,000 residents had to leave their homes as the river rose on Monday.",
	"Floodwaters forced 3,000 residents of Valencia to leave their homes, the Evening Courier reported.",
	"Mayor Ana Ruiz said the levee would be rebuilt before winter at a cost of $45 million.",
	"Prime Minister Jonas Lind attended the flood talks in Valencia.",
	"Prime Minister Jonas Lind did not attend the flood talks in Valencia.",
	"The recovery fund holds €2.5 billion, up 12% on last year, according to the ministry.",
	"Olaf Brandt warned that interest rates could rise by 0.5 percent before the end of March.",
	"Is the bridge safe for heavy trucks?",
	"Engineers closed the dam in Valencia after cracks appeared in the wall at 15:30 local time.",
	"Interior Minister Karin Holtz opened the flood talks with a minute of silence.",
	"Rescue teams from six regions searched the flooded district for 36 hours.",
	"The European Commission promised to send 200 pumps and 40 engineers by Friday.",
	"Steve Marlowe, the special envoy, met Ana Ruiz for 25 minutes on the sidelines of the talks.",
	"Stephen Marlowe told reporters that the envoy’s visit would last two days.",
	"Witnesses said the water reached the second floor of the town hall within 20 minutes.",
}

func synthArticles(n int, seed uint64) []*crosscheck.Article {
	r := rand.New(rand.NewPCG(seed, 7))
	outlets := []string{"Alpha News", "Beta Post", "Gamma Daily", "Delta Wire", "Epsilon Times", "Zeta Journal", "Eta Herald"}
	var arts []*crosscheck.Article
	for i := 0; i < n; i++ {
		var b strings.Builder
		k := 8 + r.IntN(14)
		for j := 0; j < k; j++ {
			if j > 0 {
				if j%3 == 0 {
					b.WriteString("\n\n")
				} else {
					b.WriteByte(' ')
				}
			}
			b.WriteString(benchSentences[r.IntN(len(benchSentences))])
		}
		id := fmt.Sprintf("a%03d", i)
		arts = append(arts, art(id, outlets[i%len(outlets)], "2024-03-12", b.String()))
	}
	return arts
}

// BenchmarkAnalyze measures the cross-checking stage (claim extraction and
// Analyze) on stories of 5, 50 and 200 articles; articles/s is the figure
// to watch (target: 300 articles/s; 200 articles in under 2 s).
func BenchmarkAnalyze(b *testing.B) {
	for _, n := range []int{5, 20, 50, 200} {
		arts := synthArticles(n, uint64(n))
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Analyze(&crosscheck.Story{ID: "bench"}, arts, Options{})
			}
			b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "articles/s")
		})
	}
}

// BenchmarkExtract measures claim extraction of one article alone.
func BenchmarkExtract(b *testing.B) {
	arts := synthArticles(50, 1)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		claim.Extract(arts[i%len(arts)], claim.Options{})
		i++
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

// TestSynthStory checks the properties that must hold on any story: every
// citation verbatim, no conflict within one outlet, statuses consistent.
func TestSynthStory(t *testing.T) {
	arts := synthArticles(30, 3)
	sr := Analyze(&crosscheck.Story{ID: "synth"}, arts, Options{})
	checkVerbatim(t, sr)
	for _, c := range sr.Claims {
		outs := map[string]bool{}
		for _, s := range c.Sources {
			outs[s.Outlet] = true
		}
		if c.Status == crosscheck.Corroborated && len(outs) < 2 {
			t.Errorf("claim %s corroborated by %d outlets", c.ID, len(outs))
		}
		if c.Independent > len(outs) || c.Independent < 1 {
			t.Errorf("claim %s independent=%d with %d outlets", c.ID, c.Independent, len(outs))
		}
	}
	for _, c := range sr.Conflicts {
		if len(c.Variants) < 2 {
			t.Errorf("conflict %s has %d variants", c.ID, len(c.Variants))
		}
	}
}
