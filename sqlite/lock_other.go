//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package sqlite

import (
	"context"
	"os"
)

// Without flock, placement runs inside one write transaction (see
// storiesLock.lock).
const fileLocks = false

func lockFile(context.Context, *os.File, func()) error { return nil }

func unlockFile(*os.File) {}
