// Package report renders a crosscheck.Report for people and programs:
//
//   - Text: a terminal rendering wrapped to a width, ANSI colour on request;
//   - Markdown: CommonMark with GitHub tables;
//   - HTML: one self-contained page (inline CSS, no scripts, no external
//     assets) with status badges and conflicts side by side;
//   - JSON: the contract of shared/REPORT-CONTRACT.md (json.go).
//
// Write picks one by name. Every rendering of a story follows the same order:
// header, brief, conflicts, claims by status, quotes, attributions, entities,
// coverage per outlet, timeline, articles. Articles are cited by short labels
// ([1], [2]) that the header's legend and the articles list resolve to outlet
// and ID. Sections with nothing in them are left out, so a story that has only
// its articles (before the claims stage runs) renders as its article list.
//
// Article text is untrusted. All of it goes through one cleaning step (control
// and bidirectional-override characters dropped, white space folded), then the
// format's own escaping: html/template for HTML (links only from http(s) URLs),
// backslash escapes for Markdown; the terminal rendering prints no byte that
// could drive a terminal.
//
// It owns presentation only: the analysis is made by package check, and
// nothing here reads a store or the network.
package report
