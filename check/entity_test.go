package check

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck-news/crosscheck"
	"github.com/crosscheck-news/crosscheck/claim"
)

// TestMergeEntities is the table of what a story's entities must join and
// keep apart. Each case is a story of short reports, one outlet each: the
// names are real (ECB+ reference set, CC BY, and news generally), the
// sentences short.
func TestMergeEntities(t *testing.T) {
	for _, tt := range []struct {
		name    string
		reports []string
		same    [][]string // every group: names of one entity
		apart   [][2]string
	}{
		{
			name: "a nickname",
			reports: []string{
				"The Philadelphia 76ers fired coach Maurice Cheeks on Saturday. Cheeks was 9-14 this season.",
				"The Sixers fired Mo Cheeks after a 9-14 start, the team said.",
			},
			same: [][]string{{"Maurice Cheeks", "Mo Cheeks"}},
		},
		{
			name: "a transliterated given name",
			reports: []string{
				"Union leader Giannis Panagopoulos said the strike would go on.",
				"Yiannis Panagopoulos, head of the GSEE union, said workers would march again.",
			},
			same: [][]string{{"Giannis Panagopoulos", "Yiannis Panagopoulos"}},
		},
		{
			name: "a surname one letter apart, the same given name",
			reports: []string{
				"Hospital spokeswoman Ilene Wolfe said two victims were in critical condition.",
				"Two victims were in critical condition, said Ilene Wolff, a hospital spokeswoman.",
			},
			same: [][]string{{"Ilene Wolfe", "Ilene Wolff"}},
		},
		{
			name: "a particle and a generational suffix left out",
			reports: []string{
				"Anthony LaCalamita III, 38, was charged with murder.",
				"Police said Anthony Calamita had been fired the week before.",
			},
			same: [][]string{{"Anthony LaCalamita III", "Anthony Calamita"}},
		},
		{
			name: "a given name by its initial",
			reports: []string{
				"The Yankees signed John Burnett on Friday.",
				"The Yankees also added J. Burnett to their rotation.",
				"Coach Tony DiLeo said T.J. DiLeo, his son, would stay in Europe.",
			},
			same:  [][]string{{"John Burnett", "J. Burnett"}},
			apart: [][2]string{{"Tony DiLeo", "T.J. DiLeo"}},
		},
		{
			name: "a double surname with its hyphen written apart",
			reports: []string{
				"IMF chief Dominique Strauss-Kahn arrived in Athens. Strauss-Kahn met the prime minister.",
				"Dominique Strauss - Kahn said the loan was ready, in a text that writes a 24 - hour strike. Strauss - Kahn left.",
			},
			same: [][]string{{"Dominique Strauss-Kahn", "Strauss-Kahn", "Dominique Strauss - Kahn", "Strauss - Kahn"}},
		},
		{
			name: "a surname misspelled once against its usual spelling",
			reports: []string{
				"The Red Sox offered Mark Teixeira an eight-year deal. Teixeira has not answered. " +
					"Teixeira wants more money. The Sox see Teixiera as a must-have player.",
				"Mark Teixeira is the best free agent left, and Teixeira knows it.",
			},
			same: [][]string{{"Mark Teixeira", "Teixiera"}},
		},
		{
			name: "an Arabic name in three forms",
			reports: []string{
				"Sudan Armed Forces spokesman Sawarmi Khaled Saad denied the bombing.",
				"Sudanese army spokesman Khaled Saad said no aircraft had flown there.",
				"Al - Sawarmi Khalid, spokesman for Sudan's armed forces, said Sudan had not bombed the camp in the south - east.",
			},
			same: [][]string{{"Sawarmi Khaled Saad", "Khaled Saad", "Al - Sawarmi Khalid"}},
		},
		{
			name: "a nickname alone",
			reports: []string{
				"Receptionist Madeline Kafoury was among the dead.",
				"Madeline Kafoury had worked at the firm for years. Maddie was revered by clients, her employer said.",
			},
			same: [][]string{{"Madeline Kafoury", "Maddie"}},
		},
		{
			name: "an agency, its acronym and its country's names",
			reports: []string{
				"The U. S. Geological Survey said the quake was 6.1, in a text that writes a 6 - magnitude quake.",
				"The US Geological Survey put the epicentre near Qeshm.",
				"The United States Geological Survey measured a magnitude of 6.1.",
				"The USGS said the quake was shallow.",
			},
			same: [][]string{{"U. S. Geological Survey", "US Geological Survey", "United States Geological Survey", "USGS"}},
		},
		{
			name: "companies by acronym, suffix and hyphen",
			reports: []string{
				"Hewlett - Packard Co. announced it will acquire EYP Mission Critical Facilities Inc. for data - center work.",
				"Hewlett - Packard Corp. has opened its checkbook. EYP Mission, which has 350 employees, is based in New York.",
				"By acquiring EYP MCF, HP will help customers cut power use.",
				"HP said Dynamic Smart Cooling would be offered too.",
				"HP has been selling its Smart Dynamic Cooling offering.",
			},
			same: [][]string{
				{"HP", "Hewlett - Packard Co.", "Hewlett - Packard Corp."},
				{"EYP Mission Critical Facilities Inc.", "EYP Mission", "EYP MCF"},
				{"Dynamic Smart Cooling", "Smart Dynamic Cooling"},
			},
		},
		{
			name: "a company written three ways, and its address",
			reports: []string{
				"Banky was CEO of TallGrass Distribution Ltd., a wholesaler of natural health products.",
				"Police were called to Tallgrass Distributors Ltd., at 40 East Fifth Avenue., where a man had been shot.",
				"A man was shot at 40 East 5th Ave. at a business called Tall Grass Distribution Limited.",
				"The Canadian Broadcasting Corp. reported the shooting.",
				"The CBC said the gunman surrendered.",
			},
			same: [][]string{
				{"TallGrass Distribution Ltd.", "Tallgrass Distributors Ltd.", "Tall Grass Distribution Limited"},
				{"40 East 5th Ave.", "40 East Fifth Avenue"},
				{"Canadian Broadcasting Corp.", "CBC"},
			},
		},
		{
			name: "place names transliterated",
			reports: []string{
				"The quake hit the province of Hormozgan on Sunday. Villages near Talodi were bombed.",
				"Rescuers reached the worst-hit villages of Hormouzgan province.",
				"The governor of Hormuzgan province said 40 percent of buildings were destroyed.",
				"Rebels fought south of the town of Taludi on Thursday.",
			},
			same: [][]string{{"Hormozgan", "Hormouzgan", "Hormuzgan"}, {"Talodi", "Taludi"}},
		},
		{
			name: "one word or two, and numbered cables",
			reports: []string{
				"The raid on the ranch near Eldorado, Texas, began in April.",
				"Children were taken from the ranch in El Dorado to San Angelo.",
				"Priority will be to recover the SEA-ME-WE 4 cable, then the SEA-ME-WE 3 cable, France Telecom said.",
				"The cuts were to the Sea Me We 4 and Sea Me We 3 lines. The SMW4 cable links Asia and Europe.",
			},
			same:  [][]string{{"Eldorado", "El Dorado"}, {"SEA-ME-WE 4", "Sea Me We 4", "SMW4"}, {"SEA-ME-WE 3", "Sea Me We 3"}},
			apart: [][2]string{{"SEA-ME-WE 4", "SEA-ME-WE 3"}, {"SMW4", "Sea Me We 3"}},
		},
		{
			name: "two people with one surname",
			reports: []string{
				"Lou Williams scored 20 points for the Sixers.",
				"Marvin Williams scored 12 for the Hawks. Williams also had five rebounds.",
				"Maria Lopez and Mario Lopez, her brother, were in the crowd.",
				"Mario Lopez said the game was tense.",
				"Dan Smith coached the Hawks. Don Smith watched.",
			},
			apart: [][2]string{{"Lou Williams", "Marvin Williams"}, {"Maria Lopez", "Mario Lopez"}, {"Dan Smith", "Don Smith"}},
		},
		{
			name: "a person and the place named after him",
			reports: []string{
				"Abraham Lincoln was born in Kentucky.",
				"The museum in Lincoln opened in 1990. Lincoln is the capital of Nebraska.",
			},
			apart: [][2]string{{"Abraham Lincoln", "Lincoln"}},
		},
		{
			name: "places alike in name",
			reports: []string{
				"Israeli troops entered Gaza on Friday.",
				"Tourists left Giza after the protests. Egypt closed Giza for a week.",
				"Fighting spread from Sudan to South Sudan.",
				"Aid reached Guffa and New Guffa, two villages.",
				"The most affected villages were Gourian and Khaledin.",
				"Villages hit were Tourian and Khaldin.",
				"Trains from Hamburg to Homburg were cancelled; Hamburg police said Homburg was cut off.",
			},
			same:  [][]string{{"Khaledin", "Khaldin"}},
			apart: [][2]string{{"Gaza", "Giza"}, {"Sudan", "South Sudan"}, {"Guffa", "New Guffa"}, {"Gourian", "Tourian"}, {"Hamburg", "Homburg"}},
		},
		{
			name: "names after the things they are named for",
			reports: []string{
				"The Los Angeles Times reported the offer. The LA Times said Boras asked for more.",
				"Teams in Los Angeles were interested, the paper said.",
				"The New York Times said the Yankees were in. In New York, fans waited.",
				"Jeffs was held at the Stiles Unit, a prison. He was flown to Stiles on Monday.",
				"Shoppers fled the Marfin Egnatia Bank branch. The Marfin Investment Bank owns it. Marfin Bank staff died.",
			},
			same: [][]string{{"Los Angeles Times", "LA Times"}},
			apart: [][2]string{{"Los Angeles", "Los Angeles Times"}, {"New York", "New York Times"}, {"Stiles Unit", "Stiles"},
				{"Marfin Egnatia Bank", "Marfin Investment Bank"}},
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var arts []*crosscheck.Article
			for i, text := range tt.reports {
				arts = append(arts, art(fmt.Sprintf("r%d", i), fmt.Sprintf("Outlet %d", i), "2024-03-12", text))
			}
			r := analyze(arts...)
			find := func(name string) int {
				for i, e := range r.Entities {
					if e.Name == name || containsFold(e.Aliases, name) {
						return i
					}
				}
				return -1
			}
			show := func() string {
				var b strings.Builder
				for _, e := range r.Entities {
					fmt.Fprintf(&b, "\n  [%s] %s | %s", e.Kind, e.Name, strings.Join(e.Aliases, " | "))
				}
				return b.String()
			}
			for _, g := range tt.same {
				first := find(g[0])
				for _, n := range g {
					if i := find(n); i < 0 || i != first {
						t.Errorf("%q is not one entity with %q (%d, %d); entities:%s", n, g[0], i, first, show())
					}
				}
			}
			for _, p := range tt.apart {
				i, j := find(p[0]), find(p[1])
				if i < 0 || j < 0 {
					t.Errorf("%q or %q is no entity (%d, %d); entities:%s", p[0], p[1], i, j, show())
				} else if i == j {
					t.Errorf("%q and %q are one entity: %+v", p[0], p[1], r.Entities[i])
				}
			}
		})
	}
}

// BenchmarkMergeEntities merges the entities of all 190 reports of the
// reference events read as one story: thousands of names, most of them
// unrelated, the worst case for the rules' candidate indexes.
func BenchmarkMergeEntities(b *testing.B) {
	split := goldSplit(b)
	var arts []*crosscheck.Article
	for ev := range split {
		arts = append(arts, loadEvent(b, filepath.Join(goldRoot, ev))...)
	}
	ans := extractAll(arts, claim.Options{})
	n := 0
	for _, an := range ans {
		n += len(an.Entities)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		s := &state{ans: ans, rep: &crosscheck.StoryReport{}}
		s.mergeEntities()
	}
	b.ReportMetric(float64(n), "entities")
}
