package crosscheck

import (
	"errors"
	"fmt"
)

// Error codes: what went wrong, for the user or for a program.
const (
	EINVALID  = "invalid"   // the input is not acceptable
	ENOTFOUND = "not_found" // no such article or story
	ECONFLICT = "conflict"  // the change clashes with a later one (undo it first)
	EINTERNAL = "internal"  // a bug or an environment failure
)

// Error is an error the user can act on: Message says what to do.
type Error struct {
	Code    string
	Message string
}

func (e *Error) Error() string { return e.Message }

// Errorf returns an *Error with the code and formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of an *Error in err's chain, EINTERNAL otherwise.
func ErrorCode(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	if err == nil {
		return ""
	}
	return EINTERNAL
}

// InputError is the failure of one input of a batch; the batch goes on.
type InputError struct {
	// Input names the input: path, URL, PATH:LINE for a JSON Lines record.
	Input string
	// Err is the reason.
	Err error
}

func (e *InputError) Error() string { return e.Input + ": " + e.Err.Error() }
func (e *InputError) Unwrap() error { return e.Err }
