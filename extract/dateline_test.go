package extract

import "testing"

// Date lines of text that was split into words and joined again keep
// their date: "5: 46 PM", "7: 08 p. m.", "July 29, 2011|10: 57 pm".
func TestSpacedDateLines(t *testing.T) {
	for line, want := range map[string]string{
		"on August 04 2011 5: 46 PM":                      "2011-08-04",
		"August 10, 2011 - - Updated 0947 GMT (1747 HKT)": "2011-08-10",
		"Published: Tuesday, Aug. 2 2011 7: 08 p. m. MDT": "2011-08-02",
		"Published Thursday, August 4, 2011 5: 55PM EDT":  "2011-08-04",
		"July 29, 2011|10: 57 pm":                         "2011-07-29",
		"Saturday, June 12, 2010":                         "2010-06-12",
	} {
		d, ok := parseDateLine(line)
		if !ok || d.t.Format("2006-01-02") != want {
			t.Errorf("parseDateLine(%q) = %v %v, want %s", line, d.t, ok, want)
		}
	}
	for _, line := range []string{"Updated 0947 GMT", "Five years ago, 20 people died", "10: 57"} {
		if d, ok := parseDateLine(line); ok {
			t.Errorf("parseDateLine(%q) = %v, want no date", line, d.t)
		}
	}
}
