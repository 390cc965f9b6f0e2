//! Page data is assembled as Tera values with [`tv!`](crate::tv), which reads like
//! serde_json's `json!` (and like the page), but builds what the templates read directly:
//! no intermediate JSON tree, no second copy of every map. On a national portal that was a
//! tenth of the build's CPU time.

pub use tera::Value;
pub use tera::value::{Key, Map};

/// A value as the templates see it. Implemented for what page data is made of: strings,
/// numbers, booleans, options (none), lists and values already built.
pub trait ToTv {
    fn to_tv(&self) -> Value;
}

impl ToTv for Value {
    /// Cheap: Tera shares a value's lists, maps and long strings.
    fn to_tv(&self) -> Value {
        self.clone()
    }
}
impl ToTv for str {
    fn to_tv(&self) -> Value {
        Value::from(self)
    }
}
impl ToTv for String {
    fn to_tv(&self) -> Value {
        Value::from(self.as_str())
    }
}
impl ToTv for bool {
    fn to_tv(&self) -> Value {
        Value::from(*self)
    }
}
macro_rules! numbers {
    ($($t:ty),*) => {$(
        impl ToTv for $t {
            fn to_tv(&self) -> Value {
                Value::from(*self)
            }
        }
    )*};
}
numbers!(i32, i64, u32, u64, usize);
impl<T: ToTv + ?Sized> ToTv for &T {
    fn to_tv(&self) -> Value {
        (**self).to_tv()
    }
}
impl<T: ToTv> ToTv for Option<T> {
    fn to_tv(&self) -> Value {
        self.as_ref().map_or_else(Value::none, ToTv::to_tv)
    }
}
impl<T: ToTv> ToTv for [T] {
    fn to_tv(&self) -> Value {
        Value::from(self.iter().map(ToTv::to_tv).collect::<Vec<_>>())
    }
}
impl<T: ToTv> ToTv for Vec<T> {
    fn to_tv(&self) -> Value {
        self.as_slice().to_tv()
    }
}

