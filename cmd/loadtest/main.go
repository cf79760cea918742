// Command loadtest drives a running MyRestaurant server as its real clients would, and seeds data folders with
// years of orders for it (see README, Load test). It is a tool apart from the product: the server binary does not
// carry it.
package main

import (
	"log"

	"github.com/pocketbase/pocketbase"

	"myrestaurant/modules/config"
	_ "myrestaurant/pb_migrations" // `loadtest seed` migrates the data folder it fills
	"myrestaurant/tools/loadtest"
)

func main() {
	// The app only serves `loadtest seed` (its --dir is the data folder to fill) and keeps the load's own
	// client state out of the server's folder.
	app := pocketbase.NewWithConfig(pocketbase.Config{DataMaxIdleConns: config.DataMaxIdleConns, DBConnect: config.DBConnect})
	cmd := loadtest.Command(app)
	root := app.RootCmd
	root.Use, root.Short, root.Long = cmd.Use, cmd.Short, cmd.Long
	root.SilenceUsage = true
	root.PreRunE, root.RunE = cmd.PreRunE, cmd.RunE
	root.Flags().AddFlagSet(cmd.Flags())
	root.AddCommand(cmd.Commands()...)
	if err := app.Execute(); err != nil {
		log.Fatal(err)
	}
}
