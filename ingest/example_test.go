package ingest_test

import (
	"context"
	"errors"
	"fmt"

	"github.com/crosscheck-news/crosscheck"
	"github.com/crosscheck-news/crosscheck/ingest"
)

func ExampleReader_FromBytes() {
	jsonl := []byte(`{"id":"a1","outlet":"Kelby Herald","text":"The port of Kelby reopened on Monday."}
{"text": 42}
{"url":"https://news.example.test/wind","text":"Wind farms produced a record output."}
`)
	r := ingest.New(ingest.Options{})
	for doc, err := range r.FromBytes(context.Background(), "upload.jsonl", "", jsonl) {
		var ie *crosscheck.InputError
		if errors.As(err, &ie) {
			fmt.Println("failed:", ie.Input)
			continue
		}
		fmt.Println(doc.Source, doc.Format, doc.Meta.Outlet)
	}
	// Output:
	// upload.jsonl#a1 text Kelby Herald
	// failed: upload.jsonl:2
	// https://news.example.test/wind text
}