/// A map key written as a literal in [`tv!`](crate::tv): borrowed, never allocated.
pub fn key(k: &'static str) -> Key<'static> {
    Key::Str(k)
}

/// The field `k` of a map value (JSON's `v["k"]`).
pub fn field<'v>(v: &'v Value, k: &'static str) -> Option<&'v Value> {
    v.as_map()?.get(&Key::Str(k))
}

/// The map `v` with `k` set to `x` (a value that is not a map becomes one).
pub fn with(v: Value, k: &'static str, x: Value) -> Value {
    let mut map = v.into_map().unwrap_or_default();
    map.insert(Key::Str(k), x);
    Value::from(map)
}

/// Page data in JSON's shape: `tv!({"title": p.title, "rows": [a, b], "none": null})`.
/// Values are taken by reference, as `json!` takes them; keys are string literals.
#[macro_export]
macro_rules! tv {
    (null) => { $crate::render::value::Value::none() };
    ({ $($body:tt)* }) => {{
        #[allow(unused_mut)]
        let mut map = $crate::render::value::Map::new();
        $crate::tv!(@object map; $($body)*);
        $crate::render::value::Value::from(map)
    }};
    ([ $($body:tt)* ]) => {{
        #[allow(unused_mut)]
        let mut list: Vec<$crate::render::value::Value> = Vec::new();
        $crate::tv!(@array list; $($body)*);
        $crate::render::value::Value::from(list)
    }};
    (@object $m:ident; ) => {};
    (@object $m:ident; $k:literal : null $(, $($rest:tt)*)?) => {
        $m.insert($crate::render::value::key($k), $crate::render::value::Value::none());
        $( $crate::tv!(@object $m; $($rest)*); )?
    };
    (@object $m:ident; $k:literal : { $($v:tt)* } $(, $($rest:tt)*)?) => {
        $m.insert($crate::render::value::key($k), $crate::tv!({ $($v)* }));
        $( $crate::tv!(@object $m; $($rest)*); )?
    };
    (@object $m:ident; $k:literal : [ $($v:tt)* ] $(, $($rest:tt)*)?) => {
        $m.insert($crate::render::value::key($k), $crate::tv!([ $($v)* ]));
        $( $crate::tv!(@object $m; $($rest)*); )?
    };
    (@object $m:ident; $k:literal : $v:expr $(, $($rest:tt)*)?) => {
        $m.insert($crate::render::value::key($k), $crate::render::value::ToTv::to_tv(&$v));
        $( $crate::tv!(@object $m; $($rest)*); )?
    };
    (@array $l:ident; ) => {};
    (@array $l:ident; null $(, $($rest:tt)*)?) => {
        $l.push($crate::render::value::Value::none());
        $( $crate::tv!(@array $l; $($rest)*); )?
    };
    (@array $l:ident; { $($v:tt)* } $(, $($rest:tt)*)?) => {
        $l.push($crate::tv!({ $($v)* }));
        $( $crate::tv!(@array $l; $($rest)*); )?
    };
    (@array $l:ident; [ $($v:tt)* ] $(, $($rest:tt)*)?) => {
        $l.push($crate::tv!([ $($v)* ]));
        $( $crate::tv!(@array $l; $($rest)*); )?
    };
    (@array $l:ident; $v:expr $(, $($rest:tt)*)?) => {
        $l.push($crate::render::value::ToTv::to_tv(&$v));
        $( $crate::tv!(@array $l; $($rest)*); )?
    };
    ($v:expr) => { $crate::render::value::ToTv::to_tv(&$v) };
}

/// A JSON value as a Tera value, as page data was built before [`tv!`](crate::tv): the
/// tests' oracle that `tv!` builds the same. Numbers stay numbers: serde_json's
/// exact-decimal mode would otherwise reach Tera as opaque maps.
#[cfg(test)]
fn to_tera(v: &serde_json::Value) -> Value {
    use serde_json::Value as J;
    match v {
        J::Null => Value::none(),
        J::Bool(b) => Value::from(*b),
        J::Number(n) => {
            if let Some(i) = n.as_i64() {
                Value::from(i)
            } else if let Some(u) = n.as_u64() {
                Value::from(u)
            } else {
                Value::from(n.as_f64().unwrap_or(0.0))
            }
        }
        J::String(s) => Value::from(s.as_str()),
        J::Array(a) => Value::from(a.iter().map(to_tera).collect::<Vec<_>>()),
        J::Object(m) => {
            let map: Map = m.iter().map(|(k, v)| (Key::from(k.clone()), to_tera(v))).collect();
            Value::from(map)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Value;

    fn render(v: Value, template: &str) -> String {
        let mut t = tera::Tera::new();
        t.add_raw_template("x", template).unwrap();
        let mut c = tera::Context::new();
        c.insert_value("v", v);
        t.render("x", &c).unwrap()
    }

    #[test]
    fn numbers_stay_numbers_in_templates() {
        let v = super::to_tera(&serde_json::json!({"a": 41, "s": "ก", "n": null}));
        assert_eq!(render(v, "{{ v.a + 1 }} {{ v.s }} {% if v.n %}n{% else %}none{% endif %}"), "42 ก none");
    }

    /// tv! builds what json! and to_tera built: the same template output for every shape
    /// page data takes (nesting, lists, options, values built before, trailing commas).
    #[test]
    fn tv_reads_like_json() {
        let title = String::from("แผนปฏิบัติการ");
        let rows = vec![crate::tv!({"id": "1.1-1"}), crate::tv!({"id": "1.1-2"})];
        let none: Option<String> = None;
        let owners = vec!["กองคลัง".to_string(), "สำนักปลัด".to_string()];
        let made = crate::tv!({
            "title": title, "count": 3u64, "ok": true, "none": none, "null": null,
            "nested": {"owners": owners, "list": [1, "สอง", {"three": 3}], "empty": {}},
            "rows": rows, "some": Some("มี"),
        });
        let json = super::to_tera(&serde_json::json!({
            "title": title, "count": 3u64, "ok": true, "none": none, "null": null,
            "nested": {"owners": owners, "list": [1, "สอง", {"three": 3}], "empty": {}},
            "rows": [{"id": "1.1-1"}, {"id": "1.1-2"}], "some": Some("มี"),
        }));
        let template = "{{ v.title }}|{{ v.count + 1 }}|{{ v.ok }}|{{ v.none is none }}|{{ v.null is none }}|\
                        {{ v.nested.owners | join(sep=',') }}|{{ v.nested.list[1] }}{{ v.nested.list[2].three }}|\
                        {{ v.nested.empty | length }}|{% for r in v.rows %}{{ r.id }};{% endfor %}|{{ v.some }}";
        let expected = "แผนปฏิบัติการ|4|true|true|true|กองคลัง,สำนักปลัด|สอง3|0|1.1-1;1.1-2;|มี";
        assert_eq!(render(made.clone(), template), expected);
        assert_eq!(render(json, template), expected);
        assert_eq!(
            made.as_map().map(|m| m.keys().filter_map(|k| k.as_str()).collect::<Vec<_>>()).unwrap_or_default(),
            ["title", "count", "ok", "none", "null", "nested", "rows", "some"]
        );
    }
}
