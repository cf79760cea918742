package staff

import (
	"fmt"

	"github.com/pocketbase/pocketbase/core"
)

// Register wires the staff routes and creates the first employee when the server starts with none.
func Register(app core.App, adminPassword string) {
	app.OnServe().BindFunc(func(se *core.ServeEvent) error {
		created, password, err := ensureAdmin(se.App, adminPassword)
		if err != nil {
			return err
		}
		if created {
			if adminPassword == "" {
				se.App.Logger().Warn("created employee admin with a generated password; change it after the first sign-in",
					"username", "admin", "password", password)
				fmt.Printf("\nMyRestaurant: created employee \"admin\" with password %s\n\n", password)
			} else {
				se.App.Logger().Info("created employee admin with MYRESTAURANT_ADMIN_PASSWORD")
			}
		}
		bindRoutes(se)
		return se.Next()
	})
}
