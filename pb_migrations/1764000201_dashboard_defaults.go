package migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

// The dashboard's settings start as the product's rather than PocketBase's examples, each only while it still
// holds PocketBase's default (an operator's own value stays):
//   - the application name MyRestaurant (PocketBase's "Acme"), which also names the backups
//     (@auto_pb_backup_myrestaurant_…) and the sender of PocketBase's emails;
//   - automatic backups daily at 03:00 (shop time: the app's cron runs in the shop's zone, see modules/order),
//     the last 7 kept;
//   - the request log names the account of each request (authId): which employee or superuser acted.
//
// The application URL has no sensible default; the server warns at start while it is PocketBase's
// (modules/media) and README says what to set it to.
const (
	productName       = "MyRestaurant"
	backupCron        = "0 3 * * *"
	backupsKept       = 7
	pocketBaseAppName = "Acme"
	pocketBaseSender  = "Support"
)

func init() {
	m.Register(func(app core.App) error {
		s := app.Settings()
		if s.Meta.AppName == pocketBaseAppName {
			s.Meta.AppName = productName
		}
		if s.Meta.SenderName == pocketBaseSender {
			s.Meta.SenderName = productName
		}
		if s.Backups.Cron == "" {
			s.Backups.Cron = backupCron
			s.Backups.CronMaxKeep = backupsKept
		}
		s.Logs.LogAuthId = true
		return app.Save(s)
	}, nil)
}
