// Package ingest turns what a user names (file paths, directories, URLs,
// "-" for standard input, uploaded or pasted bytes) into raw
// crosscheck.Document values: a UTF-8 body, its format (text or HTML) and
// the metadata a container stated (a JSON Lines record, a feed item).
//
// It owns reading: files and directories, HTTP fetching with its limits
// (timeout, size cap, redirect limit, honest User-Agent, optional refusal of
// private addresses for the web UI), charset decoding, format sniffing, JSON
// Lines records, and feeds (parsed by package feed; item pages fetched when
// an item carries only a summary).
//
// It does not extract main text, dates or bylines from pages (extract does)
// and it does not store anything. Each input that fails yields a
// *crosscheck.InputError naming it, and the batch goes on.
package ingest
