package apidocs

import (
	"reflect"
	"strings"

	"myrestaurant/modules/compat"
	"myrestaurant/modules/order"
	"myrestaurant/modules/report"
)

// object is one JSON object of the document.
type object = map[string]any

// schemas turns the Go types the handlers decode and encode into JSON Schema components, so the document
// describes exactly what encoding/json reads and writes: a renamed or added field shows up without an edit here.
type schemas struct {
	components object
	names      map[reflect.Type]string
}

func newSchemas() *schemas {
	return &schemas{components: object{}, names: map[reflect.Type]string{}}
}

// The compat wire types (modules/compat/types.go) and the few other types with their own JSON encoding. A
// request reads more than an answer writes: ids, numbers and money also as numeric strings, times with or
// without seconds.
var (
	typeID         = reflect.TypeFor[compat.ID]()
	typeInt        = reflect.TypeFor[compat.Int]()
	typeText       = reflect.TypeFor[compat.Text]()
	typeMoney      = reflect.TypeFor[compat.Money]()
	typeTime       = reflect.TypeFor[compat.Time]()
	typeDouble     = reflect.TypeFor[report.Double]()
	typeDetailList = reflect.TypeFor[order.DetailList]()
)

func (s *schemas) wireType(t reflect.Type, input bool) (object, bool) {
	switch t {
	case typeID:
		if input {
			return object{"type": []string{"integer", "string", "null"}, "description": "record id (15 digits), as a number or a numeric string"}, true
		}
		return object{"type": []string{"integer", "null"}, "description": "record id: a 15-digit number (below 2^53, safe in JavaScript); null when absent", "examples": []any{100000000000001}}, true
	case typeInt:
		if input {
			return object{"type": []string{"integer", "string", "null"}, "description": "a whole number, or a numeric string; null or absent leaves the value as it is"}, true
		}
		return object{"type": []string{"integer", "null"}}, true
	case typeText:
		if input {
			return object{"type": []string{"string", "number", "null"}, "description": "text (a number is read as its text); null or absent leaves the value as it is"}, true
		}
		return object{"type": []string{"string", "null"}}, true
	case typeMoney:
		if input {
			return object{"type": []string{"number", "string", "null"}, "description": "yuan with at most two decimals, as a number or a numeric string (e.g. 56, \"56.5\", 68.69999999999999 is read as 68.70)"}, true
		}
		return object{"type": []string{"number", "null"}, "description": "yuan, written with two decimals (56.00)", "examples": []any{56.00}}, true
	case typeTime:
		if input {
			return object{"type": []string{"string", "null"}, "description": "`yyyy-MM-dd HH:mm:ss`, `yyyy-MM-dd HH:mm` or `yyyy-MM-dd`, in the shop's time zone"}, true
		}
		return object{"type": []string{"string", "null"}, "pattern": `^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$`, "description": "`yyyy-MM-dd HH:mm` in the shop's time zone; null when not set", "examples": []any{"2026-01-02 12:30"}}, true
	case typeDouble:
		return object{"type": "number", "description": "a Java double, written with at least one decimal (0.0, 120.5)"}, true
	case typeDetailList:
		return object{"type": []string{"array", "null"}, "items": s.of(reflect.TypeFor[order.Detail](), input)}, true
	}
	return nil, false
}

// of returns the schema of t: a $ref to a component for a named struct, inline otherwise.
func (s *schemas) of(t reflect.Type, input bool) object {
	if o, ok := s.wireType(t, input); ok {
		return o
	}
	switch t.Kind() {
	case reflect.Pointer:
		o := s.of(t.Elem(), input)
		return nullable(o)
	case reflect.Slice, reflect.Array:
		return object{"type": "array", "items": s.of(t.Elem(), input)}
	case reflect.Map:
		return object{"type": "object", "additionalProperties": s.of(t.Elem(), input)}
	case reflect.String:
		return object{"type": "string"}
	case reflect.Bool:
		return object{"type": "boolean"}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return object{"type": "integer"}
	case reflect.Float32, reflect.Float64:
		return object{"type": "number"}
	case reflect.Interface:
		return object{}
	case reflect.Struct:
		if t.Name() == "" {
			return s.structSchema(t, input)
		}
		return object{"$ref": "#/components/schemas/" + s.component(t, input)}
	}
	panic("apidocs: no schema for " + t.String())
}

// nullable adds null to a schema's types (or wraps a $ref).
func nullable(o object) object {
	switch v := o["type"].(type) {
	case string:
		c := clone(o)
		c["type"] = []string{v, "null"}
		return c
	case []string:
		for _, x := range v {
			if x == "null" {
				return o
			}
		}
		c := clone(o)
		c["type"] = append(append([]string{}, v...), "null")
		return c
	}
	return object{"oneOf": []any{o, object{"type": "null"}}}
}

func clone(o object) object {
	c := object{}
	for k, v := range o {
		c[k] = v
	}
	return c
}

// component registers a named struct once and returns its name: the package and the type, e.g. menu.DishVO,
// so two packages' LoginResult never meet. A type read from requests gets its own reading schema.
func (s *schemas) component(t reflect.Type, input bool) string {
	key := t
	if input {
		key = reflect.PointerTo(t) // a separate key for the reading schema of a type answers also use
	}
	if name, ok := s.names[key]; ok {
		return name
	}
	pkg := t.PkgPath()
	pkg = pkg[strings.LastIndex(pkg, "/")+1:]
	name := pkg + "." + t.Name()
	if i := strings.IndexByte(name, '['); i >= 0 { // compat.PageResult[menu.Category] → compat.PageResult.Category
		inner := name[i+1 : len(name)-1]
		name = name[:i] + "." + inner[strings.LastIndex(inner, ".")+1:]
	}
	if input {
		if _, used := s.components[name]; used || s.usedAsAnswer(t) {
			name += ".input"
		}
	}
	s.names[key] = name
	s.components[name] = object{} // placeholder against recursion
	s.components[name] = s.structSchema(t, input)
	return name
}

func (s *schemas) usedAsAnswer(t reflect.Type) bool {
	_, ok := s.names[t]
	return ok
}

// structSchema lists the JSON fields of a struct as encoding/json sees them (embedded structs flattened).
func (s *schemas) structSchema(t reflect.Type, input bool) object {
	props := object{}
	var required []string
	var walk func(reflect.Type)
	walk = func(t reflect.Type) {
		for i := range t.NumField() {
			f := t.Field(i)
			tag := f.Tag.Get("json")
			if tag == "-" {
				continue
			}
			name, _, _ := strings.Cut(tag, ",")
			if f.Anonymous && name == "" {
				walk(f.Type)
				continue
			}
			if !f.IsExported() {
				continue
			}
			if name == "" {
				name = f.Name
			}
			props[name] = s.of(f.Type, input)
			required = append(required, name)
		}
	}
	walk(t)
	o := object{"type": "object", "properties": props}
	if !input {
		// Every field of an answer is always present, null when unset, as in the original.
		o["required"] = required
	}
	return o
}
