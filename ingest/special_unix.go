//go:build unix

package ingest

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"syscall"
)

// openRegular opens path for reading only when it is a regular file. The
// open does not block on a FIFO (O_NONBLOCK), and the check runs on the
// opened file, so a path swapped after a directory listing cannot slip a
// pipe through.
func openRegular(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		if errors.Is(err, syscall.ENXIO) || errors.Is(err, syscall.EOPNOTSUPP) {
			return nil, specialFile(fs.ModeSocket)
		}
		return nil, pathError(path, err)
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, pathError(path, err)
	}
	if err := specialFile(st.Mode()); err != nil {
		f.Close()
		return nil, err
	}
	// Regular files ignore O_NONBLOCK; clear it all the same so reads
	// behave as usual.
	if err := syscall.SetNonblock(int(f.Fd()), false); err != nil {
		f.Close()
		return nil, fmt.Errorf("open: %w", err)
	}
	return f, nil
}
