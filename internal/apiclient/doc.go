// Package apiclient is a Go client for iduit's API generated from docs/openapi.yaml by oapi-codegen.
// Tests drive the real server through it, so the contract is checked the way an outside team would use
// it: if the document and the server disagree, or the document cannot be turned into a client that
// compiles, a test or the build fails. Regenerate after changing the document:
//
//	go generate ./internal/apiclient
//
// .ci/run regenerates it and fails when the committed file differs.
package apiclient

//go:generate go tool oapi-codegen -config oapi-codegen.yaml ../../docs/openapi.yaml
