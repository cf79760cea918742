// MyRestaurant: a self-hosted takeout and ordering system for restaurants, on PocketBase.
package main

import (
	"log"
	"os"
	"path/filepath"
	_ "time/tzdata" // the shop's time zone works on machines without a zoneinfo database

	"github.com/pocketbase/pocketbase"
	"github.com/pocketbase/pocketbase/plugins/jsvm"
	"github.com/pocketbase/pocketbase/plugins/migratecmd"

	"myrestaurant/modules"
	"myrestaurant/modules/config"
	"myrestaurant/modules/staff"
	_ "myrestaurant/pb_migrations"
	"myrestaurant/ui"
)

func main() {
	app := pocketbase.NewWithConfig(pocketbase.Config{DataMaxIdleConns: config.DataMaxIdleConns, DBConnect: config.DBConnect})
	cfg, err := config.FromEnv()
	if err != nil {
		log.Fatal(err)
	}
	app.RootCmd.PersistentFlags().BoolVar(&cfg.Demo, "demo", cfg.Demo,
		"seed a demo menu on first start and use the mock WeChat login and payment (never in production)")
	// The modules choose their providers when they register, before Start parses the command line, so read
	// --demo now, as PocketBase itself does for --dir.
	_ = app.RootCmd.ParseFlags(os.Args[1:])

	migratecmd.MustRegister(app, app.RootCmd, migratecmd.Config{
		TemplateLang: migratecmd.TemplateLangGo,
		Dir:          "pb_migrations",
	})
	jsvm.MustRegister(app, jsvm.Config{
		HooksDir: filepath.Join(app.DataDir(), "../pb_hooks"),
		// JS migrations must not be read from the Go migrations folder.
		MigrationsDir: filepath.Join(app.DataDir(), "../pb_js_migrations"),
	})

	if err := modules.Register(app, cfg); err != nil {
		log.Fatal(err)
	}
	ui.Register(app)
	app.RootCmd.AddCommand(staff.EmployeeCommand(app))

	if err := app.Start(); err != nil {
		log.Fatal(err)
	}
}
