package testcorpus

import "time"

// ApartInTime reports stories (each given by its reports' publication
// days) that lie more than four weeks from every report of every other
// story: reports of one case published a year apart are stories of their
// own times, beyond a clusterer's window of weeks. A story with no dated
// report cannot be placed in time, and makes the answer false.
func ApartInTime(stories [][]time.Time) bool {
	const gap = 28 * 24 * time.Hour
	for i, a := range stories {
		if len(a) == 0 {
			return false
		}
		for _, b := range stories[i+1:] {
			for _, x := range a {
				for _, y := range b {
					if d := x.Sub(y); d < gap && d > -gap {
						return false
					}
				}
			}
		}
	}
	return true
}
