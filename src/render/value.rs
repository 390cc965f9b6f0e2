//! Page data is assembled as serde_json values (the `json!` macro reads like the page)
//! and handed to Tera as its own values. Converting ourselves keeps numbers numbers:
//! serde_json's exact-decimal mode would otherwise reach Tera as opaque maps.

use serde_json::Value as J;
use tera::Value as T;

pub fn to_tera(v: &J) -> T {
    match v {
        J::Null => T::none(),
        J::Bool(b) => T::from(*b),
        J::Number(n) => {
            if let Some(i) = n.as_i64() {
                T::from(i)
            } else if let Some(u) = n.as_u64() {
                T::from(u)
            } else {
                T::from(n.as_f64().unwrap_or(0.0))
            }
        }
        J::String(s) => T::from(s.as_str()),
        J::Array(a) => T::from(a.iter().map(to_tera).collect::<Vec<_>>()),
        J::Object(m) => {
            let map: tera::Map = m.iter().map(|(k, v)| (tera::value::Key::from(k.clone()), to_tera(v))).collect();
            T::from(map)
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn numbers_stay_numbers_in_templates() {
        let mut t = tera::Tera::new();
        t.add_raw_template("x", "{{ v.a + 1 }} {{ v.s }} {% if v.n %}n{% else %}none{% endif %}").unwrap();
        let mut c = tera::Context::new();
        c.insert_value("v", super::to_tera(&serde_json::json!({"a": 41, "s": "ก", "n": null})));
        assert_eq!(t.render("x", &c).unwrap(), "42 ก none");
    }
}
