//go:build !unix

package ingest

import "os"

// openRegular opens path for reading only when it is a regular file.
func openRegular(path string) (*os.File, error) {
	f, err := os.Open(path)
	if err != nil {
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
	return f, nil
}
