package sqlite

import (
	"fmt"
	"path/filepath"
	"sync"
	"testing"
)

// TestConcurrentCreate: writers opening a store that does not exist yet,
// at the same moment, all open it. Two connections turning a new file to
// WAL mode at once made SQLite refuse one (SQLITE_BUSY, which its busy
// handler does not wait out) before new stores were set up under the
// stories lock.
func TestConcurrentCreate(t *testing.T) {
	dir := t.TempDir()
	const rounds, writers = 100, 3
	for round := range rounds {
		path := filepath.Join(dir, fmt.Sprintf("store%d.db", round))
		errs := make([]error, writers)
		var wg sync.WaitGroup
		for w := range writers {
			wg.Go(func() {
				db, err := Open(t.Context(), path)
				if err == nil {
					err = db.Close()
				}
				errs[w] = err
			})
		}
		wg.Wait()
		for w, err := range errs {
			if err != nil {
				t.Fatalf("round %d, writer %d: %v", round, w, err)
			}
		}
	}
}
