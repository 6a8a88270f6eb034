package wordpress

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
)

// importVersion goes into every checksum: raising it makes the next import
// rewrite everything, for when the importer itself changes how it maps.
const importVersion = "1"

// checksum fingerprints what an object was made from.
func checksum(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err) // the types marshalled here are plain structs of strings
	}
	sum := sha256.Sum256(append([]byte(importVersion), b...))
	return base64.RawURLEncoding.EncodeToString(sum[:16])
}
