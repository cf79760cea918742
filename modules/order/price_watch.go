package order

import (
	"sync"
	"sync/atomic"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"

	"myrestaurant/modules/appstate"
	"myrestaurant/modules/hookorder"
	"myrestaurant/modules/menu"
	"myrestaurant/modules/shop"
)

// priceWatch counts the writes to what an order is priced from — the shop (open or not, the fees) and the menu
// items with their categories — so that a submit can price the cart outside the write transaction and know,
// inside it, whether that price still holds.
//
// started moves when a write begins; finished once it has committed or failed and every "after" hook of the
// write before this one has run, the menu cache's included, so the cache no longer holds what the write
// replaced. A price read while the two differ may have seen a write that is about to roll back, or missed one
// that is about to commit, so it is not trusted. A price read while they were equal holds as long as started
// has not moved: SQLite has one writer, so any later write to those collections has moved started before the
// order's transaction can begin.
type priceWatch struct {
	started, finished atomic.Uint64
	writing           sync.Map // *core.Record → struct{}: the writes started and not yet finished
}

// priceStamp is the state of the watch when a price was read.
type priceStamp struct {
	started uint64
	settled bool // no write was under way
}

const priceWatchKey = appstate.OrderPriceWatch

// watchPrices binds the watch to the shop and menu collections.
func watchPrices(app core.App) *priceWatch {
	w := &priceWatch{}
	app.Store().Set(priceWatchKey, w)
	collections := append([]string{shop.Collection}, menu.SellableCollections...)
	for _, h := range []*hook.TaggedHook[*core.RecordEvent]{
		app.OnRecordCreateExecute(collections...),
		app.OnRecordUpdateExecute(collections...),
		app.OnRecordDeleteExecute(collections...),
	} {
		h.BindFunc(func(e *core.RecordEvent) error {
			w.writing.Store(e.Record, struct{}{})
			w.started.Add(1)
			return e.Next()
		})
	}
	// Last among the "after" hooks (see hookorder.PriceWatch). A failure before the write began (validation)
	// also ends here, without having started: the map tells them apart.
	for _, h := range []*hook.TaggedHook[*core.RecordEvent]{
		app.OnRecordAfterCreateSuccess(collections...),
		app.OnRecordAfterUpdateSuccess(collections...),
		app.OnRecordAfterDeleteSuccess(collections...),
	} {
		h.Bind(hookorder.Handler(hookorder.PriceWatch, func(e *core.RecordEvent) error {
			w.done(e.Record)
			return e.Next()
		}))
	}
	for _, h := range []*hook.TaggedHook[*core.RecordErrorEvent]{
		app.OnRecordAfterCreateError(collections...),
		app.OnRecordAfterUpdateError(collections...),
		app.OnRecordAfterDeleteError(collections...),
	} {
		h.Bind(hookorder.Handler(hookorder.PriceWatch, func(e *core.RecordErrorEvent) error {
			w.done(e.Record)
			return e.Next()
		}))
	}
	return w
}

func priceWatchOf(app core.App) *priceWatch {
	w, _ := app.Store().Get(priceWatchKey).(*priceWatch)
	return w
}

func (w *priceWatch) done(r *core.Record) {
	if _, ok := w.writing.LoadAndDelete(r); ok {
		w.finished.Add(1)
	}
}

// stamp is taken before reading prices.
func (w *priceWatch) stamp() priceStamp {
	finished := w.finished.Load()
	started := w.started.Load()
	return priceStamp{started: started, settled: started == finished}
}

// holds tells, inside the order's write transaction, whether prices read after s are still current.
func (w *priceWatch) holds(s priceStamp) bool {
	return s.settled && w.started.Load() == s.started
}
