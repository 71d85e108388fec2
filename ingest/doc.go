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
//
// # Inputs
//
//   - .txt, .text: one article of plain text, UTF-8 (a BOM is dropped) or
//     UTF-16 with a BOM; other bytes are refused with the offset of the
//     first bad byte, since guessing a charset mangles names silently.
//   - .html, .htm, .xhtml: one page; its charset comes from a BOM, a
//     <meta> declaration or a guess, and the body is rewritten to declare
//     utf-8. A page without any visible text is refused.
//   - .jsonl, .ndjson: one article per line, read as a stream. Fields: id,
//     url, title, text or html (text wins when both are given), published
//     (RFC 3339, 2006-01-02, RFC 1123 and a few more, or Unix seconds),
//     outlet, author, language; null is absent, other fields are ignored.
//     Source is PATH#ID with an id, else the url, else PATH:LINE. A bad
//     line fails alone, named PATH:LINE.
//   - .rss, .atom, and .xml or .json files that are feeds: one document per
//     item, Source the item's link (else FEED#GUID, else FEED#N), Meta from
//     the item and the feed's title as Outlet.
//   - .gz of any of these: decompressed, the size cap applying to the
//     decompressed bytes.
//   - Any other name given explicitly, "-", uploads and HTTP answers
//     without a telling Content-Type are sniffed: a feed root element or
//     JSON Feed version, a first line that is a JSON object (JSON Lines),
//     HTML tags, else text. Binary data (NUL bytes, control characters) is
//     refused.
//   - Directories are walked recursively in sorted order; hidden entries
//     and unknown extensions are skipped silently, and so are .xml and
//     .json files that are not feeds (configuration, expected results) and
//     the NAME_files folder a browser saves beside NAME.html.
//   - http and https URLs: text/html is a page, RSS/Atom/XML/feed+json
//     types are feeds, text/plain and JSON are sniffed, other types are
//     refused. Charsets are decoded with the Content-Type's charset.
package ingest
