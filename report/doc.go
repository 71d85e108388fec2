// Package report renders a crosscheck.Report for people and programs: a
// terminal rendering, Markdown, a self-contained HTML file, and JSON that
// keeps the contract of shared/REPORT-CONTRACT.md.
//
// It owns presentation only: the analysis is made by package check, and
// nothing here reads a store or the network.
package report
