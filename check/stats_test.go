package check

import "testing"

// A player's statistics with no named player are not disputed: "he had
// nine rebounds" and "he had seven rebounds" may be two players.
func TestStatsOfNobody(t *testing.T) {
	r := analyze(
		art("a", "Daily A", "2024-03-12", "The Knicks beat the Nets 101-99 on Monday night. He had nine rebounds and the team rallied late."),
		art("b", "Daily B", "2024-03-12", "The Knicks beat the Nets 101-99 on Monday night. He had seven rebounds as the team rallied late."),
	)
	if hasConflict(r, "nine rebounds", "seven rebounds") {
		t.Errorf("statistics of nobody disputed: %+v", r.Conflicts)
	}
}

// Four shares or more, each given once, are a table of results.
func TestShareTable(t *testing.T) {
	r := analyze(
		art("a", "Daily A", "2024-03-12", "Turnout was high in Freedonia on Sunday. Some 62 percent of the vote in Freedonia went to the ruling party, officials said."),
		art("b", "Daily B", "2024-03-12", "Turnout was high in Freedonia on Sunday. About 20.6 percent of the vote in Freedonia went to the opposition, officials said."),
		art("c", "Daily C", "2024-03-12", "Turnout was high in Freedonia on Sunday. Just 5.6 percent of the vote in Freedonia went to the greens, officials said."),
		art("d", "Daily D", "2024-03-12", "Turnout was high in Freedonia on Sunday. Only 3.1 percent of the vote in Freedonia went to the liberals, officials said."),
	)
	for _, c := range r.Conflicts {
		if len(c.Variants) >= 4 {
			t.Errorf("a table of shares disputed: %+v", c)
		}
	}
}

// A claim of a record or an offence shows no figure: its figure is a key.
func TestKeyedClaimsHaveNoFigures(t *testing.T) {
	r := analyze(
		art("a", "Daily A", "2008-12-13", "A 61-year-old man was charged with first-degree murder on Saturday, police said."),
		art("b", "Daily B", "2008-12-13", "Police said the 61-year-old man was charged with first-degree murder on Saturday."),
	)
	found := false
	for _, c := range r.Claims {
		for _, v := range c.Values {
			if v.Unit == "charge" || v.Unit == "record" || v.Unit == "deathplace" {
				t.Errorf("claim %q shows the key %v", c.Text, v)
			}
		}
		found = found || c.Status == "corroborated"
	}
	if !found {
		t.Errorf("no corroborated claim: %+v", r.Claims)
	}
}
