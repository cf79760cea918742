package menu

import (
	"encoding/json/v2"
	"sync"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"

	"myrestaurant/modules/appstate"
	"myrestaurant/modules/clock"
	"myrestaurant/modules/compat"
	"myrestaurant/modules/hookorder"
)

// The menu cache (docs/design.md §8) keeps the customer's lists — categories, the dishes with flavors of a
// category, the set meals of a category — together with the exact response bytes of their routes.
//
// Any change to a menu collection, committed through any API (our routes, the dashboard, the native API,
// other modules), drops the whole cache: PocketBase runs the record "after success" hooks once the change
// is committed. Menu changes are rare; dropping everything is simple and cannot leave a stale list behind.
//
// A read that races a change must not keep what it read. Every drop bumps a generation; a read remembers
// the generation from before it queried and keeps its list only if the generation is still the same. A
// read that started before a change committed either stores before the drop (and is dropped with it) or
// finds the generation moved on (and stores nothing).

const cacheStoreKey = appstate.MenuCache

// maxCacheEntries bounds the cache. A real menu has tens of categories; the bound only matters against
// clients asking for many categories that do not exist (empty lists are not kept anyway).
const maxCacheEntries = 4096

type menuCache struct {
	mu      sync.RWMutex
	gen     uint64
	entries map[cacheKey]cachedList
}

// cacheKey names one cached list. A struct, not a formatted string, so a hit allocates nothing.
type cacheKey struct {
	zone   string     // the bytes hold times written in the shop's time zone, which staff may change
	list   string     // "categories", "dishes", "setmeals", or "sellables:" and a table
	filter compat.Int // the category id, or the category type (unset: every type)
}

type cachedList struct {
	value any    // []DishVO, []Setmeal, []Category, or a map of sellables
	body  []byte // the whole success envelope the route sends (none for the sellables)
}

func cacheOf(app core.App) *menuCache {
	return app.Store().GetOrSet(cacheStoreKey, func() any {
		return &menuCache{entries: map[cacheKey]cachedList{}}
	}).(*menuCache)
}

// lookup returns the cached list of key, or the generation a read that fills it must start from.
func (c *menuCache) lookup(key cacheKey) (cachedList, uint64, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	e, ok := c.entries[key]
	return e, c.gen, ok
}

// store keeps a list that was read starting at generation gen, unless the menu changed since.
func (c *menuCache) store(key cacheKey, gen uint64, e cachedList) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if gen != c.gen || len(c.entries) >= maxCacheEntries {
		return false
	}
	c.entries[key] = e
	return true
}

func (c *menuCache) invalidate() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.gen++
	clear(c.entries)
}

// cachedRead serves a customer list and its response bytes from the cache, or reads them with load and keeps them.
func cachedRead[T any](app core.App, key cacheKey, load func(core.App) ([]T, error)) ([]T, []byte, error) {
	e, err := cached(app, key, func(app core.App) (cachedList, bool, error) {
		list, body, err := readWithBody(app, load)
		// An empty list is not kept: it is cheap to read again, and the original treats it as a miss too.
		return cachedList{value: list, body: body}, len(list) > 0, err
	})
	if err != nil {
		return nil, nil, err
	}
	return e.value.([]T), e.body, nil
}

// cached serves key from the cache, or builds the entry with read and keeps it when read says so.
func cached(app core.App, key cacheKey, read func(core.App) (e cachedList, keep bool, err error)) (cachedList, error) {
	if app.IsTransactional() {
		// A transaction sees its own uncommitted writes, which may yet roll back: keep nothing it reads.
		e, _, err := read(app)
		return e, err
	}
	key.zone = clock.Zone().String()
	c := cacheOf(app)
	e, gen, ok := c.lookup(key)
	if ok {
		return e, nil
	}
	e, keep, err := read(app)
	if err != nil {
		return cachedList{}, err
	}
	if keep {
		c.store(key, gen, e)
	}
	return e, nil
}

func readWithBody[T any](app core.App, load func(core.App) ([]T, error)) ([]T, []byte, error) {
	list, err := load(app)
	if err != nil {
		return nil, nil, err
	}
	body, err := json.Marshal(compat.Result{Code: 1, Data: list})
	return list, body, err
}

func dishesKey(categoryID compat.ID) cacheKey {
	return cacheKey{list: "dishes", filter: compat.Int{Value: int64(categoryID), Valid: true}}
}

func setmealsKey(categoryID compat.ID) cacheKey {
	return cacheKey{list: "setmeals", filter: compat.Int{Value: int64(categoryID), Valid: true}}
}

func categoriesKey(categoryType compat.Int) cacheKey {
	return cacheKey{list: "categories", filter: categoryType}
}

func customerDishes(app core.App, categoryID compat.ID) ([]DishVO, []byte, error) {
	return cachedRead(app, dishesKey(categoryID), func(app core.App) ([]DishVO, error) {
		return loadCustomerDishes(app, categoryID)
	})
}

func customerSetmeals(app core.App, categoryID compat.ID) ([]Setmeal, []byte, error) {
	return cachedRead(app, setmealsKey(categoryID), func(app core.App) ([]Setmeal, error) {
		return loadCustomerSetmeals(app, categoryID)
	})
}

func customerCategories(app core.App, categoryType compat.Int) ([]Category, []byte, error) {
	return cachedRead(app, categoriesKey(categoryType), func(app core.App) ([]Category, error) {
		return listCategories(app, categoryType)
	})
}

// CustomerDishes is GET /user/dish/list: the on-sale dishes, with flavors, of an enabled category, newest
// first, served from the menu cache. The slice is shared with the cache: do not modify it.
func CustomerDishes(app core.App, categoryID compat.ID) ([]DishVO, error) {
	list, _, err := customerDishes(app, categoryID)
	return list, err
}

// CustomerSetmeals is GET /user/setmeal/list: the on-sale set meals of an enabled category, served from the
// menu cache. The slice is shared with the cache: do not modify it.
func CustomerSetmeals(app core.App, categoryID compat.ID) ([]Setmeal, error) {
	list, _, err := customerSetmeals(app, categoryID)
	return list, err
}

// CustomerCategories is GET /user/category/list: the enabled categories, of one type when categoryType is
// Valid, served from the menu cache. The slice is shared with the cache: do not modify it.
func CustomerCategories(app core.App, categoryType compat.Int) ([]Category, error) {
	list, _, err := customerCategories(app, categoryType)
	return list, err
}

// invalidateMenuCache drops every cached menu list. The record hooks call it after every committed change to
// the menu collections; a change by raw SQL, which runs no hooks, would have to call it too (none does).
func invalidateMenuCache(app core.App) { cacheOf(app).invalidate() }

// bindCacheHooks drops the cache after every committed create, update or delete of a menu record, whoever
// makes it. These are PocketBase's model-level record hooks: they fire for app.Save/app.Delete from any
// code path, not only for API requests, and inside a transaction only once it has committed.
func bindCacheHooks(app core.App) {
	hooks := []*hook.TaggedHook[*core.RecordEvent]{
		app.OnRecordAfterCreateSuccess(menuCollections...),
		app.OnRecordAfterUpdateSuccess(menuCollections...),
		app.OnRecordAfterDeleteSuccess(menuCollections...),
	}
	for _, h := range hooks {
		// First of the menu's "after" handlers (see hookorder.MenuCache).
		h.Bind(hookorder.Handler(hookorder.MenuCache, func(e *core.RecordEvent) error {
			invalidateMenuCache(e.App)
			return e.Next()
		}))
	}
}
