package web

import (
	"context"
	"net/http"

	"github.com/crosscheck-news/crosscheck"
)

// SourceLister lists the watched sources (package sqlite).
type SourceLister interface {
	// Sources returns the sources the filter selects, by ID.
	Sources(ctx context.Context, f crosscheck.SourceFilter) ([]*crosscheck.Source, error)
}

// apiSources lists the watched sources with their state: status, last
// check, last new item, next check, last error, items added.
func (s *Server) apiSources(w http.ResponseWriter, r *http.Request) {
	var f crosscheck.SourceFilter
	if st := r.URL.Query().Get("status"); st != "" {
		status := crosscheck.SourceStatus(st)
		if !status.Valid() {
			s.apiFail(w, r, crosscheck.Errorf(crosscheck.EINVALID, "status %q: give active, paused, failing or gone", st))
			return
		}
		f.Status = &status
	}
	list, err := s.cfg.Sources.Sources(r.Context(), f)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	out := apiList[crosscheck.SourceView]{Items: []crosscheck.SourceView{}, Total: len(list), Limit: len(list)}
	for _, s := range list {
		out.Items = append(out.Items, s.View())
	}
	writeJSON(w, http.StatusOK, out)
}
