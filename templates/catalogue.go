package templates

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strconv"

	"iduit/internal/yamldata"
)

//go:embed *.yaml
var embedded embed.FS

// Catalogue holds every version of every template. It is read-only after Load, so it is safe to share.
type Catalogue struct {
	byKey map[string][]*Template // versions in ascending order
}

var fileName = regexp.MustCompile(`^([a-z0-9][a-z0-9-]*)\.v([1-9][0-9]*)\.yaml$`)

// Embedded loads the templates shipped in the binary.
func Embedded() (*Catalogue, error) { return Load(embedded) }

// Load parses and validates every *.yaml file at the root of fsys. One bad file fails the whole load, so
// that a broken template stops the start-up rather than a user's request.
func Load(fsys fs.FS) (*Catalogue, error) {
	names, err := fs.Glob(fsys, "*.yaml")
	if err != nil {
		return nil, err
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("templates: no *.yaml files found")
	}
	c := &Catalogue{byKey: map[string][]*Template{}}
	for _, name := range names {
		t, err := loadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("templates/%s: %w", name, err)
		}
		c.byKey[t.Key] = append(c.byKey[t.Key], t)
	}
	for _, versions := range c.byKey {
		sort.Slice(versions, func(i, j int) bool { return versions[i].Version < versions[j].Version })
	}
	for key, versions := range c.byKey {
		for _, t := range versions {
			if _, ok := c.byKey[t.SupersededBy]; t.SupersededBy != "" && !ok {
				return nil, fmt.Errorf("templates/%s.v%d.yaml: superseded_by: %q is not a template", key, t.Version, t.SupersededBy)
			}
		}
	}
	return c, nil
}

func loadFile(fsys fs.FS, name string) (*Template, error) {
	m := fileName.FindStringSubmatch(path.Base(name))
	if m == nil {
		return nil, fmt.Errorf("file name must be KEY.vN.yaml")
	}
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, err
	}
	var t Template
	if err := yamldata.Decode(data, &t); err != nil {
		return nil, err
	}
	if t.Key != m[1] || strconv.Itoa(t.Version) != m[2] {
		return nil, fmt.Errorf("key %q and version %d do not match the file name", t.Key, t.Version)
	}
	if err := validate(&t); err != nil {
		return nil, err
	}
	return &t, nil
}

// DefaultKey is the template a new proposal starts from when none is named: the funding request of the
// current grant cycles.
const DefaultKey = "gf-funding-request"

// Default returns the newest version of the template new proposals start from by default.
func (c *Catalogue) Default() (*Template, bool) { return c.Latest(DefaultKey) }

// Latest returns the newest version of the template with the given key.
func (c *Catalogue) Latest(key string) (*Template, bool) {
	versions := c.byKey[key]
	if len(versions) == 0 {
		return nil, false
	}
	return versions[len(versions)-1], true
}

// Get returns one version of a template; proposals use it to find the version they pinned.
func (c *Catalogue) Get(key string, version int) (*Template, bool) {
	for _, t := range c.byKey[key] {
		if t.Version == version {
			return t, true
		}
	}
	return nil, false
}

// List returns the newest version of each template in the order a user should meet them: the default
// first, then the other current templates by key, then superseded ones by key — so that a retired form
// is never the first thing offered.
func (c *Catalogue) List() []*Template {
	out := make([]*Template, 0, len(c.byKey))
	for k := range c.byKey {
		t, _ := c.Latest(k)
		out = append(out, t)
	}
	rank := func(t *Template) int {
		switch {
		case t.Key == DefaultKey:
			return 0
		case t.SupersededBy == "":
			return 1
		}
		return 2
	}
	sort.Slice(out, func(i, j int) bool {
		if ri, rj := rank(out[i]), rank(out[j]); ri != rj {
			return ri < rj
		}
		return out[i].Key < out[j].Key
	})
	return out
}
