package ingest

import (
	"fmt"
	"io/fs"
)

// specialFile refuses what is not a regular file: reading a named pipe
// blocks until some other process writes to it (forever, and deaf to
// Ctrl-C, while blocked in the read), a device may never end, and a socket
// cannot be opened at all. A stream is read through standard input.
func specialFile(m fs.FileMode) error {
	var what string
	switch {
	case m.IsRegular():
		return nil
	case m&fs.ModeNamedPipe != 0:
		what = "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		what = "a socket"
	case m&fs.ModeCharDevice != 0:
		what = "a character device"
	case m&fs.ModeDevice != 0:
		what = "a block device"
	case m&fs.ModeIrregular != 0:
		what = "an irregular file"
	default:
		what = "not a regular file"
		return fmt.Errorf("%s: crosscheck reads regular files and folders; to read a stream, pipe it to standard input (… | crosscheck ingest -)", what)
	}
	return fmt.Errorf("%s, not a regular file: crosscheck reads regular files and folders; to read a stream, pipe it to standard input (… | crosscheck ingest -)", what)
}
