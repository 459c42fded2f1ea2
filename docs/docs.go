// Package docs embeds the API description so the server can publish it and tests can hold the server to it.
package docs

import _ "embed"

// OpenAPI is docs/openapi.yaml, the contract of the REST API.
//
//go:embed openapi.yaml
var OpenAPI []byte
