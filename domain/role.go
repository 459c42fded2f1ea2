package domain

// Role is what a member may do with one proposal. Roles are per proposal: the same person can own one
// network's draft and review another's.
type Role string

// The roles, from most to least powerful.
const (
	RoleOwner    Role = "owner"
	RoleEditor   Role = "editor"
	RoleReviewer Role = "reviewer"
	RoleViewer   Role = "viewer"
)

// Action is something a member asks to do; Allows decides it in one table rather than in each handler.
type Action string

// The actions that roles are checked against.
const (
	ActionRead          Action = "read"
	ActionEditText      Action = "edit_text"
	ActionComment       Action = "comment"
	ActionEditProposal  Action = "edit_proposal"
	ActionManageMembers Action = "manage_members"
	ActionDelete        Action = "delete"
)

var allowed = map[Role]map[Action]bool{
	RoleOwner:    {ActionRead: true, ActionEditText: true, ActionComment: true, ActionEditProposal: true, ActionManageMembers: true, ActionDelete: true},
	RoleEditor:   {ActionRead: true, ActionEditText: true, ActionComment: true, ActionEditProposal: true},
	RoleReviewer: {ActionRead: true, ActionComment: true},
	RoleViewer:   {ActionRead: true},
}

// Valid reports whether r is one of the known roles.
func (r Role) Valid() bool { _, ok := allowed[r]; return ok }

// Allows reports whether a member with role r may perform a.
func (r Role) Allows(a Action) bool { return allowed[r][a] }

// RolesAllowing lists the roles whose members may perform a, for checks made inside a query.
func RolesAllowing(a Action) []Role {
	var out []Role
	for _, r := range Roles() {
		if r.Allows(a) {
			out = append(out, r)
		}
	}
	return out
}

// Roles lists the roles in order, for messages and documentation.
func Roles() []Role { return []Role{RoleOwner, RoleEditor, RoleReviewer, RoleViewer} }
