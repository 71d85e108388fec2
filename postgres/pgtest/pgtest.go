// Package pgtest gives tests a PostgreSQL database of their own: a fresh
// schema in the server named by $CROSSCHECK_TEST_POSTGRES, dropped when
// the test ends. Tests that need PostgreSQL skip, saying why, when the
// variable is not set; .ci/run always sets it (it starts a server).
package pgtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// EnvVar names the variable holding the URL of a PostgreSQL database in
// which tests may create schemas, e.g.
// postgres://crosscheck:crosscheck@127.0.0.1:5432/crosscheck_test.
const EnvVar = "CROSSCHECK_TEST_POSTGRES"

// Available reports whether a test server is configured.
func Available() bool { return os.Getenv(EnvVar) != "" }

// SkipMessage says how to run the PostgreSQL tests.
const SkipMessage = "PostgreSQL tests skipped: set " + EnvVar + " to a database URL (bash .ci/run starts one; see docs/deploy.md)"

// URL returns the URL of a new, empty schema on the test server, dropped
// when tb ends; it skips tb when no server is configured.
func URL(tb testing.TB) string {
	tb.Helper()
	base := os.Getenv(EnvVar)
	if base == "" {
		tb.Skip(SkipMessage)
	}
	u, err := NewSchema(tb.Context(), base)
	if err != nil {
		tb.Fatalf("test schema: %v", err)
	}
	tb.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if err := DropSchema(ctx, u); err != nil {
			tb.Logf("drop test schema: %v", err)
		}
	})
	return u
}

// NewSchema creates a schema with a random name in the database at base
// and returns base with search_path set to it.
func NewSchema(ctx context.Context, base string) (string, error) {
	var b [6]byte
	rand.Read(b[:])
	name := "test_" + hex.EncodeToString(b[:])
	conn, err := pgx.Connect(ctx, base)
	if err != nil {
		return "", err
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, `CREATE SCHEMA `+name); err != nil {
		return "", err
	}
	u, err := url.Parse(base)
	if err != nil {
		return "", err
	}
	q := u.Query()
	q.Set("search_path", name)
	u.RawQuery = q.Encode()
	return u.String(), nil
}

// DropSchema drops the schema a URL from NewSchema names, with all it holds.
func DropSchema(ctx context.Context, schemaURL string) error {
	u, err := url.Parse(schemaURL)
	if err != nil {
		return err
	}
	name := u.Query().Get("search_path")
	conn, err := pgx.Connect(ctx, schemaURL)
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	_, err = conn.Exec(ctx, `DROP SCHEMA `+pgx.Identifier{name}.Sanitize()+` CASCADE`)
	return err
}
