package web

import (
	"encoding/json"
	"strings"
)

// openAPIFor is the embedded OpenAPI document as this server serves it:
// without the routes it does not register (the writes of a read-only
// server, corrections without a store that keeps them).
func openAPIFor(readOnly, corrections bool) ([]byte, error) {
	if !readOnly && corrections {
		return openAPI, nil
	}
	var doc map[string]any
	if err := json.Unmarshal(openAPI, &doc); err != nil {
		return nil, err
	}
	paths, _ := doc["paths"].(map[string]any)
	for p, item := range paths {
		ops, _ := item.(map[string]any)
		if !corrections && strings.HasPrefix(p, "/api/corrections") {
			delete(paths, p)
			continue
		}
		if readOnly {
			delete(ops, "post")
			if len(ops) == 0 || (len(ops) == 1 && ops["parameters"] != nil) {
				delete(paths, p)
			}
		}
	}
	return json.MarshalIndent(doc, "", "  ")
}
