package backup

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"myrestaurant/internal/apptest"
)

// TestLitestreamReplicaRestoresAcknowledgedOrders runs README's Litestream setup against a live shop: Litestream
// replicates both databases to a (file) replica while customers order, then README's restore command rebuilds a
// fresh data folder from the replica, and every order acknowledged a sync interval before replication stopped is
// there with its items. Litestream is not ours: CI builds it (see .ci/run) and passes its path in
// MYRESTAURANT_LITESTREAM; without it the test skips.
func TestLitestreamReplicaRestoresAcknowledgedOrders(t *testing.T) {
	litestream := os.Getenv("MYRESTAURANT_LITESTREAM")
	if litestream == "" {
		t.Skip("set MYRESTAURANT_LITESTREAM to a litestream binary (v0.3) to run this test")
	}
	app := apptest.New(t, register(t))
	base := apptest.Serve(t, app)
	dish, err := app.FindFirstRecordByData("dishes", "name", "老坛酸菜鱼")
	if err != nil {
		t.Fatal(err)
	}
	replica, restored := t.TempDir(), t.TempDir()
	configFile := filepath.Join(t.TempDir(), "litestream.yml")
	config := "dbs:\n"
	for _, db := range []string{"data.db", "auxiliary.db"} {
		config += fmt.Sprintf("  - path: %s\n    replicas:\n      - url: file://%s\n",
			filepath.Join(app.DataDir(), db), filepath.Join(replica, db))
	}
	if err := os.WriteFile(configFile, []byte(config), 0o644); err != nil {
		t.Fatal(err)
	}
	replicate := exec.Command(litestream, "replicate", "-config", configFile)
	out, _ := os.Create(filepath.Join(t.TempDir(), "replicate.log"))
	replicate.Stdout, replicate.Stderr = out, out
	if err := replicate.Start(); err != nil {
		t.Fatal(err)
	}
	defer replicate.Process.Kill()

	orders := startOrdering(base, dish.Id, 4)
	waitFor(t, func() bool { return orders.placed.Load() >= 20 })
	acks := orders.finish(t)
	time.Sleep(3 * time.Second) // Litestream ships the WAL every second
	replicate.Process.Signal(syscall.SIGINT)
	replicate.Wait()

	for _, db := range []string{"data.db", "auxiliary.db"} {
		restore := exec.Command(litestream, "restore", "-config", configFile, "-if-replica-exists",
			"-o", filepath.Join(restored, db), filepath.Join(app.DataDir(), db))
		if b, err := restore.CombinedOutput(); err != nil {
			t.Fatalf("litestream restore %s: %v\n%s", db, err, b)
		}
	}
	_, staff := restoredShop(t, restored)
	var restoredOrders int
	for _, a := range acks {
		if a.paid {
			continue
		}
		restoredOrders++
		code, data, msg, err := staff.call("GET", "/admin/order/details/"+a.orderID, nil)
		if err != nil || code != 1 || !json.Valid(data) {
			t.Errorf("order %s is not in the restored replica: %d %s %v", a.orderID, code, msg, err)
			continue
		}
		var o struct{ OrderDetailList []struct{ Name string } }
		json.Unmarshal(data, &o)
		if len(o.OrderDetailList) != 1 {
			t.Errorf("order %s restored without its items: %s", a.orderID, data)
		}
	}
	t.Logf("%d acknowledged orders restored from the Litestream replica", restoredOrders)
}
