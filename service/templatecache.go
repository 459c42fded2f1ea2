package service

import (
	"sync"

	"iduit/templates"
)

// maxRememberedProposals bounds proposalTemplates: a few MB at most, far more proposals than a server
// sees drafted at once.
const maxRememberedProposals = 20000

// proposalTemplates remembers which template each proposal was drafted from, so that an autosave can be
// validated before the database is asked anything (see SaveSectionAsSession). A proposal's template never
// changes, so an entry is never wrong; a deleted proposal's entry only sends its saves the ordinary way.
// Entries come only from requests that passed the access check, and a remembered template decides
// nothing on its own: the save statement still checks access.
type proposalTemplates struct {
	mu sync.RWMutex
	m  map[string]*templates.Template
}

func (c *proposalTemplates) get(proposalID string) (*templates.Template, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	tpl, ok := c.m[proposalID]
	return tpl, ok
}

func (c *proposalTemplates) remember(proposalID string, tpl *templates.Template) {
	if known, ok := c.get(proposalID); ok && known == tpl {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil || len(c.m) >= maxRememberedProposals {
		c.m = make(map[string]*templates.Template)
	}
	c.m[proposalID] = tpl
}
