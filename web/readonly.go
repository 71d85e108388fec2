package web

import (
	"context"
	"path"
	"strings"

	"github.com/crosscheck-news/crosscheck"
)

// publicSource is an article's source as the server shows it: URLs,
// uploads and pasted text as they are; a local file by its name only
// ("a.txt", "feed.jsonl#41"), not the path on the machine that ingested
// it, which says who ran it and where their files are.
func publicSource(src string) string {
	switch {
	case src == "", src == "-", strings.Contains(src, "://"), strings.HasPrefix(src, "upload:"), strings.HasPrefix(src, "pasted-"):
		return src
	}
	return path.Base(strings.ReplaceAll(src, `\`, "/"))
}

func publicArticle(a *crosscheck.Article) *crosscheck.Article {
	if a != nil {
		a.Source = publicSource(a.Source)
	}
	return a
}

// publicArticles shows every article the server reads with its public source.
type publicArticles struct{ src Articles }

func (p publicArticles) Article(ctx context.Context, id string) (*crosscheck.Article, error) {
	a, err := p.src.Article(ctx, id)
	return publicArticle(a), err
}

func (p publicArticles) Articles(ctx context.Context, f crosscheck.ArticleFilter) ([]*crosscheck.Article, int, error) {
	as, n, err := p.src.Articles(ctx, f)
	for _, a := range as {
		publicArticle(a)
	}
	return as, n, err
}

func (p publicArticles) Search(ctx context.Context, q string, limit int) ([]crosscheck.SearchHit, error) {
	hs, err := p.src.Search(ctx, q, limit)
	for _, h := range hs {
		publicArticle(h.Article)
	}
	return hs, err
}

// publicReports shows the articles of every report with their public source.
type publicReports struct{ src Reporter }

func (p publicReports) StoryReport(ctx context.Context, id string) (*crosscheck.StoryReport, error) {
	r, err := p.src.StoryReport(ctx, id)
	if r != nil {
		for _, a := range r.Articles {
			publicArticle(a)
		}
	}
	return r, err
}
