package config

import (
	"fmt"
	"os"
	"strings"
)

// secret reads the variable name, or, when name_FILE is set instead, the file it names, trimmed of the line end
// an editor or `echo` leaves: Docker and systemd hand secrets over as files, which keeps them out of the
// process environment and `docker inspect`. Both set is refused, as it is unclear which one the operator meant;
// so is a file that cannot be read, rather than starting with an empty secret.
func secret(name string) (string, error) {
	file := os.Getenv(name + "_FILE")
	if file == "" {
		return os.Getenv(name), nil
	}
	if os.Getenv(name) != "" {
		return "", fmt.Errorf("both %s and %s_FILE are set: set one", name, name)
	}
	b, err := os.ReadFile(file)
	if err != nil {
		return "", fmt.Errorf("%s_FILE: %w", name, err)
	}
	return strings.TrimSpace(string(b)), nil
}
