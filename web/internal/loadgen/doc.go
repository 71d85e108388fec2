// Package loadgen fills a store with synthetic articles and stories, for
// measuring the web server under load (100,000 articles in 20,000 stories
// by default). The command in cmd/loadgen fills a store and serves it.
//
// The data is made up: topics, places, people and outlets drawn from small
// lists, each story's reports stating the same facts in varied words, some
// with a different number so that stories have conflicts. No corpus text.
package loadgen
