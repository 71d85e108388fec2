//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package sqlite

import (
	"context"
	"os"
	"syscall"
)

const fileLocks = true

// lockFile takes an exclusive flock on f, waiting until ctx ends. The
// wait is in the kernel, so the lock passes to a waiter the moment its
// holder lets go. It calls release when it fails, once nothing holds or
// waits for the lock any more: a lock granted after ctx ended is released
// first.
func lockFile(ctx context.Context, f *os.File, release func()) error {
	fd := int(f.Fd())
	err := syscall.Flock(fd, syscall.LOCK_EX|syscall.LOCK_NB)
	if err == nil {
		return nil
	}
	if err != syscall.EWOULDBLOCK {
		release()
		return err
	}
	done := make(chan error, 1)
	go func() {
		for {
			err := syscall.Flock(fd, syscall.LOCK_EX)
			if err != syscall.EINTR {
				done <- err
				return
			}
		}
	}()
	select {
	case err := <-done:
		if err != nil {
			release()
		}
		return err
	case <-ctx.Done():
		go func() {
			if <-done == nil {
				syscall.Flock(fd, syscall.LOCK_UN)
			}
			release()
		}()
		return ctx.Err()
	}
}

func unlockFile(f *os.File) { syscall.Flock(int(f.Fd()), syscall.LOCK_UN) }
