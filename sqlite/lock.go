package sqlite

import (
	"context"
	"fmt"
	"os"
	"sync"
)

// storiesLock serialises the changes to stories among every process (and
// goroutine) writing one store, apart from SQLite's write lock: a writer
// holds it from reading what others placed, through clustering in memory,
// to committing its placements, while SQLite's write lock is taken only
// for the commit. Other writers store articles meanwhile.
//
// Across processes it is an flock(2) on a file beside the store (the
// store's name and "-lock"), which the kernel hands to the next waiter at
// once and releases when a process dies; SQLite's own busy handler polls
// with sleeps of up to 100 ms. Inside one process a channel serialises
// the goroutines, as flock does not.
type storiesLock struct {
	path string
	sem  chan struct{} // holds a token while a goroutine of this process holds the lock

	mu     sync.Mutex
	f      *os.File // opened at the first lock, kept for the store's lifetime
	closed bool     // close was called; the last holder closes f
}

func newStoriesLock(storePath string) *storiesLock {
	return &storiesLock{path: storePath + "-lock", sem: make(chan struct{}, 1)}
}

// lock waits for the lock until ctx ends. held is false, with a nil error,
// where the system has no file locks: the caller must then do its whole
// change inside one write transaction, under SQLite's write lock.
func (l *storiesLock) lock(ctx context.Context) (held bool, err error) {
	if !fileLocks {
		return false, nil
	}
	select {
	case l.sem <- struct{}{}:
	case <-ctx.Done():
		return false, ctx.Err()
	}
	f, err := l.file()
	if err != nil {
		<-l.sem
		return false, fmt.Errorf("lock stories: %w", err)
	}
	// A wait given up on ctx hands the token back only once the flock it
	// may still get is released, so no other goroutine takes the lock on
	// the same file meanwhile, nor close closes the file under it.
	if err := lockFile(ctx, f, l.release); err != nil {
		return false, fmt.Errorf("lock stories: %w", err)
	}
	return true, nil
}

// unlock releases a lock taken by lock with held set.
func (l *storiesLock) unlock() {
	l.mu.Lock()
	if l.f != nil {
		unlockFile(l.f)
	}
	l.mu.Unlock()
	l.release()
}

// release hands the token back, closing the file first if close was
// called meanwhile.
func (l *storiesLock) release() {
	l.mu.Lock()
	if l.closed && l.f != nil {
		l.f.Close() // nothing to tell: the store is closed, its lock gone either way
		l.f = nil
	}
	l.mu.Unlock()
	<-l.sem
}

func (l *storiesLock) file() (*os.File, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.closed {
		return nil, os.ErrClosed
	}
	if l.f == nil {
		f, err := os.OpenFile(l.path, os.O_RDWR|os.O_CREATE, 0o644)
		if err != nil {
			return nil, err
		}
		l.f = f
	}
	return l.f, nil
}

// close closes the lock file (the file stays: removing it could let two
// processes lock two different files of the same name). A goroutine still
// holding or waiting for the lock closes it when it lets go.
func (l *storiesLock) close() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.closed = true
	select {
	case l.sem <- struct{}{}:
		defer func() { <-l.sem }()
	default:
		return nil
	}
	if l.f == nil {
		return nil
	}
	err := l.f.Close()
	l.f = nil
	return err
}
