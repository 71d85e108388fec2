package sqlite

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"
)

// TestStoriesLock: two handles on one store (as two processes) take the
// stories lock in turn; a wait given up on its context leaves the lock
// usable, by its handle and by the other.
func TestStoriesLock(t *testing.T) {
	if !fileLocks {
		t.Skip("no file locks on this system")
	}
	path := filepath.Join(t.TempDir(), "store.db")
	a, b := newStoriesLock(path), newStoriesLock(path)
	defer a.close()
	defer b.close()
	ctx := t.Context()
	if held, err := a.lock(ctx); !held || err != nil {
		t.Fatalf("first lock: held=%v, %v", held, err)
	}

	// b waits while a holds the lock, and gives up with its context.
	short, cancel := context.WithTimeout(ctx, 50*time.Millisecond)
	defer cancel()
	if held, err := b.lock(short); held || !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("lock held elsewhere: held=%v, %v; want a timeout", held, err)
	}
	// So does a second goroutine of a's own process.
	short2, cancel2 := context.WithTimeout(ctx, 50*time.Millisecond)
	defer cancel2()
	if held, err := a.lock(short2); held || !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("lock held by this handle: held=%v, %v; want a timeout", held, err)
	}

	got := make(chan time.Time, 1)
	go func() {
		if held, err := b.lock(ctx); !held || err != nil {
			t.Errorf("lock after release: held=%v, %v", held, err)
		}
		at := time.Now()
		b.unlock()
		got <- at
	}()
	time.Sleep(50 * time.Millisecond)
	released := time.Now()
	a.unlock()
	select {
	case at := <-got:
		if at.Before(released) {
			t.Errorf("b took the lock while a held it")
		}
	case <-time.After(5 * time.Second):
		t.Fatal("b did not get the lock after a released it")
	}
	// The abandoned waits left nothing behind: a takes it again.
	if held, err := a.lock(ctx); !held || err != nil {
		t.Fatalf("lock again: held=%v, %v", held, err)
	}
	a.unlock()
}
