//! One JSONL record: its fields borrowed from the input line in their original order, the
//! text and id pulled out of it, and the output record written back with every field kept.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::Deserialize;
use serde_json::value::RawValue;

/// A JSON string (a record's key, or its text): borrowed from the line unless it had escapes.
#[derive(Debug)]
pub struct Key<'a>(pub Cow<'a, str>);

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string key")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Borrowed(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(v.to_string())))
            }
        }
        d.deserialize_str(KeyVisitor)
    }
}

/// The fields of a JSON object, in order, with their values left as raw JSON.
#[derive(Debug)]
pub struct Fields<'a>(pub Vec<(Key<'a>, &'a RawValue)>);

impl<'de> Deserialize<'de> for Fields<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct FieldsVisitor;
        impl<'de> Visitor<'de> for FieldsVisitor {
            type Value = Fields<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Fields<'de>, M::Error> {
                let mut fields = Vec::new();
                while let Some(entry) = map.next_entry::<Key<'de>, &'de RawValue>()? {
                    fields.push(entry);
                }
                Ok(Fields(fields))
            }
        }
        d.deserialize_map(FieldsVisitor)
    }
}

impl<'a> Fields<'a> {
    /// Parses a JSONL line into its fields.
    ///
    /// # Errors
    /// A message saying why the line is not a JSON object.
    pub fn parse(line: &'a str) -> Result<Self, String> {
        serde_json::from_str(line).map_err(|e| {
            if e.is_data() { "the record is not a JSON object".to_string() } else { format!("not valid JSON: {e}") }
        })
    }

    /// The raw JSON value of the field `name` (the last one when it is repeated).
    pub fn get(&self, name: &str) -> Option<&'a RawValue> {
        self.0.iter().rev().find(|(k, _)| k.0 == name).map(|(_, v)| *v)
    }

    /// The string field `name`.
    ///
    /// # Errors
    /// A message when the field is missing, is not a string, or is a string that is not
    /// Unicode (a `\u` escape of a lone surrogate, which the raw field lets through).
    pub fn text(&self, name: &str) -> Result<Cow<'a, str>, String> {
        let raw = self.get(name).ok_or_else(|| format!("no \"{name}\" field"))?;
        // Borrowed from the line when the string has no escapes.
        serde_json::from_str::<Key<'a>>(raw.get()).map(|k| k.0).map_err(|e| match json_kind(raw.get()) {
            "a string" => format!("\"{name}\" is not a valid string: {}", string_error(&e)),
            kind => format!("\"{name}\" must be a string, got {kind}"),
        })
    }

    /// The field `name` as text for messages: a string's value, else its raw JSON.
    pub fn id(&self, name: &str) -> Option<String> {
        let raw = self.get(name)?;
        Some(serde_json::from_str::<String>(raw.get()).unwrap_or_else(|_| raw.get().to_string()))
    }

    /// Writes the record with `key` set to the raw JSON `value`: every other field as it was,
    /// in its order, and `key` last (replacing a field of that name).
    pub fn write_with(&self, line: &str, key: &str, value: &str, out: &mut Vec<u8>) {
        let has_key = self.0.iter().any(|(k, _)| k.0 == key);
        if !has_key {
            // Fast path: the input line up to its closing brace, then the new field.
            let body = line.trim_end();
            let body = &body[..body.len() - 1]; // a parsed object ends with `}`
            out.extend_from_slice(body.as_bytes());
            if !self.0.is_empty() {
                out.push(b',');
            }
        } else {
            out.push(b'{');
            for (k, v) in self.0.iter().filter(|(k, _)| k.0 != key) {
                serde_json::to_writer(&mut *out, &k.0).expect("strings serialise");
                out.push(b':');
                out.extend_from_slice(v.get().as_bytes());
                out.push(b',');
            }
        }
        serde_json::to_writer(&mut *out, key).expect("strings serialise");
        out.push(b':');
        out.extend_from_slice(value.as_bytes());
        out.push(b'}');
    }
}

/// Why a JSON string does not read as text. The raw field has checked everything but the
/// pairing of surrogate escapes, so that is what fails (serde_json calls a lone trailing
/// surrogate "leading" too); any other message is kept, without its position, which counts
/// in the field's value and not in the record.
fn string_error(e: &serde_json::Error) -> String {
    let message = e.to_string();
    if message.contains("surrogate") {
        return "it escapes a lone surrogate (\\uD800-\\uDFFF)".to_string();
    }
    let position = format!(" at line {} column {}", e.line(), e.column());
    message.strip_suffix(&position).unwrap_or(&message).to_string()
}

/// What kind of JSON value `raw` is, for messages.
fn json_kind(raw: &str) -> &'static str {
    match raw.trim_start().as_bytes().first() {
        Some(b'{') => "an object",
        Some(b'[') => "an array",
        Some(b'"') => "a string",
        Some(b't' | b'f') => "a boolean",
        Some(b'n') => "null",
        _ => "a number",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_chaff(line: &str) -> String {
        let fields = Fields::parse(line).unwrap();
        let mut out = Vec::new();
        fields.write_with(line, "chaff", "{\"label\":\"clean\"}", &mut out);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn keeps_every_field_in_order() {
        assert_eq!(
            with_chaff(r#"{"url": "x", "text": "a\nb", "n": [1, {"k": 2}]}  "#),
            r#"{"url": "x", "text": "a\nb", "n": [1, {"k": 2}],"chaff":{"label":"clean"}}"#
        );
        assert_eq!(with_chaff("{}"), r#"{"chaff":{"label":"clean"}}"#);
    }

    #[test]
    fn replaces_an_existing_key() {
        assert_eq!(
            with_chaff(r#"{"chaff": 1, "text": "t"}"#),
            r#"{"text":"t","chaff":{"label":"clean"}}"#
        );
    }

    #[test]
    fn extracts_text_and_reports_bad_fields() {
        let f = Fields::parse(r#"{"text": "Xin ch\u00e0o", "id": 7, "body": 3}"#).unwrap();
        assert_eq!(f.text("text").unwrap(), "Xin chào");
        assert_eq!(f.id("id").unwrap(), "7");
        assert_eq!(f.text("body").unwrap_err(), "\"body\" must be a string, got a number");
        assert_eq!(f.text("content").unwrap_err(), "no \"content\" field");
        assert_eq!(Fields::parse("[1, 2]").unwrap_err(), "the record is not a JSON object");
        assert!(Fields::parse("{\"text\": ").unwrap_err().starts_with("not valid JSON: EOF"));
    }

    /// Found by the `jsonl_record` fuzz target: a raw field lets a lone surrogate escape
    /// through; as the text it was reported as "must be a string, got a string".
    #[test]
    fn reports_a_text_with_a_lone_surrogate() {
        let f = Fields::parse(r#"{"text": "a\ud83d\ud00e", "url": "\udc00"}"#).unwrap();
        let message = |name| format!("\"{name}\" is not a valid string: it escapes a lone surrogate (\\uD800-\\uDFFF)");
        assert_eq!(f.text("text").unwrap_err(), message("text"));
        assert_eq!(f.text("url").unwrap_err(), message("url"));
    }

    /// Other fields are written back as they were, lone surrogates included, and the output
    /// record reads again.
    #[test]
    fn keeps_lone_surrogates_of_other_fields() {
        let line = r#"{"url": "\ud800", "text": "t"}"#;
        let out = with_chaff(line);
        assert_eq!(out, r#"{"url": "\ud800", "text": "t","chaff":{"label":"clean"}}"#);
        assert_eq!(Fields::parse(&out).unwrap().0.len(), 3);
    }
}
