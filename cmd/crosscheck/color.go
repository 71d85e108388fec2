package main

import (
	"io"
	"os"
)

// useColor decides on ANSI colour: "always", "never", or "auto" (a
// terminal, and NO_COLOR unset).
func useColor(mode string, w io.Writer) bool {
	switch mode {
	case "always":
		return true
	case "never":
		return false
	}
	if os.Getenv("NO_COLOR") != "" {
		return false
	}
	return isTerminal(w)
}
