package claim

import (
	"testing"

	"github.com/crosscheck-news/crosscheck"
)

// TestEntityNames reads names as the reports write them, verbatim: the
// sentences are from the ECB+ reference set (CC BY), whose texts are
// detokenised with spaces around hyphens and some periods.
func TestEntityNames(t *testing.T) {
	for _, tt := range []struct {
		name  string
		text  string
		want  map[string]crosscheck.EntityKind // names as written, with their kind ("" any)
		not   []string                         // names that must not be entities
		alias [][2]string                      // pairs one entity of the article must carry
	}{
		{
			name: "a middle initial",
			text: "Boston Red Sox majority owner John W. Henry, CEO Larry Lucchino and general manager Theo Epstein flew to Texas.",
			want: map[string]crosscheck.EntityKind{"John W. Henry": crosscheck.KindPerson, "Larry Lucchino": crosscheck.KindPerson},
			not:  []string{"Henry", "John W"},
		},
		{
			name: "an initial before a speech verb",
			text: "The car was pulled over after about 15 minutes, Genesee County Sheriff Robert J. Pickell said.",
			want: map[string]crosscheck.EntityKind{"Robert J. Pickell": crosscheck.KindPerson},
		},
		{
			name: "a company suffix with its period",
			text: "Christmas party as Benjamin Banky, 40, the Canadian Broadcasting Corp. reported.",
			want: map[string]crosscheck.EntityKind{"Canadian Broadcasting Corp.": crosscheck.KindOrganization, "Benjamin Banky": crosscheck.KindPerson},
		},
		{
			name: "a company suffix before a comma",
			text: "Banky was CEO of TallGrass Distribution Ltd., a wholesaler of natural health products.",
			want: map[string]crosscheck.EntityKind{"TallGrass Distribution Ltd.": crosscheck.KindOrganization},
		},
		{
			name: "an address and a company named Limited",
			text: "Vancouver Police received a call of a man being shot at 40 East 5th Ave. at a business called Tall Grass Distribution Limited.",
			want: map[string]crosscheck.EntityKind{"40 East 5th Ave.": crosscheck.KindPlace, "Tall Grass Distribution Limited": crosscheck.KindOrganization},
		},
		{
			name: "an address spelled out",
			text: "Police said they were called to Tallgrass Distributors Ltd., at 40 East Fifth Avenue., where a man had been shot.",
			want: map[string]crosscheck.EntityKind{"40 East Fifth Avenue": crosscheck.KindPlace, "Tallgrass Distributors Ltd.": crosscheck.KindOrganization},
		},
		{
			name: "spaced initials of a country",
			text: "The quake's magnitude was 5.9, but the U. S. Geological Survey in Golden, Colo., said it was 6.1.",
			want: map[string]crosscheck.EntityKind{"U. S. Geological Survey": crosscheck.KindOrganization},
			not:  []string{"Geological Survey"},
		},
		{
			name: "a country's acronym in an agency's name",
			text: "The US Geological Survey put the epicentre of the quake at about 58km south - west of Bandar Abbas.",
			want: map[string]crosscheck.EntityKind{"US Geological Survey": crosscheck.KindOrganization, "Bandar Abbas": crosscheck.KindPlace},
		},
		{
			name: "a detokenised hyphen in a company's name",
			text: "Hewlett - Packard Co. announced yesterday that it will acquire EYP Mission Critical Facilities Inc., a consulting company for data - center design.",
			want: map[string]crosscheck.EntityKind{"Hewlett - Packard Co.": crosscheck.KindOrganization, "EYP Mission Critical Facilities Inc.": crosscheck.KindOrganization},
		},
		{
			name: "a detokenised hyphen in a person's name",
			text: "Scientists such as Dr Azm Al - Homoud from the American University of Sharjah have been trying to educate engineers about the risks of a 6 - magnitude quake.",
			want: map[string]crosscheck.EntityKind{"Azm Al - Homoud": crosscheck.KindPerson, "American University of Sharjah": crosscheck.KindOrganization},
		},
		{
			name: "an Arabic article joined by a detokenised hyphen",
			text: "Al - Sawarmi Khalid, spokesman for Sudan's armed forces, said Sudan had not bombed the camp in the south - east.",
			want: map[string]crosscheck.EntityKind{"Al - Sawarmi Khalid": crosscheck.KindPerson},
		},
		{
			name: "names with numbers",
			text: "Priority will be to recover the SEA-ME-WE 4 cable, then the SEA-ME-WE 3 cable, France Telecom said. The cuts were to the Sea Me We 4 and Sea Me We 3 lines.",
			want: map[string]crosscheck.EntityKind{"SEA-ME-WE 4": "", "SEA-ME-WE 3": "", "Sea Me We 4": "", "Sea Me We 3": "", "France Telecom": crosscheck.KindOrganization},
		},
		{
			name: "a ship's prefix with a slash",
			text: "The passengers and crew have rejoined the M/S Columbus in Oman's capital Muscat.",
			want: map[string]crosscheck.EntityKind{"M/S Columbus": crosscheck.KindOther, "Muscat": crosscheck.KindPlace},
		},
		{
			name: "a ship's prefix after a craft noun",
			text: "A day earlier, the German cruise liner MS Columbus said it would fly its 246 passengers to Oman.",
			want: map[string]crosscheck.EntityKind{"MS Columbus": crosscheck.KindOther},
		},
		{
			name: "a compass adjective in a region's name",
			text: "Many residents in the Sudanese provinces of Southern Kordofan and Blue Nile fought alongside the south during its civil war.",
			want: map[string]crosscheck.EntityKind{"Southern Kordofan": crosscheck.KindPlace, "Blue Nile": crosscheck.KindPlace},
			not:  []string{"Kordofan"},
		},
		{
			name: "New in a place's name",
			text: "There are also reports this week of bombing in New Guffa village of South Sudan's Upper Nile state.",
			want: map[string]crosscheck.EntityKind{"New Guffa": crosscheck.KindPlace},
			not:  []string{"Guffa"},
		},
		{
			name:  "an agency's name with and, and its acronym in brackets",
			text:  "Indonesia's Meteorology and Geophysics Agency (BMG) said Papua had been hit by 842 aftershocks.",
			want:  map[string]crosscheck.EntityKind{"Meteorology and Geophysics Agency": crosscheck.KindOrganization},
			alias: [][2]string{{"Meteorology and Geophysics Agency", "BMG"}},
		},
		{
			name: "a generational suffix",
			text: "Anthony LaCalamita III, 38, said nothing after officers surrounded him, the sheriff said.",
			want: map[string]crosscheck.EntityKind{"Anthony LaCalamita III": crosscheck.KindPerson},
		},
		{
			name: "a team named with a number",
			text: "The Philadelphia 76ers fired coach Maurice Cheeks on Saturday. The 76ers are 9-14.",
			want: map[string]crosscheck.EntityKind{"Philadelphia 76ers": "", "76ers": "", "Maurice Cheeks": crosscheck.KindPerson},
		},
		{
			name: "an auxiliary verb starting a question",
			text: "Does HP still plan to buy the company? Analysts say HP will.",
			want: map[string]crosscheck.EntityKind{"HP": crosscheck.KindOrganization},
			not:  []string{"Does HP"},
		},
		{
			name: "a surname after a noun that takes in",
			text: "Publicly and privately, the Sox are saying nothing about their interest in Teixeira. Mark Teixeira is a free agent.",
			want: map[string]crosscheck.EntityKind{"Mark Teixeira": crosscheck.KindPerson},
		},
		{
			name:  "a comma alone lists nothing",
			text:  "Spokesman Jerry Strickland said Jeffs was flown to Utah. An officer flew with him back to Texas, Strickland said.",
			alias: [][2]string{{"Jerry Strickland", "Strickland"}},
		},
		{
			name: "a list gives its kind to names with none",
			text: "The quake destroyed homes on Qeshm Island, Tonban, Gavarzin and Khaledin.",
			want: map[string]crosscheck.EntityKind{"Tonban": crosscheck.KindPlace, "Gavarzin": crosscheck.KindPlace, "Khaledin": crosscheck.KindPlace},
		},
		{
			name: "numbers after names that are no part of them",
			text: "Chelsea 2, Arsenal 1 was the score on December 25 when Iran 10 days later said it would sign.",
			not:  []string{"Chelsea 2", "Arsenal 1", "Iran 10"},
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			an := Extract(article("a", "X", "2024-03-12", tt.text), Options{})
			kinds := map[string]crosscheck.EntityKind{}
			of := map[string]int{}
			for i, e := range an.Entities {
				for _, n := range append([]string{e.Name}, e.Aliases...) {
					kinds[n] = e.Kind
					of[n] = i
				}
			}
			for n, k := range tt.want {
				got, ok := kinds[n]
				if !ok {
					t.Errorf("no entity %q; entities %v", n, kinds)
					continue
				}
				if k != "" && got != k {
					t.Errorf("kind of %q=%q, want %q", n, got, k)
				}
			}
			for _, n := range tt.not {
				if _, ok := kinds[n]; ok {
					t.Errorf("%q is an entity; entities %v", n, kinds)
				}
			}
			for _, p := range tt.alias {
				i, ok1 := of[p[0]]
				j, ok2 := of[p[1]]
				if !ok1 || !ok2 || i != j {
					t.Errorf("%q and %q are not one entity; entities %v", p[0], p[1], kinds)
				}
			}
			for _, m := range an.Mentions {
				if got := tt.text[m.Start:m.End]; got != m.Text {
					t.Errorf("mention %q spans %q", m.Text, got)
				}
			}
		})
	}
}

// A surname the text only ever uses to open a sentence is a name when the
// headline gives the person in full; "Jr., 49," is that person's age.
func TestHeadlineNamesAndAge(t *testing.T) {
	a := article("a", "X", "2009-11-30", "A convicted inmate pulled a gun on two guards on Monday.\nComeaux, 49, took the officers' weapons, officials said.\nComeaux was serving a life sentence.")
	a.Title = "Arcade Joseph Comeaux Jr, Prison Inmate, Pulls Gun On Guards"
	an := Extract(a, Options{})
	found := false
	for _, e := range an.Entities {
		if e.Name == "Comeaux" && e.Kind == crosscheck.KindPerson {
			found = true
		}
	}
	if !found {
		t.Errorf("Comeaux is no person: %+v", an.Entities)
	}
	b := Extract(article("b", "X", "2009-11-30", "Arcade Joseph Comeaux Jr., 49, is serving a life sentence."), Options{})
	aged := false
	for _, f := range b.Facts {
		for _, v := range f.Values {
			if v.Attr == AttrAge && v.Min == 49 && v.Holder >= 0 {
				aged = true
			}
		}
	}
	if !aged {
		t.Errorf("no age of 49 held by Comeaux in %+v", b.Facts)
	}
}
