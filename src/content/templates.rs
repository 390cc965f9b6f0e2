//! The national plan templates (nacc-2561, nacc-2566), shipped inside the binary. A plan
//! that names one may leave out dimension and mission titles; the template supplies them.

use super::yaml::{self, Node};
use std::sync::OnceLock;

pub const NAMES: [&str; 2] = ["nacc-2561", "nacc-2566"];

pub struct Template {
    pub name: String,
    pub dimensions: Vec<TemplateDimension>,
}

pub struct TemplateDimension {
    pub no: u32,
    pub title: String,
    pub missions: Vec<TemplateMission>,
}

pub struct TemplateMission {
    pub no: String,
    pub title: String,
    pub sub_missions: Vec<(String, String)>,
}

impl Template {
    pub fn dimension(&self, no: u32) -> Option<&TemplateDimension> {
        self.dimensions.iter().find(|d| d.no == no)
    }
    pub fn mission(&self, no: &str) -> Option<&TemplateMission> {
        self.dimensions.iter().flat_map(|d| &d.missions).find(|m| m.no == no)
    }
}

fn s(n: Option<&Node>) -> String {
    n.and_then(Node::as_scalar).unwrap_or_default().to_string()
}

fn seq(n: Option<&Node>) -> &[Node] {
    n.and_then(Node::as_seq).unwrap_or(&[])
}

fn parse_all() -> Vec<(String, Template)> {
    let root =
        yaml::parse(include_str!("../../data/templates.yaml")).expect("the shipped templates.yaml is valid YAML");
    let mut out = Vec::new();
    for (key, t) in root.as_map().unwrap_or(&[]) {
        let dimensions = seq(t.get("dimensions"))
            .iter()
            .map(|d| TemplateDimension {
                no: s(d.get("no")).parse().unwrap_or(0),
                title: s(d.get("title")),
                missions: seq(d.get("missions"))
                    .iter()
                    .map(|m| TemplateMission {
                        no: s(m.get("no")),
                        title: s(m.get("title")),
                        sub_missions: seq(m.get("sub_missions"))
                            .iter()
                            .map(|x| (s(x.get("no")), s(x.get("title"))))
                            .collect(),
                    })
                    .collect(),
            })
            .collect();
        out.push((key.text.clone(), Template { name: s(t.get("name")), dimensions }));
    }
    out
}

pub fn get(name: &str) -> Option<&'static Template> {
    static ALL: OnceLock<Vec<(String, Template)>> = OnceLock::new();
    ALL.get_or_init(parse_all).iter().find(|(k, _)| k == name).map(|(_, t)| t)
}

#[cfg(test)]
mod tests {
    #[test]
    fn both_templates_have_four_dimensions() {
        for name in super::NAMES {
            let t = super::get(name).unwrap();
            assert_eq!(t.dimensions.len(), 4, "{name}");
            assert!(t.dimensions.iter().all(|d| !d.title.is_empty() && !d.missions.is_empty()));
        }
        let t = super::get("nacc-2566").unwrap();
        assert_eq!(t.dimension(1).unwrap().title, "การสร้างวัฒนธรรมสุจริต");
        assert_eq!(t.mission("2.2").unwrap().title, "มาตรการส่งเสริมคุณธรรมและความโปร่งใส");
    }
}
