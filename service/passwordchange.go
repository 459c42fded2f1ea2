package service

import (
	"context"

	"iduit/domain"
)

// ChangePassword sets a new password for a signed-in person who knows the current one, and ends every
// other session of the account: whoever else had the old password, or a forgotten phone, is signed out.
func (s *Service) ChangePassword(ctx context.Context, user domain.User, sessionID, current, next string) error {
	if p := checkPasswordRules(next, user.Email); p != nil {
		p.Field = "new_password"
		return domain.Invalid("the new password is not valid", *p)
	}
	if _, err := s.checkCredentials(ctx, user.Email, current); err != nil {
		if domain.ErrorKind(err) == domain.KindUnauthenticated {
			return domain.Invalid("the current password is wrong", *domain.NewProblem("current_password", domain.ProblemWrongPassword))
		}
		return err
	}
	hash, err := s.hashes.hash(ctx, next)
	if err != nil {
		return err
	}
	return s.store.ChangePassword(ctx, user.ID, sessionID, hash)
}
